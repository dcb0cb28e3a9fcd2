"""Time from process start to the session screen painted with the example session,
against a bare Textual app (header, footer, one label) started the same way, in the
same run. Prints the ratio; the target is <= 1.5.

The first frame shows the title, the steps and the current step's questions, read
from a peek at the file; the lists of every step follow once the file is validated
(a second figure, so what the first one leaves out is measured too).

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
        timed(["session", str(session), "--check", "--filled"])
        bare, ours, filled = [], [], []
        for _ in range(runs):  # interleaved, so drift in machine load hits both alike
            bare.append(timed(["bare"]))
            ours.append(timed(["session", str(session)]))
            filled.append(timed(["session", str(session), "--filled"]))
    b, o, f = (statistics.median(x) for x in (bare, ours, filled))
    print(f"bare Textual app, first paint        {b * 1000:6.0f} ms (median of {runs})")
    print(f"retro-tui, session screen painted    {o * 1000:6.0f} ms  ratio {o / b:.2f}  (target <= 1.50)")
    print(f"retro-tui, every step's list filled  {f * 1000:6.0f} ms  ratio {f / b:.2f}")


if __name__ == "__main__":
    main()
