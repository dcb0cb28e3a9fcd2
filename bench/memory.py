"""Where a big session's memory goes, for whoever works on the peak-memory row of
bench/feel.py (issue 14).

Two views:

- `app`: the real `retro-tui open` on the big session in a pseudo-terminal, its
  resident and peak memory (VmRSS/VmHWM) at the first frame, when the first step is
  filled, after F6 (where feel.py reads it) and once settled; then what is resident by
  mapping (anonymous memory against each shared library), and the bare Textual app's
  peak beside it.
- `phases`: the same reading done step by step in this process (imports, read, decode,
  parse, validate, the dict let go, the autosave's snapshot and its first write),
  resident memory after each and its high-water mark since the step before; what
  Python's object allocator holds (pymalloc: its 1 MiB arenas and the bytes in use in
  them) and what glibc's malloc holds (in use, and free but kept); and Python's own
  allocations (tracemalloc, `--traced`: slower, and it inflates RSS), then the lines
  that hold most at the end.

What it showed (issue 14): the top of the app's memory was rtoml's own tree while it
parsed the big session whole (26 MB over the text; store/strict_toml.py now parses it
in pieces), then the first autosave's pickle and text held several times at once
(store/render_process.py, shared.py, safe_read.py), and glibc keeping freed big blocks once its
threshold had risen (platform_calls.big_blocks_from_the_system).

Then (h/mem3) the top was the settled app once all panes are built (72.1 MB), not the
reading: the timeline's pane adds 2 MB of it (0.9 MB of Python objects, the rest
allocator pages). The autosave's snapshot costs 1.5 MB of dumped record dicts and held
two dicts by id beside them (0.56 MB, now lists by position: store/snapshots.py); the
file's bytes were held through the parse beside its text (2.2 MB, store/files.py). Not
taken, measured: a young collection before `heap.settle` freezes is a full pass there
(the collector is held from the start, so everything is in generation 0: 24-27 ms for
3,100 objects, under 0.4 MB); `malloc_trim` at settle gives back 0.4-0.9 MB that the
panes built next take again (the peak does not move); pydantic's plugin scan
(`PYDANTIC_DISABLE_PLUGINS`) 0.1 MB; building the model classes lazily
(`defer_build`) ends at the same size once a session is read.

    .venv/bin/python bench/memory.py [app|phases|both] [--traced]
"""

from __future__ import annotations

import argparse
import collections
import gc
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

F6 = b"\x1b[17~"
NEXT_STEP = "De groep als geheel:"  # as bench/feel.py


def status(pid: int | str = "self") -> dict[str, float]:
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS", "VmHWM")):
            key, value = line.split(":")
            found[key] = int(value.split()[0]) / 1024
    return found


