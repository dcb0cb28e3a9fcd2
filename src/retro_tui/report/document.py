"""The report as a neutral document: headings, paragraphs, lists, tables and pictures.

Built once from a session (`build.py`) and written by each format, so Markdown, HTML and
Word say the same thing in the same order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .drawing import Drawing


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


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
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)
