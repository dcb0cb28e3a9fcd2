"""One table for `make bench`: each bench adds its rows to the file named by
$BENCH_RESULTS (one JSON object a line), and `python bench/results.py FILE` prints them
as one table at the end. Without $BENCH_RESULTS a bench only prints its own lines.

A regression of a ratio is a bug, so the table sets each ratio beside the one of the
recorded run (`bench/recorded.jsonl`, the run the README's "Performance" shows) and
names the rows that got worse by more than a run's noise. `--record` makes this run
the recorded one: it writes `bench/recorded.jsonl` and the README's table."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
from pathlib import Path

HERE = Path(__file__).resolve().parent
RECORDED = HERE / "recorded.jsonl"
README = HERE.parent / "README.md"
# Between the markers the README's table is this file's to write.
START, END = "<!-- bench table: written by bench/results.py --record -->", "<!-- end of bench table -->"
# How much worse than the recorded ratio a row may come out before it is named: the
# same code measured that far apart on one day on this project's 2-core machine (the
# opening rows by a tenth, the keys, a few ms against a 7-12 ms baseline, by a third).
NOISE = 1.35


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


def table(rows: list[dict], recorded: dict[str, float] | None = None) -> str:
    """The rows as a Markdown table; with `recorded`, a column of the recorded ratios."""
    was = recorded is not None
    lines = ["| what | median [min–max] | n | ratio |" + (" recorded |" if was else "") + " target | met? |",
             "|---|---|---|---|" + ("---|" if was else "") + "---|---|"]
    for r in rows:
        spread = f"{_amount(r['median'], r['unit'])} [{_amount(r['min'], r['unit'])}–{_amount(r['max'], r['unit'])}]"
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else ""
        before = recorded.get(r["what"]) if recorded is not None else None
        met = {True: "yes", False: "**no**", None: ""}[r["met"]]
        what = r["what"] + (f" ({r['note']})" if r["note"] else "")
        cells = [what, spread, str(r["n"]), ratio] + ([f"{before:.2f}" if before is not None else ""] if was else [])
        lines.append("| " + " | ".join([*cells, r["target"], met]) + " |")
    return "\n".join(lines)


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ratios(rows: list[dict]) -> dict[str, float]:
    return {r["what"]: r["ratio"] for r in rows if r["ratio"] is not None}


def worse(rows: list[dict], recorded: dict[str, float], noise: float = NOISE) -> list[str]:
    """The rows whose ratio is past the recorded one by more than the noise. Rows that
    are floors or baselines (no target) tell nothing of retro-tui's own speed."""
    return [
        f"{r['what']} ({recorded[r['what']]:.2f} → {r['ratio']:.2f})"
        for r in rows
        if r["target"] and r["ratio"] is not None and r["what"] in recorded and r["ratio"] > recorded[r["what"]] * noise
    ]


def summary(rows: list[dict]) -> str:
    missed = [r["what"] for r in rows if r["met"] is False]
    total = sum(r["met"] is not None for r in rows)
    return f"{len(missed)} of {total} targets missed" + (": " + "; ".join(missed) if missed else "")


def heading(rows: list[dict]) -> str:
    loads = [r["load"] for r in rows]
    return f"{machine()}; load average (1 min) during the runs {min(loads):.2f}–{max(loads):.2f}"


def readme_with(text: str, rows: list[dict], when: dt.datetime) -> str:
    """The README with its table between the markers replaced by this run's."""
    start, end = text.index(START) + len(START), text.index(END)
    block = f"`make bench`, ended {when:%Y-%m-%d %H:%M} UTC, on {heading(rows)}.\n\n{table(rows)}\n\n{summary(rows)}.\n"
    return text[:start] + "\n" + block + text[end:]


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
    parser = argparse.ArgumentParser(description="The table of a `make bench` run.")
    parser.add_argument("results", type=Path, help="the run's rows, one JSON object a line")
    parser.add_argument("--record", action="store_true",
                        help="make this run the recorded one: bench/recorded.jsonl and the README's table")
    args = parser.parse_args()
    rows = read_rows(args.results)
    recorded = ratios(read_rows(RECORDED)) if RECORDED.exists() else None
    print(f"\n{heading(rows)}")
    print(table(rows, recorded))
    print(f"\n{summary(rows)}")
    if recorded is not None:
        gone = worse(rows, recorded)
        print("Worse than the recorded run by more than its noise (run again when the machine is quiet; "
              "if it stays, it is a bug): " + "; ".join(gone) if gone else "No ratio worse than the recorded run's beyond its noise.")
    if args.record:
        RECORDED.write_text(args.results.read_text(encoding="utf-8"), encoding="utf-8")
        ended = dt.datetime.fromtimestamp(args.results.stat().st_mtime, dt.UTC)  # its last row's
        README.write_text(readme_with(README.read_text(encoding="utf-8"), rows, ended), encoding="utf-8")
        print(f"Recorded: {RECORDED.relative_to(HERE.parent)} and the table in README.md.")


if __name__ == "__main__":
    main()
