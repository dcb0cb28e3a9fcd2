"""`make bench`'s table sets each ratio beside the recorded run's and names those that
got worse beyond the noise; `--record` writes the README's table between its markers."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import results  # noqa: E402


def row(what: str, ratio: float | None, target: str = "≤ 2×", met: bool | None = True) -> dict:
    return {"what": what, "median": 0.02, "min": 0.01, "max": 0.03, "n": 5, "unit": "s",
            "ratio": ratio, "target": target, "met": met, "note": "", "load": 0.5}


def test_only_rows_with_a_target_worse_beyond_the_noise_are_named():
    recorded = {"key a": 1.5, "key c": 1.0, "floor": 2.0, "new row": None}
    rows = [
        row("key a", 1.5 * results.NOISE + 0.01),  # past the noise
        row("key c", 1.0 * results.NOISE),  # at it: not named
        row("floor", 9.0, target="", met=None),  # a floor or baseline says nothing of ours
        row("not recorded", 9.0),
    ]
    named = results.worse(rows, {k: v for k, v in recorded.items() if v is not None})
    assert named == [f"key a (1.50 → {1.5 * results.NOISE + 0.01:.2f})"]


def test_the_table_shows_the_recorded_ratio_beside_this_runs():
    text = results.table([row("key a", 1.8), row("bare", None, target="", met=None)], {"key a": 1.47})
    lines = text.splitlines()
    assert lines[0] == "| what | median [min–max] | n | ratio | recorded | target | met? |"
    assert lines[2] == "| key a | 20 ms [10 ms–30 ms] | 5 | 1.80 | 1.47 | ≤ 2× | yes |"
    assert lines[3] == "| bare | 20 ms [10 ms–30 ms] | 5 |  |  |  |  |"
    # Without a recorded run the column is not there at all.
    assert "recorded" not in results.table([row("key a", 1.8)])


def test_recording_writes_between_the_markers_and_nothing_else():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count(results.START) == readme.count(results.END) == 1
    when = dt.datetime(2026, 11, 30, 18, 50, tzinfo=dt.UTC)
    once = results.readme_with(readme, [row("key a", 1.8), row("key z", 2.5, met=False)], when)
    before, after = readme.split(results.START)[0], readme.split(results.END)[1]
    assert once.startswith(before + results.START) and once.endswith(results.END + after)
    block = once.split(results.START)[1].split(results.END)[0]
    assert "`make bench`, ended 2026-11-30 18:50 UTC" in block
    assert "| key z | 20 ms [10 ms–30 ms] | 5 | 2.50 | ≤ 2× | **no** |" in block
    assert "1 of 2 targets missed: key z." in block
    # Recording again replaces the table; it does not add a second one.
    twice = results.readme_with(once, [row("key a", 1.7)], when)
    assert twice.count("| key a |") == 1 and "key z" not in twice


def test_the_recorded_run_is_in_the_readme():
    """The table in the README is the recorded run's, so the two never tell apart."""
    rows = results.read_rows(results.RECORDED)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(results.START)[1].split(results.END)[0]
    assert results.table(rows) in block


def test_rows_without_a_ratio_are_left_out_of_the_recorded_ratios():
    assert results.ratios([row("bare", None, target="", met=None), row("key a", 1.2)]) == {"key a": 1.2}
