"""Exporting the report: pseudonymise, check for identifiers, then write each format as
a file readable by its owner only. The command line and the app's export screen both
call `export`; neither holds logic of its own."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from ..i18n import t
from ..intention_export import intention_data
from ..model import Session
from ..platform_calls import fsync_folder
from ..store import write_atomic
from ..store.atomic import ensure_private_dir
from .file_names import report_name, stem

FORMATS = ("md", "html", "docx", "pdf", "eml", "ics", "intention")


def formats_for(session: Session) -> tuple[str, ...]:
    """The formats that say something for the session's kind: the declaration (and its
    meeting dates) where a step records it, the next meeting's calendar file where a
    step sets it. Read from the kind's steps, so a kind added as a file gets them too."""
    from ..method import kind

    records = {r for step in kind(session.session.kind).steps for r in step.records}
    declares = "closing.declaration" in records
    meets = declares or "meeting.next_starts" in records
    return tuple(f for f in FORMATS if (f != "intention" or declares) and (f != "ics" or meets))


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


# The formats that write the report document (report.build).
WRITE_THE_REPORT = {"md", "html", "docx", "pdf", "eml"}


def check(session: Session, formats: Iterable[str] = FORMATS, choices=None, doc=None) -> list:
    """Identifier findings in what will be written, not yet accepted by the user.

    The session is scanned field by field (so each finding says where it is), and a
    finding counts when its text is in what these formats would write. `doc`: the
    report already built from `session` and `choices`, when the caller has it."""
    from .identifier_scan import unaccepted

    findings = unaccepted(session)
    if not findings:
        return []
    flat = " ".join(" ".join(_written_text(session, set(formats), choices, doc)).split())
    return [f for f in findings if " ".join(f.text.split()) in flat]


def _written_text(session: Session, formats: set[str], choices=None, doc=None) -> list[str]:
    from .build import build
    from .document import Bullets, Heading, Paragraph, Table

    parts: list[str] = []
    if formats & WRITE_THE_REPORT:
        doc = doc if doc is not None else build(session, choices)
        parts.append(doc.title)
        for block in doc.blocks:
            if isinstance(block, (Heading, Paragraph)):
                parts += [block.text, getattr(block, "by", "")]
            elif isinstance(block, Bullets):
                parts += block.items
            elif isinstance(block, Table):
                parts += [cell for row in (block.header, *block.rows) for cell in row]
    if formats & {"intention", "eml"} and "intention" in formats_for(session):
        parts.append(tomli_w.dumps(intention_data(session), multiline_strings=True))
    if "ics" in formats:
        parts += [session.session.title, *session.closing.agenda, session.meeting.next_place]
    return parts


def export(
    session: Session,
    source: Path,
    folder: Path,
    formats: Iterable[str],
    *,
    pseudonymise: bool = True,
    accept_identifiers: bool = False,
    choices=None,
) -> list[Path]:
    """Write the chosen formats to `folder`; raises IdentifiersFound before writing
    anything when there are findings the user has not accepted."""
    # What the kind has no use for is not written: `--format all` on minutes makes no
    # intention declaration. Asked for by name, it is said why (below).
    asked = set(formats)
    formats = asked & set(formats_for(session))
    unmade = set() if asked == set(FORMATS) else asked - formats - {"ics"}
    outgoing = prepared(session, pseudonymise)
    from .build import build

    # Built once: the identifier check reads the same document the formats write. One
    # that cannot be built is tried again by each, and fails there as it did before.
    try:
        doc = build(outgoing, choices) if formats & WRITE_THE_REPORT else None
    except Exception:
        doc = None
    findings = check(outgoing, formats, choices, doc)
    if findings and not accept_identifiers:
        raise IdentifiersFound(findings)
    # Named from the case code, never from the source file, whose name may hold the family's.
    name = stem(outgoing)
    from ..method import kind

    lang = session.session.language.value
    name_of_kind = kind(session.session.kind).in_language(lang).name
    name_of_kind = name_of_kind[:1].lower() + name_of_kind[1:]  # mid-sentence
    failed: dict[str, Exception] = {f: ValueError(t("export.not_for_kind", lang, kind=name_of_kind)) for f in unmade}
    try:
        contents = render_all(outgoing, name, set(formats), choices, doc)
    except Exception:  # isolated below, format by format
        # One format could not be made: make each on its own, so that it does not keep
        # the others from being written (`--format all` writing nothing). Only on this
        # path, as formats share work (the e-mail carries the Word and HTML files).
        contents = []
        for one in [f for f in FORMATS if f in formats]:
            try:
                contents += render_all(outgoing, name, {one}, choices, doc)
            except Exception as error:  # reported per format, never lost
                failed[one] = error
    ensure_private_dir(folder)
    written = []
    # Each folder is synced once for all its renames, not once per file: nine syncs
    # fewer for the example, some 50 ms of waiting on a busy disk. (A file may be a
    # link that leads into another folder.)
    folders: dict[Path, None] = {}
    try:
        for file_name, data in contents:
            target = folder / file_name
            folders[write_atomic(target, data, keep_backup=False, sync_folder=False).parent] = None
            written.append(target)
    except BaseException:
        for place in folders:  # what was written before the failure is kept, durably
            with contextlib.suppress(OSError):
                fsync_folder(place)
        raise
    for place in folders:
        fsync_folder(place)
    if failed:
        raise ExportIncomplete(written, failed)
    return written


