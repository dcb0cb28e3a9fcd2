"""What the autosave costs the UI thread on the big session: the full snapshot it used
to take (`codec.snapshot`, a model_dump of everything) against the incremental one it
takes now (store/snapshots.py), with nothing changed and after a few edits.

    .venv/bin/python bench/autosave_snapshot.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from big_session import write as write_big

from retro_tui.store import load, snapshot
from retro_tui.store.snapshots import Snapshots


def timed(work, repeat: int) -> str:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return f"{statistics.median(times) * 1000:6.2f} ms [{min(times) * 1000:.2f}–{max(times) * 1000:.2f}] n={repeat}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        session = load(write_big(Path(folder) / "big.toml"))
    snapshots = Snapshots()
    snapshots.take(session)
    n = [0]

    def edited() -> None:
        n[0] += 1
        session.checkin.notes += "x"  # a key typed in the notes
        session.quotes[n[0] % len(session.quotes)].text = f"anders {n[0]}"  # a quote corrected
        session.timeline.events[n[0] % 50].people.append("fm-1")  # a list changed in place
        snapshots.take(session)

    print(f"{'full snapshot (before)':<44} {timed(lambda: snapshot(session), args.repeat)}")
    print(f"{'incremental, nothing changed':<44} {timed(lambda: snapshots.take(session), args.repeat)}")
    print(f"{'incremental, notes + a quote + an event':<44} {timed(edited, args.repeat)}")
    assert snapshots.take(session) == snapshot(session)


if __name__ == "__main__":
    main()
