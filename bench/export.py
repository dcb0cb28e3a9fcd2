"""Time `retro-tui export --format all` as a facilitator runs it: the real command in a
fresh process, on the example session and on the big one (bench/big_session.py: 2,000
events, 5,000 quotes, 200 insights), each run on a fresh copy. Both are reports in their
week of feedback, as the example ships: the first export of a report also starts that
week, reading and saving the session once more (for the big session about 1 s more).

Targets: all formats of the big session in 3 s or less, of the example in 1 s or less.
The baseline, in the same rounds: a fresh Python that imports what any exporter of these
formats needs (python-docx, ReportLab's page layout, Pillow) and parses the big session
with tomllib: the floor no export of this file can go under, whatever it does after.
On a shared machine the load moves wall times; the CPU time (user + system) of the
command is printed beside them, which the load moves far less.

    .venv/bin/python bench/export.py [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from big_session import big_session  # noqa: E402
from results import record  # noqa: E402

from retro_tui.model import Status  # noqa: E402
from retro_tui.store import save  # noqa: E402

EXAMPLE = HERE.parent / "sessions" / "example.toml"
RETRO = str(Path(sys.executable).with_name("retro-tui"))
FLOOR = ("import sys, tomllib, docx, PIL.Image, reportlab.platypus; "
         "tomllib.loads(open(sys.argv[1], encoding='utf-8').read())")


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def export(source: Path, work: Path, n: int) -> tuple[float, float]:
    copy = work / f"{source.stem}-{n}.toml"
    shutil.copy(source, copy)
    out = work / f"out-{source.stem}-{n}"
    result = timed([RETRO, "--lang", "en", "export", str(copy), "--format", "all", "--out", str(out),
                    "--accept-identifiers"])
    shutil.rmtree(out)
    return result


def line(name: str, pairs: list[tuple[float, float]], floor: list[float] | None = None, limit: float | None = None) -> str:
    wall, cpu = [w for w, _ in pairs], [c for _, c in pairs]
    med = statistics.median(wall)
    text = (f"{name:<34} {med:6.2f} s [{min(wall):.2f}–{max(wall):.2f}] n={len(wall)}"
            f"   cpu {statistics.median(cpu):.2f} s [{min(cpu):.2f}–{max(cpu):.2f}]")
    ratio = med / statistics.median(floor) if floor else None
    if ratio is not None:
        text += f"   ratio {ratio:.2f}"
    if limit is not None:
        text += f"   (target ≤ {limit:g} s{'' if med <= limit else ', MISSED'})"
    record(name, wall, ratio=ratio, target=f"≤ {limit:g} s" if limit is not None else "",
           met=None if limit is None else med <= limit, note=f"cpu {statistics.median(cpu):.2f} s")
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    one, five, _ = os.getloadavg()
    print(f"load average {one:.2f} / {five:.2f} on {os.cpu_count()} cores")
    # An installed copy runs from bytecode (pip writes it); with PYTHONDONTWRITEBYTECODE
    # set, as on shared machines, each run would compile retro-tui's own modules again
    # (about 0.1 s of CPU) while the floor's libraries are compiled. As `make bench` does.
    compileall.compile_dir(HERE.parent / "src" / "retro_tui", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        big = work / "big.toml"
        session = big_session()
        session.session.status = Status.report_draft
        save(session, big)
        export(EXAMPLE, work, -1)  # warm the disk cache and the bytecode
        floor, example, large = [], [], []
        for n in range(args.runs):  # interleaved, so drift in load hits all alike
            floor.append(timed([sys.executable, "-c", FLOOR, str(big)]))
            example.append(export(EXAMPLE, work, n))
            large.append(export(big, work, n))
    base = [w for w, _ in floor]
    print(line("export floor (imports + tomllib, big)", floor))
    print(line("export all formats, example", example, base, 1.0))
    print(line("export all formats, big session", large, base, 3.0))
    one, five, _ = os.getloadavg()
    print(f"load average {one:.2f} / {five:.2f} after")


if __name__ == "__main__":
    main()
