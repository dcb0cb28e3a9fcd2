"""`retro-tui bundle`: gather the cases from files and folders through the index, and
write the regional report with the report's own writers. The command line and the
app's bundle view both call `gather`; neither holds logic of its own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .collect import session_files
from .counts import Case, case_letter
from .index import Index
from .join import join

FORMATS = ("md", "html", "docx")
STEM = "bundle"


@dataclass
class Gathered:
    cases: list[Case]
    left_out: dict[str, int] = field(default_factory=dict)  # reason -> sessions
    unreadable: list[tuple[Path, str]] = field(default_factory=list)


def gather(paths: Iterable[Path], lang: str, *, include_all: bool = False, index: Index | None = None) -> Gathered:
    """The cases in `paths`, final ones only unless `include_all`, each once however
    many sessions it has, named A, B, C… in order of their period and then of their
    content (never of their file names)."""
    own = index is None
    index = index or Index()
    try:
        found = index.update(session_files(list(paths)), lang)
    finally:
        if own:
            index.close()
    unreadable = [(i.path, i.error) for i in found if i.record is None]
    records = [(i.record, i.sha) for i in found if i.record is not None]
    # A case once: its retrospective and evaluation joined, its meetings no case of their own.
    chosen, left_out = join(records, include_all)
    chosen.sort(key=lambda pair: (pair[0].year or 0, pair[0].quarter or 0, pair[1]))
    cases = [Case(case_letter(n), record) for n, (record, _sha) in enumerate(chosen)]
    return Gathered(cases, {**left_out, "unreadable": len(unreadable)}, unreadable)


def write(gathered: Gathered, folder: Path, formats: Iterable[str], lang: str) -> list[Path]:
    from ..report.document import Picture
    from ..report.drawing import to_png, to_svg
    from ..store import write_atomic
    from ..store.atomic import ensure_private_dir
    from .build import build_bundle, matrix_csv

    formats = set(formats)
    doc = build_bundle(gathered.cases, lang, left_out=gathered.left_out)
    pictures = [b for b in doc.blocks if isinstance(b, Picture)]
    contents: list[tuple[str, bytes]] = []
    if "md" in formats:
        from ..report import markdown

        files = {p.name: f"{STEM}-{p.name}.svg" for p in pictures}
        contents.append((f"{STEM}-report.md", markdown.render(doc, files).encode("utf-8")))
        contents += [(files[p.name], to_svg(p.drawing, p.alt, p.name).encode("utf-8")) for p in pictures]
    if "html" in formats:
        from ..report import html

        contents.append((f"{STEM}-report.html", html.render(doc).encode("utf-8")))
    if "docx" in formats:
        from ..report import word  # python-docx alone takes a fifth of a second to import

        contents.append((f"{STEM}-report.docx", word.render(doc)))
    # Scale 1.5, not the report's 2: the matrix is large, and a bigger PNG costs
    # seconds to encode for no more that can be read.
    contents += [(f"{STEM}-{p.name}.png", to_png(p.drawing, scale=1.5, optimize=False)) for p in pictures]
    contents.append((f"{STEM}-matrix.csv", matrix_csv(gathered.cases, lang).encode("utf-8")))
    ensure_private_dir(folder)
    written = []
    for name, data in contents:
        write_atomic(folder / name, data, keep_backup=False)
        written.append(folder / name)
    return written
