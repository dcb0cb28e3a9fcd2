"""A pydantic plugin installed beside retro-tui (an observability tool, say) is handed
every model as it is validated: a session's names of children and parents. The app's
commands load none."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE

PLUGIN = '''
from pathlib import Path

Path(__file__).with_name("plugin-loaded").write_text("yes")


class Plugin:
    def new_schema_validator(self, *args, **kwargs):
        return None, None, None


plugin = Plugin()
'''


def _with_plugin(folder: Path) -> dict[str, str]:
    """An environment in which a pydantic plugin is installed (found by its entry point)."""
    (folder / "spy_plugin.py").write_text(PLUGIN, encoding="utf-8")
    info = folder / "spy_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    return env


def test_the_spy_plugin_is_found_by_pydantic(tmp_path):
    # Without this the test below would pass for a plugin pydantic never saw.
    env = _with_plugin(tmp_path)
    code = "from pydantic import BaseModel\nclass M(BaseModel):\n    a: int = 0\nM(a=1)"
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    assert (tmp_path / "plugin-loaded").exists()


def test_commands_load_no_pydantic_plugin(tmp_path):
    env = _with_plugin(tmp_path)
    script = Path(sys.executable).with_name("retro-tui")
    for args in (["check", str(EXAMPLE)], ["open", str(EXAMPLE)]):  # `open` without a terminal prints
        result = subprocess.run([str(script), "--lang", "en", *args], env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert not (tmp_path / "plugin-loaded").exists(), args