def render_all(session: Session, stem: str, formats: set[str], choices=None, doc=None) -> list[tuple[str, bytes]]:
    """(file name, content) for each format; names are `stem` and the document's kind in
    the session's language ("VOORBEELD-01-verslag.docx"). `choices`: which quotes and
    whether check-in words go in (report.document.Choices; None: the defaults); `doc`:
    the report already built from them."""
    from . import html, markdown, pdf, word
    from .build import build, declaration
    from .calendar import calendar, next_meeting
    from .document import Picture
    from .drawing import to_svg
    from .mail import draft

    unknown = formats - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown formats: {sorted(unknown)}")
    doc = doc if doc is not None else build(session, choices)
    out: list[tuple[str, bytes]] = []
    cache: dict[str, bytes] = {}

    def made(kind: str) -> bytes:
        if kind not in cache:
            if kind == "html":
                cache[kind] = html.render(doc).encode("utf-8")
            elif kind == "docx":
                cache[kind] = word.render(doc)
            elif kind == "pdf":
                cache[kind] = pdf.render(doc)
            elif kind == "intention-pdf":  # what a manager opens; the TOML is for keeping
                cache[kind] = pdf.render(declaration(session))
            elif kind == "intention":
                cache[kind] = tomli_w.dumps(intention_data(session), multiline_strings=True).encode("utf-8")
        return cache[kind]

    lang = session.session.language.value
    named = lambda name: t(f"files.{name}", lang)  # noqa: E731
    report = report_name(session)
    # A case's sessions share one case code and often one folder (file_names.own_stem).
    own = stem if session.session.kind == "retrospective" else f"{stem}-{report}"
    names = {"html": f"{stem}-{report}.html", "docx": f"{stem}-{report}.docx",
             "pdf": f"{stem}-{report}.pdf", "intention": f"{own}-{named('intention')}.toml",
             "intention-pdf": f"{own}-{named('intention')}.pdf"}
    if "md" in formats:
        pictures = [b for b in doc.blocks if isinstance(b, Picture)]
        files = {p.name: f"{own}-{named(p.name)}.svg" for p in pictures}
        out.append((f"{stem}-{report}.md", markdown.render(doc, files).encode("utf-8")))
        out += [(files[p.name], to_svg(p.drawing, p.alt, p.name).encode("utf-8")) for p in pictures]
    for kind in ("html", "docx", "pdf", "intention"):
        if kind in formats:
            out.append((names[kind], made(kind)))
    if "intention" in formats:
        out.append((names["intention-pdf"], made("intention-pdf")))
    declares = "intention" in formats_for(session)
    # Made only when asked for: a calendar that cannot be made must not keep the other
    # formats from being written (each is then made on its own, see export()).
    upcoming = (f"{own}-{named('next_meeting')}.ics", next_meeting) if session.meeting.next_starts else None
    if "ics" in formats:
        if declares and session.closing.meeting_dates:
            out.append((f"{own}-{named('meetings')}.ics", calendar(session)))
        if upcoming:
            out.append((upcoming[0], upcoming[1](session)))
    if "eml" in formats:
        # What people open: the report for feedback (Word) and to read (PDF), the
        # declaration as a document where the kind makes one, and the next meeting
        # for their agenda; not the TOML, which a manager cannot open.
        kept = ("docx", "pdf", "intention-pdf") if declares else ("docx", "pdf")
        attached = [(names[k], made(k)) for k in kept]
        if upcoming:
            attached.append((upcoming[0], upcoming[1](session)))
        out.append((f"{own}-{named('email')}.eml", draft(session, attached)))
    return out
