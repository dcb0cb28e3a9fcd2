"""The domain (model, store, method, i18n) must stay importable without Textual."""

import subprocess
import sys


def test_domain_packages_do_not_import_textual():
    code = (
        "import sys\n"
        "import retro_tui.model, retro_tui.store, retro_tui.method, retro_tui.i18n, retro_tui.cli\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad)\n"
        "assert 'retro_tui.store' in sys.modules\n"
        "raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
