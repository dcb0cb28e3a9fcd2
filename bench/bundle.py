"""Time `retro-tui bundle` on a corpus of generated sessions, through the real command.

Cold: an empty index (a new data folder each run), so every session is read and parsed.
Warm: the same index again, nothing changed on disk. Targets at 1,000 sessions on two
cores: cold under 10 s, warm under 1 s. The machine's load is printed with the figures,
because on a shared machine it moves them; so is the CPU time the command and its
worker processes used (user + system), which the load moves far less: on an idle
machine the wall time is about the CPU time, less what the two workers do side by side.

    .venv/bin/python bench/bundle.py [--count 1000] [--runs 3] [--format md] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bundle_corpus import make_corpus

COMMAND = [str(Path(sys.executable).with_name("retro-tui")), "bundle"]


def run(corpus: Path, out: Path, data: Path, formats: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and the workers it waited for)."""
    env = {**os.environ, "RETRO_TUI_DATA": str(data)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*COMMAND, str(corpus), "--out", str(out), "--format", formats, "--lang", "nl"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def figure(times: list[float]) -> str:
    return f"{statistics.median(times):.2f} s [{min(times):.2f}–{max(times):.2f}], n={len(times)}"


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="md")
    parser.add_argument("--corpus", type=Path, help="reuse (or make) the corpus in this folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="retro-bundle-bench-"))
    try:
        corpus = args.corpus or work / "corpus"
        if not corpus.exists() or len(list(corpus.glob("*.toml"))) != args.count:
            make_corpus(corpus, args.count)
        print(f"{args.count} sessions, {sum(f.stat().st_size for f in corpus.glob('*.toml')) / 1e6:.0f} MB; "
              f"{os.cpu_count()} cores; format {args.format}")
        print(f"load average before: {load()}")
        cold = [run(corpus, work / "out", work / f"data-{n}", args.format) for n in range(args.runs)]
        print(f"cold (empty index):  wall {figure([w for w, _ in cold])}; cpu {figure([c for _, c in cold])}   load {load()}")
        warm = [run(corpus, work / "out", work / "data-0", args.format) for _ in range(args.runs)]
        print(f"warm (index filled): wall {figure([w for w, _ in warm])}; cpu {figure([c for _, c in warm])}   load {load()}")
        floor = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([COMMAND[0], "--version"], check=True, stdout=subprocess.DEVNULL)
            floor.append(time.perf_counter() - start)
        print(f"floor (retro-tui --version): {figure(floor)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
