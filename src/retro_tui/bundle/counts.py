"""Counting a bundle: how often each catalogue item was named, in how many cases and
insights, which patterns occur together, and the case × item matrix. Plain data, no
wording: `build.py` turns it into the report, `bundle_view.py` into bars."""

from __future__ import annotations

from collections import Counter
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
    if level is None:
        return _counts((case.letter, insight) for case in cases for insight in case.record.insights)
    return by_level(cases).get(level, {})


def by_level(cases: list[Case]) -> dict[str, dict[str, ItemCount]]:
    """`item_counts` for every level at once ("" for insights without one)."""
    levels: dict[str, list] = {}
    for case in cases:
        for insight in case.record.insights:
            levels.setdefault(insight.level, []).append((case.letter, insight))
    return {level: _counts(found) for level, found in levels.items()}


def _counts(found) -> dict[str, ItemCount]:
    out: dict[str, ItemCount] = {}
    for letter, insight in found:
        for tag in dict.fromkeys(insight.tags):
            count = out.get(tag)
            if count is None:
                count = out[tag] = ItemCount(tag)
            count.cases.add(letter)
            count.insights.append((letter, insight))
    return out


def ranked(counts: dict[str, ItemCount], prefix: str) -> list[ItemCount]:
    """The items of one kind, most cases first, then most insights, then by id."""
    items = [c for c in counts.values() if c.id.startswith(prefix + ".")]
    return sorted(items, key=lambda c: (-len(c.cases), -len(c.insights), c.id))


def case_tags(case: Case) -> set[str]:
    return {tag for insight in case.record.insights for tag in insight.tags}


def together(cases: list[Case], least: int = 2, tags: dict[str, set[str]] | None = None) -> list[tuple[str, str, int]]:
    """Pairs of patterns named in the same cases, in at least `least` cases."""
    tags = tags or all_tags(cases)
    pairs: Counter[tuple[str, str]] = Counter()
    for case in cases:
        patterns = sorted(t for t in tags[case.letter] if t.startswith("pattern."))
        pairs.update(combinations(patterns, 2))
    return sorted(((a, b, n) for (a, b), n in pairs.items() if n >= least), key=lambda p: (-p[2], p[0], p[1]))


def all_tags(cases: list[Case]) -> dict[str, set[str]]:
    return {case.letter: case_tags(case) for case in cases}


def named_with(cases: list[Case], pattern: str, tags: dict[str, set[str]] | None = None) -> Counter[str]:
    """Working elements and helpful beliefs named in the cases that named `pattern`."""
    tags = tags or all_tags(cases)
    found: Counter[str] = Counter()
    for case in cases:
        named = tags[case.letter]
        if pattern in named:
            found.update(t for t in named if t.startswith(("element.", "helpful.")))
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


def case_letter(index: int) -> str:
    """A, B, … Z, AA, AB, …: the only name a case has in a bundle."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def matrix(cases: list[Case]) -> tuple[list[str], list[list[int]]]:
    """Item ids (named at least once, catalogue order within kind) and per case the
    number of insights that named each."""
    per_case = [Counter(tag for insight in case.record.insights for tag in dict.fromkeys(insight.tags)) for case in cases]
    named = set().union(*per_case) if per_case else set()
    order = ("pattern.", "limiting.", "helpful.", "element.", "commitment.")
    ids = sorted(named, key=lambda i: (next((n for n, p in enumerate(order) if i.startswith(p)), 9), i))
    return ids, [[per.get(i, 0) for i in ids] for per in per_case]
