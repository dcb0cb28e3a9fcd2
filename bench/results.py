"""One table for `make bench`: each bench adds its rows to the file named by
$BENCH_RESULTS (one JSON object a line), and `python bench/results.py FILE` prints them
as one table at the end. Without $BENCH_RESULTS a bench only prints its own lines."""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
from pathlib import Path


def record(what: str, times: list[float], *, unit: str = "s", ratio: float | None = None,
           target: str = "", met: bool | None = None, note: str = "") -> None:
    """A row: median [min–max] and n of `times` (seconds, or `unit`), the ratio against
    the bench's baseline where it has one, and the target with whether it was met."""
    out = os.environ.get("BENCH_RESULTS")
    if not out or not times:
        return
    row = {"what": what, "median": statistics.median(times), "min": min(times), "max": max(times), "n": len(times),
           "unit": unit, "ratio": ratio, "target": target, "met": met, "note": note, "load": os.getloadavg()[0]}
    with open(out, "a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")


def _amount(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.1f} {unit}"


def table(rows: list[dict]) -> str:
    lines = ["| what | median [min–max] | n | ratio | target | met? |", "|---|---|---|---|---|---|"]
    for r in rows:
        spread = f"{_amount(r['median'], r['unit'])} [{_amount(r['min'], r['unit'])}–{_amount(r['max'], r['unit'])}]"
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else ""
        met = {True: "yes", False: "**no**", None: ""}[r["met"]]
        what = r["what"] + (f" ({r['note']})" if r["note"] else "")
        lines.append(f"| {what} | {spread} | {r['n']} | {ratio} | {r['target']} | {met} |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} × {cpu}, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    rows = [json.loads(line) for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if line.strip()]
    loads = [r["load"] for r in rows]
    print(f"\n{machine()}; load average (1 min) during the runs {min(loads):.2f}–{max(loads):.2f}")
    print(table(rows))
    missed = [r["what"] for r in rows if r["met"] is False]
    print(f"\n{len(missed)} of {sum(r['met'] is not None for r in rows)} targets missed" + (": " + "; ".join(missed) if missed else ""))


if __name__ == "__main__":
    main()
