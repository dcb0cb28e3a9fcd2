"""The report as Markdown: plain text that reads well as an email body or in a wiki,
and renders with any CommonMark parser (tables are GitHub-style pipes, which plain
CommonMark shows as readable text)."""

from __future__ import annotations

import re

from .document import Bullets, Document, Heading, Paragraph, Picture, Table

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    # A line that starts like a list item or a numbered item must stay a plain line.
    # "\-" escapes a dash; a digit is no escapable character, so "1\." and not "\1.".
    return re.sub(r"(?m)^(\s*)(?:([-+])|(\d+)([.)]))(?=\s)",
                  lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\{m[4]}", text)


def render(doc: Document, picture_files: dict[str, str] | None = None) -> str:
    """`picture_files` maps a picture's name to the file written beside the report."""
    out = [f"# {escape(doc.title)}", ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + escape(block.text), ""]
        elif isinstance(block, Paragraph):
            text = escape(block.text)
            if block.style == "banner":
                out += [f"> **{text}**", ""]
            elif block.style == "quote":
                out += [*(f"> {line}" for line in text.splitlines()), ">", f"> — {escape(block.by)}", ""]
            elif block.style == "label":
                out += [f"**{text}**", ""]
            elif block.style == "muted":
                out += [f"_{text}_", ""]
            else:
                # A line of its own (a notetaker's) stays one: a hard break, not a space.
                parts = (part.strip("\n").replace("\n", "\\\n") for part in text.split("\n\n"))
                out += ["\n\n".join(part for part in parts if part), ""]
        elif isinstance(block, Bullets):
            out += [f"- {escape(item)}".replace("\n", "\n  ") for item in block.items] + [""]
        elif isinstance(block, Table):
            out += [*_table(block), ""]
        elif isinstance(block, Picture):
            target = (picture_files or {}).get(block.name)
            if target:
                out += [f"![{escape(block.alt)}]({target})", ""]
    return "\n".join(out).rstrip() + "\n"


def _table(table: Table) -> list[str]:
    def row(cells) -> str:
        return "| " + " | ".join(escape(c).replace("\n", " ") for c in cells) + " |"

    return [row(table.header), "|" + "|".join("---" for _ in table.header) + "|", *(row(r) for r in table.rows)]
