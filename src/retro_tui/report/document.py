"""The report as a neutral document: headings, paragraphs, lists, tables and pictures.

Built once from a session (`build.py`) and written by each format, so Markdown, HTML and
Word say the same thing in the same order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

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


Block = Union[Heading, Paragraph, Bullets, Table, Picture]


@dataclass
class Document:
    title: str
    language: str
    blocks: list[Block] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.title = one_line(self.title)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)
