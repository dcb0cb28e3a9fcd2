"""The domain (model, store, method, i18n) must stay importable without Textual."""

import subprocess
import sys


def test_domain_packages_do_not_import_textual():
    code = (
        "import sys\n"
        # The packages load their names lazily: import every module for real.
        "import retro_tui.model.session, retro_tui.model.integrity, retro_tui.store.files\n"
        "import retro_tui.store.codec, retro_tui.store.peek, retro_tui.method, retro_tui.i18n\n"
        "import retro_tui.operations, retro_tui.cli, retro_tui.intention_export\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad)\n"
        "assert 'retro_tui.store' in sys.modules\n"
        "raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


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
