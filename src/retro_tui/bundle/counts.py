"""Counting a bundle: how often each catalogue item was named, in how many cases and
insights, which patterns occur together, and the case × item matrix. Plain data, no
wording: `build.py` turns it into the report, `bundle_view.py` into bars."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from .collect import CaseRecord, InsightRecord

MIN_GROUP = 3  # a breakdown with fewer cases than this would point at one case


@dataclass
class Case:
    letter: str
    record: CaseRecord


@dataclass
class ItemCount:
    id: str
    cases: set[str] = field(default_factory=set)  # letters
    insights: list[tuple[str, InsightRecord]] = field(default_factory=list)  # (letter, insight)


def item_counts(cases: list[Case], level: str | None = None) -> dict[str, ItemCount]:
    """Per catalogue id: the cases and insights that named it (at one level, or all)."""
    out: dict[str, ItemCount] = {}
    for case in cases:
        for insight in case.record.insights:
            if level is not None and insight.level != level:
                continue
            for tag in dict.fromkeys(insight.tags):
                count = out.setdefault(tag, ItemCount(tag))
                count.cases.add(case.letter)
                count.insights.append((case.letter, insight))
    return out


def ranked(counts: dict[str, ItemCount], prefix: str) -> list[ItemCount]:
    """The items of one kind, most cases first, then most insights, then by id."""
    items = [c for c in counts.values() if c.id.startswith(prefix + ".")]
    return sorted(items, key=lambda c: (-len(c.cases), -len(c.insights), c.id))


def case_tags(case: Case) -> set[str]:
    return {tag for insight in case.record.insights for tag in insight.tags}


def together(cases: list[Case], least: int = 2) -> list[tuple[str, str, int]]:
    """Pairs of patterns named in the same cases, in at least `least` cases."""
    pairs: Counter[tuple[str, str]] = Counter()
    for case in cases:
        patterns = sorted(t for t in case_tags(case) if t.startswith("pattern."))
        pairs.update(combinations(patterns, 2))
    return sorted(((a, b, n) for (a, b), n in pairs.items() if n >= least), key=lambda p: (-p[2], p[0], p[1]))


def named_with(cases: list[Case], pattern: str) -> Counter[str]:
    """Working elements and helpful beliefs named in the cases that named `pattern`."""
    found: Counter[str] = Counter()
    for case in cases:
        tags = case_tags(case)
        if pattern in tags:
            found.update(t for t in tags if t.startswith(("element.", "helpful.")))
    return found


def groups(cases: list[Case], key) -> tuple[list[tuple[str, int]], int]:
    """A breakdown of cases by `key` (one value or several per case): the groups of at
    least MIN_GROUP cases, and how many groups were left out for having fewer."""
    counted: Counter[str] = Counter()
    for case in cases:
        values = key(case)
        counted.update([values] if isinstance(values, str) else set(values))
    shown = [(value, n) for value, n in counted.items() if n >= MIN_GROUP]
    left_out = sum(1 for n in counted.values() if n < MIN_GROUP)
    return sorted(shown, key=lambda g: (-g[1], g[0])), left_out


def matrix(cases: list[Case]) -> tuple[list[str], list[list[int]]]:
    """Item ids (named at least once, catalogue order within kind) and per case the
    number of insights that named each."""
    counts = item_counts(cases)
    order = ("pattern.", "limiting.", "helpful.", "element.", "commitment.")
    ids = sorted(counts, key=lambda i: (next((n for n, p in enumerate(order) if i.startswith(p)), 9), i))
    rows = []
    for case in cases:
        per = Counter(tag for insight in case.record.insights for tag in dict.fromkeys(insight.tags))
        rows.append([per.get(i, 0) for i in ids])
    return ids, rows
