"""The steps as tab labels that fit the terminal's width, for every kind of session.

A prospective analysis has seven steps; at 80 columns their names do not all fit. The
current step's name always shows whole; the others are cut to the same length, with an
ellipsis, only as far as needed. No step numbers: the order shows the number."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from ..method import Kind

TAB_PADDING = 2  # Textual's Tab: a cell either side of its label
MARK = 2  # "✓ ", "● ", "○ " or "– "
SHORTEST = 4  # three letters and the ellipsis


def mark(index: int, here: int, skipped: bool) -> str:
    if skipped:
        return "–"  # passed over on purpose: neither done nor still to do
    return "✓" if index < here else ("●" if index == here else "○")


def cut(name: str, length: int) -> str:
    return name if len(name) <= length else name[: length - 1].rstrip() + "…"


def fitted(names: Sequence[str], here: int, width: int) -> list[str]:
    """The names, the one at `here` whole and the others as long as `width` allows."""
    room = width - len(names) * (TAB_PADDING + MARK)
    longest = max((len(n) for i, n in enumerate(names) if i != here), default=0)
    length = longest
    while length > SHORTEST and len(names[here]) + sum(min(len(n), length) for i, n in enumerate(names) if i != here) > room:
        length -= 1
    return [n if i == here else cut(n, length) for i, n in enumerate(names)]


def tab_labels(kind: Kind, current: str, skipped: Sequence[str], lang: str, width: int) -> list[Text]:
    ids = kind.step_ids
    here = ids.index(current)
    names = fitted([s.in_language(lang).short for s in kind.steps], here, width)
    labels = []
    for i, (step_id, name) in enumerate(zip(ids, names)):
        passed_over = step_id in skipped
        labels.append(Text(f"{mark(i, here, passed_over)} {name}", style="strike" if passed_over else ""))
    return labels
