"""A big session file is read in pieces, and the records of each run of `[[...]]` tables
are validated as their piece is read (store/codec.py `_validated`): the session is the
same, a problem is named as before, and the records' dicts no longer stay behind as
freed memory among the records."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from retro_tui.model import Session
from retro_tui.store import SessionError, codec, dumps

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from big_session import big_session  # noqa: E402


@pytest.fixture(scope="module")
def big_text() -> str:
    return dumps(big_session(events=600, quotes=1500, insights=60))


def test_a_big_session_reads_the_same_with_its_runs_validated_as_read(big_text, tmp_path, monkeypatch):
    taken = []
    validated = codec._validated

    def spy(run, tables):
        out = validated(run, tables)
        taken.append((run, out is not None))
        return out

    monkeypatch.setattr(codec, "_validated", spy)
    session = codec.loads(big_text, tmp_path / "big.toml")
    assert session == Session.model_validate(tomllib.loads(big_text))
    # Every run in pieces was taken as models: quotes, events and insights at least.
    runs = {run for run, ok in taken if ok}
    assert {("quotes",), ("timeline", "events"), ("insights", "items")} <= runs
    assert all(ok for _, ok in taken)


def _findings(text: str, path: Path) -> tuple:
    with pytest.raises(SessionError) as raised:
        codec.loads(text, path)
    # As the person reads them (a finding's values are objects without equality).
    return raised.value.total, [f.describe("en") for f in raised.value.findings]


@pytest.mark.parametrize(
    "damage",
    [
        ('text = "', 'text = "\\u0007', 700),  # a control character in the 700th text
        ('date = "', 'date = "2019-02-30', 40),  # an impossible date in an event
        ("kind = ", "kinds = ", 300),  # an unknown key, and the kind missing
    ],
    ids=["control_character", "impossible_date", "unknown_key"],
)
def test_problems_in_a_big_file_are_named_as_when_validated_whole(big_text, tmp_path, monkeypatch, damage):
    old, new, nth = damage
    starts = [m.start() for m in re.finditer(re.escape(old), big_text)]
    at = starts[nth]
    text = big_text[:at] + new + big_text[at + len(old):]
    found = _findings(text, tmp_path / "big.toml")
    monkeypatch.setattr(codec, "_validated", lambda run, tables: None)
    assert found == _findings(text, tmp_path / "big.toml")
    assert found[1], "the damage was found"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_reading_a_big_session_leaves_no_freed_dicts_resident(big_text, tmp_path):
    """Validated after the whole file was read, the records' dicts were freed among the
    records and stayed resident: 12.5 MB more after reading the big session, 8 MB now."""
    path = tmp_path / "big.toml"
    path.write_text(dumps(big_session()), "utf-8")
    script = (
        "import re, sys\n"
        "from pathlib import Path\n"
        "from retro_tui.store import load\n"
        "import retro_tui.store.files\n"
        "def rss(): return int(re.search(r'VmRSS:\\s+(\\d+)', Path('/proc/self/status').read_text()).group(1)) / 1024\n"
        "before = rss()\n"
        "session = load(Path(sys.argv[1]))\n"
        "print(rss() - before)\n"
    )
    grew = float(subprocess.run([sys.executable, "-c", script, str(path)], check=True, capture_output=True, text=True).stdout)
    assert grew < 10, f"reading kept {grew:.1f} MB"
