"""Every module outside ui/ (model, store, method, i18n, report, timeline, the CLI …)
must stay importable without Textual."""

import json
import shutil
import subprocess
import sys
from pathlib import Path


SRC = Path(__file__).resolve().parents[1] / "src" / "retro_tui"
EXAMPLE = SRC.parents[1] / "sessions" / "example.toml"
# Not domain: the Textual app itself, and `python -m retro_tui`, which starts it on import.
NOT_DOMAIN = ("retro_tui.ui", "retro_tui.__main__")

WALK = """
import importlib, json, pkgutil, sys
import retro_tui
names = ["retro_tui", *sorted(
    m.name for m in pkgutil.walk_packages(retro_tui.__path__, "retro_tui.")
    if not m.name.startswith(NOT_DOMAIN)
)]
culprits = []
for name in names:
    importlib.import_module(name)
    if "textual" in sys.modules and not culprits:
        culprits.append(name)  # the first module after whose import Textual was loaded
import retro_tui.ui.app  # the check itself must see Textual when it is there
print(json.dumps({"walked": names, "culprits": culprits, "ui_seen": "textual" in sys.modules}))
"""


def _module_names_on_disk() -> set[str]:
    names = set()
    for path in SRC.rglob("*.py"):
        parts = ("retro_tui", *path.relative_to(SRC).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if not name.startswith(NOT_DOMAIN):
            names.add(name)
    return names


def test_every_non_ui_module_imports_without_textual():
    code = f"NOT_DOMAIN = {NOT_DOMAIN!r}\n" + WALK
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert set(report["walked"]) == _module_names_on_disk()  # every module, none skipped
    assert report["culprits"] == [], f"{report['culprits'][0]} brings in Textual"
    assert report["ui_seen"]


def test_the_app_paints_before_it_imports_pydantic():
    """The first frame shows title, steps and questions from a peek at the file; the
    models (and pydantic, ~0.1-0.2 s) are imported after it, while it is on screen."""
    code = (
        "import sys\n"
        "import retro_tui.ui.app, retro_tui.store.peek\n"
        "late = sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic' or m == 'retro_tui.model.session')\n"
        "print(late)\n"
        "raise SystemExit(1 if late else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_open_command_paints_before_it_imports_pydantic(tmp_path):
    """The same through the real command line: `retro-tui open FILE` up to the app's
    first frame (its Ready), where the folder's default once brought in the models."""
    session = tmp_path / "s.toml"
    shutil.copy(EXAMPLE, session)
    code = (
        "import sys\n"
        "import retro_tui.cli as cli, retro_tui.ui.app as ui\n"
        "late = []\n"
        "def on_ready(self):\n"
        "    late.extend(m for m in sys.modules if m.split('.')[0] == 'pydantic' or m == 'retro_tui.model.session')\n"
        "    self.exit()\n"
        "ui.RetroApp.on_ready = on_ready\n"
        "run = ui.RetroApp.run\n"
        "ui.RetroApp.run = lambda self, **kw: run(self, headless=True, **kw)\n"
        "cli._interactive = lambda: True  # the app, as on a terminal\n"
        f"cli.main(['open', {str(session)!r}])\n"
        "print(sorted(late))\n"
        "raise SystemExit(1 if late else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
