"""Time `retro-tui check` on files with many quotes against plain tomllib parsing.

Three files, each with N quotes (default 50,000, 4-5 MB): all valid; each quote
lacking its required `text`; each quote with an unknown key. `check` runs as the real
command in a fresh process (so start-up is included, and reported apart); the floor is
`tomllib.loads` of the same text in a fresh process too. `check` should take about as
long as parsing, whatever the number of problems, and its message should list the first
few problems and say how many more there are.

    .venv/bin/python bench/check.py [--quotes N] [--repeat R]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import record

HEAD = """\
schema_version = 1

[session]
title = "Groot gegenereerd voorbeeld"
language = "nl"
status = "preparing"
created = 2026-01-01T10:00:00
updated = 2026-01-01T10:00:00
"""

QUOTE = {
    "valid": '\n[[quotes]]\nid = "q-{n}"\ntime = 2026-01-01T10:00:00\nstep = "timeline"\ntext = "Niemand vroeg het ({n})."\n',
    "missing_text": '\n[[quotes]]\nid = "q-{n}"\ntime = 2026-01-01T10:00:00\nstep = "timeline"\ntekst = "Niemand vroeg het ({n})."\n',
    "dangling_speaker": '\n[[quotes]]\nid = "q-{n}"\ntime = 2026-01-01T10:00:00\nstep = "timeline"\nspeaker_id = "p-nobody"\ntext = "Niemand vroeg het ({n})."\n',
}


def generate(kind: str, quotes: int) -> str:
    return HEAD + "".join(QUOTE[kind].format(n=n) for n in range(quotes))


def timed(argv: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True)
    return time.perf_counter() - start, result


def summary(times: list[float]) -> str:
    return f"{statistics.median(times):6.2f} s [{min(times):.2f}–{max(times):.2f}] n={len(times)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cli = Path(sys.executable).with_name("retro-tui")
    parse = "import sys, tomllib; tomllib.loads(open(sys.argv[1], encoding='utf-8').read())"
    with tempfile.TemporaryDirectory() as folder:
        startup = [timed([sys.executable, "-c", "import tomllib"])[0] for _ in range(args.repeat)]
        print(f"python start-up            {summary(startup)}")
        for kind in QUOTE:
            path = Path(folder) / f"{kind}.toml"
            path.write_text(generate(kind, args.quotes), encoding="utf-8")
            # In pairs, one right after the other: on a shared machine the load changes
            # from minute to minute, and a ratio within a pair is what it says least about.
            floor, checks, ratios = [], [], []
            for _ in range(args.repeat):
                floor.append(timed([sys.executable, "-c", parse, str(path)])[0])
                seconds, result = timed([str(cli), "--lang", "en", "check", str(path)])
                checks.append(seconds)
                ratios.append(seconds / floor[-1])
            size = path.stat().st_size / 1e6
            print(f"\n{kind}: {args.quotes:,} quotes, {size:.1f} MB, exit {result.returncode}")
            print(f"  tomllib parse (process)  {summary(floor)}")
            print(f"  retro-tui check          {summary(checks)}")
            print(f"  ratio check / parse      {statistics.median(ratios):.2f} [{min(ratios):.2f}–{max(ratios):.2f}] (per pair)")
            ratio = statistics.median(ratios)
            record(f"check, {args.quotes:,} quotes: {kind.replace('_', ' ')}", checks, ratio=ratio,
                   target="≤ 1.5×", met=ratio <= 1.5, note=f"tomllib {statistics.median(floor):.2f} s")
            message = (result.stdout + result.stderr).splitlines()
            shown = message[:3] + (["  ..."] if len(message) > 5 else []) + message[-2:] if len(message) > 5 else message
            print("  message: " + "\n           ".join(line[:110] for line in shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
