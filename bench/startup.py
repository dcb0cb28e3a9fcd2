"""Time from process start to the session screen painted with the example session,
against a bare Textual app (header, footer, one label) started the same way, in the
same run. Prints the ratio; the target is <= 1.5.

    .venv/bin/python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = HERE / "_first_paint.py"
EXAMPLE = HERE.parent / "sessions" / "example.toml"


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(CHILD), *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        session = Path(folder) / "example.toml"
        shutil.copy(EXAMPLE, session)
        # One untimed run each: warms the OS file cache, and proves the first frame that
        # is timed below really shows the session.
        timed(["bare"]), timed(["session", str(session), "--check"])
        bare, ours = [], []
        for _ in range(runs):  # interleaved, so drift in machine load hits both alike
            bare.append(timed(["bare"]))
            ours.append(timed(["session", str(session)]))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare Textual app, first paint   {b * 1000:6.0f} ms (median of {runs})")
    print(f"retro-tui example session       {o * 1000:6.0f} ms")
    print(f"ratio {o / b:.2f}  (target <= 1.50)")


if __name__ == "__main__":
    main()