def clear_peak() -> bool:
    """Start the high-water mark (VmHWM) afresh from what is resident now (Linux)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def allocators() -> str:
    """pymalloc's arenas and bytes in use; glibc's malloc in use and free (kept)."""
    import ctypes
    import os

    fd, name = tempfile.mkstemp()
    saved = os.dup(2)
    os.dup2(fd, 2)  # sys._debugmallocstats writes to the C stderr
    try:
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(fd)
    stats = Path(name).read_text()
    Path(name).unlink()

    def number(label: str) -> int:
        found = re.search(label + r"\s*=\s*([\d,]+)", stats)
        return int(found.group(1).replace(",", "")) if found else 0

    line = f"pymalloc {number('arenas allocated current'):3d} arenas, {number('bytes in allocated blocks') / 2**20:5.1f} MB used"

    class Info(ctypes.Structure):
        _fields_ = [(n, ctypes.c_size_t) for n in ["arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost"]]

    mallinfo2 = getattr(ctypes.CDLL(None), "mallinfo2", None)
    if mallinfo2 is not None:
        mallinfo2.restype = Info
        info = mallinfo2()
        line += f" | malloc {info.uordblks / 2**20:5.1f} MB used, {info.fordblks / 2**20:5.1f} free, {info.hblkhd / 2**20:4.1f} mapped"
    return line


def resident_by_mapping(pid: int) -> list[tuple[str, float]]:
    sizes: collections.Counter[str] = collections.Counter()
    name = "?"
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            parts = line.split()
            name = parts[5].rsplit("/", 1)[-1] if len(parts) > 5 else "(anonymous: heaps, arenas)"
        elif line.startswith("Rss:"):
            sizes[name] += int(line.split()[1]) / 1024
    return sizes.most_common(12)


def app(big: Path) -> None:
    from pty_screen import BIN, PtyApp

    def show(label: str, pid: int) -> None:
        now = status(pid)
        print(f"  {label:<28} rss {now['VmRSS']:6.1f} MB   peak {now['VmHWM']:6.1f} MB", flush=True)

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "big.toml"
        shutil.copy(big, copy)
        print("retro-tui open, big session (80x24):")
        with PtyApp([str(BIN / "retro-tui"), "open", str(copy)]) as run:
            pid = run.process.pid
            run.wait_for(lambda s: "Groot" in s)
            show("first frame", pid)
            run.wait_for(lambda s: "Deelnemer" in s, timeout=60)
            show("first step filled", pid)
            # The second step's own pane, as feel.py waits: its name is in the tabs
            # from the first frame, so waiting for that timed no step change at all.
            run.key(F6, lambda s: NEXT_STEP in s)
            show("after F6 (feel.py's row)", pid)
            time.sleep(2)
            run.pump(0.1)
            show("settled, 2 s later", pid)
            # The other steps' panes are built one a second after the first frame
            # (ui/session_screen.py): all of them are there by now.
            time.sleep(5)
            run.pump(0.1)
            show("all panes built, 7 s later", pid)
            print("  resident by mapping:")
            for name, size in resident_by_mapping(pid):
                print(f"    {size:6.1f} MB  {name}")
        with PtyApp([sys.executable, str(HERE / "_bare.py")]) as run:
            run.wait_for(lambda s: "bare-app-ready" in s)
            time.sleep(0.5)
            bare = status(run.process.pid)["VmHWM"]
            print(f"bare Textual app: peak {bare:.1f} MB; 2x is {2 * bare:.1f} MB")


def phases(big: Path, traced: bool) -> None:
    import tracemalloc

    if traced:
        tracemalloc.start()

    def show(label: str) -> None:
        now = status()
        line = f"  {label:<27} rss {now['VmRSS']:5.1f} MB  peak since {now['VmHWM']:5.1f} MB | {allocators()}"
        if traced:
            current, peak = tracemalloc.get_traced_memory()
            line += f" | python {current / 2**20:5.1f} MB (peak {peak / 2**20:5.1f})"
            tracemalloc.reset_peak()
        print(line, flush=True)
        clear_peak()

    print("in this process, step by step:")
    show("python")
    import textual.app  # noqa: F401

    show("textual imported")
    import retro_tui.ui.app
    import retro_tui.ui.timeline_pane  # noqa: F401  (the model, pydantic, the store)

    show("retro-tui's screen imported")
    from retro_tui.model import Session
    from retro_tui.store.codec import decode, snapshot
    from retro_tui.store.safe_read import read_regular
    from retro_tui.store.snapshots import Snapshots
    from retro_tui.store.strict_toml import parse

    from retro_tui.platform_calls import big_blocks_from_the_system

    big_blocks_from_the_system()  # as the app does before it reads a session
    gc.disable()  # as the app reads a session (ui/heap.py)
    raw = read_regular(big)
    show("file read")
    text = decode(raw, big)
    show("decoded")
    data = parse(text)
    show("parsed")
    session = Session.model_validate(data)
    show("validated")
    del data, text, raw
    show("text and dict let go")
    snapshots = Snapshots()
    base = snapshots.take(session)
    show("autosave's first snapshot")
    full = snapshot(session)
    show("a full snapshot beside it")
    del full
    gc.enable()
    gc.collect()
    show("collected")
    from retro_tui.store import now
    from retro_tui.store.render_process import stream_elsewhere, stop
    from retro_tui.store.shared import SharedFile

    copy = big.with_name("written.toml")
    copy.write_bytes(big.read_bytes())
    shared = SharedFile.opened(copy, session, base)
    b"".join(stream_elsewhere({}))  # the helper started, as it is from the first save on
    show("autosave's file opened")
    session.session.updated = now()
    shared.write(snapshots.take(session), stream_elsewhere)
    stop()
    show("autosave's first write")
    if traced:
        print("  held most (python allocations, by line):")
        for stat in tracemalloc.take_snapshot().statistics("lineno")[:12]:
            print(f"    {stat.size / 2**20:6.2f} MB {stat.count:7d}  {stat.traceback}")
    assert base


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("view", nargs="?", default="both", choices=["app", "phases", "both"])
    parser.add_argument("--traced", action="store_true", help="tracemalloc in `phases`")
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)  # the child's
    args = parser.parse_args()
    if args.file is not None:
        phases(args.file, args.traced)
        return
    with tempfile.TemporaryDirectory() as folder:
        from big_session import write as write_big

        big = Path(folder) / "big.toml"
        write_big(big)
        if args.view in ("app", "both"):
            app(big)
        if args.view in ("phases", "both"):
            # A fresh process: this one has imported the model to write the session.
            extra = ["--traced"] if args.traced else []
            subprocess.run([sys.executable, __file__, "phases", "--file", str(big), *extra], check=True)


if __name__ == "__main__":
    main()
