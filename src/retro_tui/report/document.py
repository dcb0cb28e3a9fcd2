"""The report as a neutral document: headings, paragraphs, lists, tables and pictures.

Built once from a session (`build.py`) and written by each format, so Markdown, HTML and
Word say the same thing in the same order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..model import Session

from .drawing import Drawing


def one_line(text: str) -> str:
    """`text` on one line: headings, e-mail subjects and calendar summaries have no
    room for a line break (an e-mail header with one is refused outright)."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", one_line(self.text))


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["", "banner", "quote", "muted", "label"] = ""
    by: str = ""  # who said it, for a quote


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Picture:
    name: str  # a file stem: "timeline", "family"
    alt: str
    drawing: Drawing


Block = Heading | Paragraph | Bullets | Table | Picture


@dataclass
class Document:
    title: str
    language: str
    author: str = ""  # the facilitator, who wrote the report
    contents: str = ""  # the heading of the contents list, in the report's language
    blocks: list[Block] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.title = one_line(self.title)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)


QuoteChoice = Literal["all", "marked", "none"]
QUOTE_CHOICES: tuple[QuoteChoice, ...] = ("all", "marked", "none")


@dataclass(frozen=True)
class Choices:
    """What goes into the report besides the method's steps, chosen by the facilitator
    in the open: which quotes, and whether each one's check-in words (personal)."""

    quotes: QuoteChoice = "marked"
    checkin_words: bool = False

    @classmethod
    def default(cls, session: Session) -> Choices:
        # Quotes nobody marked are still the group's words: with none marked, all go in
        # (the screen says so), rather than a report without a single quote.
        marked = any(q.for_report for q in session.quotes)
        return cls(quotes="marked" if marked else "all")

    def chosen_quotes(self, session: Session) -> list:
        if self.quotes == "none":
            return []
        return [q for q in session.quotes if self.quotes == "all" or q.for_report]


# About the width of a character of the tables' 9-point text (bold in the header), and a cell's padding, in
# the unit the page is measured in (cm): a column is never narrower than its longest word.
CHAR_WIDTH = 0.23
CELL_PADDING = 0.5


def column_widths(table: Table, total: float, narrowest: float) -> list[float]:
    """Columns as wide as their text needs, for a page `total` wide: a ★ column neither
    takes a quarter of the page nor squeezes its header below `narrowest`, and no
    word breaks in two ("profess-ionals", "nove-mber" in a column of dates beside two
    of long sentences)."""
    columns = range(len(table.header))
    need = [min(max(max(len(r[i]) for r in (table.header, *table.rows)), 3), 60) for i in columns]
    words = [max((len(w) for r in (table.header, *table.rows) for w in r[i].split()), default=3) for i in columns]
    need = [max(n, 2 * w) for n, w in zip(need, words)]
    floors = [max(narrowest, w * CHAR_WIDTH + CELL_PADDING) for w in words]
    while sum(floors) > total and max(floors) > narrowest:
        # More words than the page holds: the column with the longest word gives way,
        # only as far as needed. That is a column of sentences ("maatwerkfinanciering"),
        # rather than the names, dates and yes/no beside it, which broke ("Gerar d
        # Smit", "23 ok tober") when every column lost its floor at once.
        widest = floors.index(max(floors))
        floors[widest] = max(narrowest, floors[widest] - (sum(floors) - total))
    widths = [max(f, total * n / sum(need)) for f, n in zip(floors, need)]
    spare = sum(widths) - total
    if spare > 0:
        # What the narrow columns' minimum takes comes out of the columns above theirs,
        # in proportion to what they have over it.
        over = [w - f for w, f in zip(widths, floors)]
        widths = [w - spare * o / sum(over) for w, o in zip(widths, over)] if sum(over) > spare else widths
    return widths
