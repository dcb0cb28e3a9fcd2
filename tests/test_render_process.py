"""Autosave renders big sessions in a helper process; the text must be the very same,
and a helper that fails must never cost a save."""

from conftest import EXAMPLE
from retro_tui.store import load, snapshot
from retro_tui.store import render_process as rp


def rendered(data) -> bytes:
    """The helper's text whole, as the autosave writes it a piece at a time."""
    return b"".join(rp.stream_elsewhere(data))


def test_the_helper_renders_exactly_what_this_process_would():
    data = snapshot(load(EXAMPLE))
    try:
        assert rendered(data) == rp.render_toml(data).encode("utf-8")
        first = rp._child
        assert first is not None and first.poll() is None  # kept for the next save
        assert rendered(data) == rp.render_toml(data).encode("utf-8")
        assert rp._child is first
    finally:
        rp.stop()
    assert rp._child is None


def test_a_helper_that_died_falls_back_and_is_started_again():
    data = snapshot(load(EXAMPLE))
    try:
        rendered(data)
        dead = rp._child
        dead.kill()
        dead.wait()
        assert rendered(data) == rp.render_toml(data).encode("utf-8")
        started_again = rp._child
        assert started_again is not None and started_again is not dead and started_again.poll() is None
        started_again.stdin.close()  # broken mid-way: rendered here instead
        assert rendered(data) == rp.render_toml(data).encode("utf-8")
    finally:
        rp.stop()


SAVE_PEAK = """
import re, shutil, sys
from pathlib import Path
from retro_tui.store import load, now
from retro_tui.store.render_process import stream_elsewhere, stop
from retro_tui.store.shared import SharedFile
from retro_tui.store.snapshots import Snapshots

def mb(key):
    return int(re.search(key + r":\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1)) / 1024

path = Path(sys.argv[1])
session = load(path)
snapshots = Snapshots()
shared = SharedFile.opened(path, session, snapshots.take(session))
b"".join(stream_elsewhere({"a": 1}))  # the helper started, as after the first save
session.session.updated = now()
data = snapshots.take(session)
Path("/proc/self/clear_refs").write_text("5")  # the high-water mark from here
before = mb("VmRSS")
shared.write(data, stream_elsewhere)
stop()
print(mb("VmHWM") - before)
"""


def test_a_big_sessions_save_holds_no_more_than_its_text(tmp_path):
    """The autosave's write of the big session, in a process of its own for its
    high-water mark: the snapshot goes to the helper as a stream without a memo, the
    pieces written as they come, the file's digest read a piece at a time: 0.1 MB over
    what was resident (5.8 before: pickles, texts and the file whole, at once)."""
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    if not Path("/proc/self/clear_refs").exists():
        pytest.skip("reads Linux's /proc")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from big_session import write

    path = write(tmp_path / "big.toml")
    run = subprocess.run([sys.executable, "-c", SAVE_PEAK, str(path)], check=True, capture_output=True, text=True)
    grew = float(run.stdout)
    assert grew < 1, f"the save took {grew:.1f} MB at its peak"


def test_a_helper_that_dies_part_way_through_a_text_costs_no_save(tmp_path):
    """Pieces of the helper's text are in the temp file already when it dies: the
    save is made again from a text rendered here, and the file holds all of it."""
    import sys
    from pathlib import Path

    from retro_tui.store.shared import SharedFile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from big_session import write

    path = write(tmp_path / "big.toml")  # a text far over what a pipe holds
    session = load(path)
    shared = SharedFile.opened(path, session)
    session.session.title = "Na de val van de helper"
    data = snapshot(session)
    given = []

    def dying(data):
        pieces = rp.stream_elsewhere(data)
        given.append(next(pieces))
        rp._child.kill()
        rp._child.wait()
        yield given[0]
        try:
            yield from pieces
        except rp.HelperFailed:
            given.append("failed")
            raise

    try:
        shared.write(data, dying)
    finally:
        rp.stop()
    assert given[-1] == "failed" and len(given[0]) < path.stat().st_size  # it died part-way
    assert path.read_bytes() == rp.render_toml(data).encode("utf-8")
    assert load(path).session.title == "Na de val van de helper"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.toml", "big.toml.bak"]
