"""Exporting the report: pseudonymise, check for identifiers, then write each format as
a file readable by its owner only. The command line and the app's export screen both
call `export`; neither holds logic of its own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from ..intention_export import intention_data
from ..model import Session
from ..store import write_atomic
from ..store.atomic import ensure_private_dir

FORMATS = ("md", "html", "docx", "eml", "ics", "intention")


@dataclass
class IdentifiersFound(Exception):
    findings: list  # IdentifierFinding


@dataclass
class ExportIncomplete(Exception):
    """Some formats were written, others could not be made: each failure by format."""

    written: list[Path]
    failed: dict[str, Exception]


def prepared(session: Session, pseudonymise: bool = True) -> Session:
    """The session as it will leave the laptop."""
    if not pseudonymise:
        return session
    from .pseudonyms import Pseudonymiser

    return Pseudonymiser(session, session.session.language.value).session(session)


def check(session: Session, formats: Iterable[str] = FORMATS) -> list:
    """Identifier findings in what will be written, not yet accepted by the user.

    The session is scanned field by field (so each finding says where it is), and a
    finding counts when its text is in what these formats would write."""
    from .identifier_scan import unaccepted

    findings = unaccepted(session)
    if not findings:
        return []
    flat = " ".join(" ".join(_written_text(session, set(formats))).split())
    return [f for f in findings if " ".join(f.text.split()) in flat]


def _written_text(session: Session, formats: set[str]) -> list[str]:
    from .build import build
    from .document import Bullets, Heading, Paragraph, Table

    parts: list[str] = []
    if formats & {"md", "html", "docx", "eml"}:
        doc = build(session)
        parts.append(doc.title)
        for block in doc.blocks:
            if isinstance(block, (Heading, Paragraph)):
                parts += [block.text, getattr(block, "by", "")]
            elif isinstance(block, Bullets):
                parts += block.items
            elif isinstance(block, Table):
                parts += [cell for row in (block.header, *block.rows) for cell in row]
    if formats & {"intention", "eml"}:
        parts.append(tomli_w.dumps(intention_data(session), multiline_strings=True))
    if "ics" in formats:
        parts += [session.session.title, *session.closing.agenda]
    return parts


def export(
    session: Session,
    source: Path,
    folder: Path,
    formats: Iterable[str],
    *,
    pseudonymise: bool = True,
    accept_identifiers: bool = False,
) -> list[Path]:
    """Write the chosen formats to `folder`; raises IdentifiersFound before writing
    anything when there are findings the user has not accepted."""
    formats = set(formats)
    outgoing = prepared(session, pseudonymise)
    findings = check(outgoing, formats)
    if findings and not accept_identifiers:
        raise IdentifiersFound(findings)
    # Each format on its own: one that cannot be made must not keep the others from
    # being written (`--format all` writing nothing because the calendar failed).
    contents: list[tuple[str, bytes]] = []
    failed: dict[str, Exception] = {}
    for kind in [f for f in FORMATS if f in formats]:
        try:
            contents += render_all(outgoing, source.stem, {kind})
        except Exception as error:  # noqa: BLE001 -- reported per format, never lost
            failed[kind] = error
    ensure_private_dir(folder)
    written = []
    for name, data in contents:
        target = folder / name
        write_atomic(target, data, keep_backup=False)
        written.append(target)
    if failed:
        raise ExportIncomplete(written, failed)
    return written


def render_all(session: Session, stem: str, formats: set[str]) -> list[tuple[str, bytes]]:
    from . import html, markdown, word
    from .build import build
    from .calendar import calendar
    from .document import Picture
    from .drawing import to_svg
    from .mail import draft

    unknown = formats - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown formats: {sorted(unknown)}")
    doc = build(session)
    out: list[tuple[str, bytes]] = []
    cache: dict[str, bytes] = {}

    def made(kind: str) -> bytes:
        if kind not in cache:
            if kind == "html":
                cache[kind] = html.render(doc).encode("utf-8")
            elif kind == "docx":
                cache[kind] = word.render(doc)
            elif kind == "intention":
                cache[kind] = tomli_w.dumps(intention_data(session), multiline_strings=True).encode("utf-8")
        return cache[kind]

    names = {"html": f"{stem}-report.html", "docx": f"{stem}-report.docx", "intention": f"{stem}-intention.toml"}
    if "md" in formats:
        pictures = [b for b in doc.blocks if isinstance(b, Picture)]
        files = {p.name: f"{stem}-{p.name}.svg" for p in pictures}
        out.append((f"{stem}-report.md", markdown.render(doc, files).encode("utf-8")))
        out += [(files[p.name], to_svg(p.drawing, p.alt, p.name).encode("utf-8")) for p in pictures]
    for kind in ("html", "docx", "intention"):
        if kind in formats:
            out.append((names[kind], made(kind)))
    if "ics" in formats and session.closing.meeting_dates:
        out.append((f"{stem}-meetings.ics", calendar(session)))
    if "eml" in formats:
        attached = [(names[k], made(k)) for k in ("docx", "html", "intention")]
        out.append((f"{stem}-email.eml", draft(session, attached)))
    return out
