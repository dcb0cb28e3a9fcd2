"""The first frame's peek at a session file (store/peek.py) reads the file's start only:
all of a big session (2 MB) was 14 ms of its first frame. What lies past the start is
never read, and a [session] table that runs past it is left to the full load rather
than read in part."""

from __future__ import annotations

import importlib

from conftest import EXAMPLE
from retro_tui.model import StepId
from retro_tui.store.peek import HEAD_BYTES, peek


def _on_the_timeline() -> str:
    """The example, its current step the last line of its [session] table."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "current_step" not in text and "\n[checkin]\n" in text
    return text.replace("\n[checkin]\n", 'current_step = "timeline"\n\n[checkin]\n', 1)


def test_a_big_file_is_peeked_at_from_its_start_only(tmp_path):
    path = tmp_path / "big.toml"
    text = _on_the_timeline()
    # Past the start: bytes no reading of the whole file would get past (not UTF-8).
    path.write_bytes(text.encode("utf-8") + b"\n# " + b"\xff" * (4 * HEAD_BYTES) + b"\n")
    seen = peek(path)
    assert seen is not None
    assert (seen.title, seen.step) == ("Voorbeeld: gezin Akkerman (fictief)", StepId.timeline)


def test_a_session_table_longer_than_the_start_is_left_to_the_full_load(tmp_path, monkeypatch):
    """Read in part, its current step (after the cut) would have been taken as the first."""
    text = _on_the_timeline()
    path = tmp_path / "long.toml"
    path.write_text(text, encoding="utf-8")
    assert peek(path).step == StepId.timeline
    # The same file with a start shorter than its [session] table.
    cut = text.index("current_step")
    # The module itself: `retro_tui.store.peek` is also the function's name there.
    monkeypatch.setattr(importlib.import_module("retro_tui.store.peek"), "HEAD_BYTES", cut - 10)
    assert peek(path) is None
