"""Session files on disk: load, save, create, list, and the bundled example."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..i18n import t
from ..method import RETROSPECTIVE, intention_defaults
from ..model import (
    SCHEMA_VERSION,
    Commitment,
    IntentionDeclaration,
    Language,
    Session,
    SessionMeta,
    Status,
)
from ..places import SESSIONS_ENV, examples_dir, sessions_dir  # noqa: F401 - the store's API
from .atomic import ensure_private_dir, write_atomic
from .codec import decode, dumps, loads
from .errors import Finding, SessionError
from .nesting import nesting_problem
from .safe_read import read_regular

SUFFIX = ".toml"
EXAMPLE_COPIES_KEPT = 3  # the newest few stay: one may still be open in another window


def read_text(path: Path) -> str:
    return decode(read_regular(Path(path)), path)


def load(path: str | os.PathLike[str]) -> Session:
    """Read and validate a session file. It is only ever read, never touched."""
    path = Path(path)
    return loads(read_text(path), path)


def load_read(path: str | os.PathLike[str]) -> tuple[Session, str]:
    """`load`, and the SHA-256 of the bytes it read: a writer that goes on to host the
    session compares the file with these later. A digest taken again when hosting
    starts would take another writer's save in between for the version read, and the
    next save would drop what they added (shared.py)."""
    path = Path(path)
    data = read_regular(path)
    digest = hashlib.sha256(data).hexdigest()
    text = decode(data, path)
    # The bytes go before the text is parsed: held until `loads` returned, they were
    # a second copy of the file at the top of a big session's reading (issue 14).
    del data
    return loads(text, path), digest


def save(session: Session, path: str | os.PathLike[str], *, lifecycle: bool = False) -> None:
    """Write the session atomically, owner-only, keeping the previous version as .bak.

    A final session is read-only: only finalizing or reopening it (`lifecycle`) writes."""
    if session.session.status == Status.final and not lifecycle:
        raise SessionError(Path(path), [Finding("final_read_only")])
    write_atomic(Path(path), dumps(session).encode("utf-8"))


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def new_session(title: str, language: Language | str) -> Session:
    """A fresh session, with the closing's standing agenda and commitments to start from."""
    language = Language(language)
    stamp = now()
    defaults = intention_defaults(language)
    closing = IntentionDeclaration(
        agenda=list(defaults["agenda"]),
        commitments=[
            Commitment(id=f"cm-{c['id']}", name=c["name"], sentence=c["sentence"])
            for c in defaults["commitments"]
        ],
    )
    meta = SessionMeta(
        title=title,
        date=stamp.date(),
        language=language,
        status=Status.preparing,
        created=stamp,
        updated=stamp,
    )
    return Session(schema_version=SCHEMA_VERSION, session=meta, closing=closing)


def safe_part(text: str) -> str:
    """Letters, digits and dashes only, in the case they were written: a case code
    ("VOORBEELD-01") stays recognisable, and nothing in it reaches a shell or a path."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")[:40].rstrip("-")


def free_path(folder: Path, stem: str, *, first: int | None = None) -> Path:
    """`stem` itself, else `stem-2`, `stem-3`...; with `first`, always numbered from it."""
    number = first if first is not None else 2
    candidate = folder / (f"{stem}-{number}{SUFFIX}" if first is not None else f"{stem}{SUFFIX}")
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{SUFFIX}"
        number += 1
    return candidate


def file_stem(day: dt.date, case_code: str, language: Language | str, kind: str = RETROSPECTIVE,
              number: int | None = None) -> tuple[str, int | None]:
    """A session's file name without suffix, and where its numbering starts: from its
    date, case code and kind ("2026-10-27-VOORBEELD-01-overleg-2"), never from the
    title, which often holds the family's name. Without a usable case code a neutral
    word and a number ("2026-10-14-sessie-1")."""
    lang = str(language)
    word = "" if kind == RETROSPECTIVE else t(f"files.kind_{kind}", lang=lang)
    if number is not None and word:
        word = f"{word}-{number}"
    if code := safe_part(case_code):
        return "-".join(filter(None, (day.isoformat(), code, word))), None
    return f"{day.isoformat()}-{word or t('files.neutral', lang=lang)}", (None if number else 1)


def write_new(folder: Path, stem: str, session: Session | bytes, *, first: int | None = None) -> Path:
    """Write a session to a file of its own that did not exist, under that file's lock:
    two people starting a session at once each get a file, neither overwrites the other."""
    from .shared import replace_locked, session_lock

    ensure_private_dir(folder)
    data = session if isinstance(session, bytes) else dumps(session).encode("utf-8")
    number = first
    while True:
        path = free_path(folder, stem, first=number)
        with session_lock(path):
            if not path.exists():
                replace_locked(path, data)
                return path
        number = (number or 1) + 1


def create(
    folder: Path,
    title: str | None,
    language: Language | str,
    *,
    case_code: str = "",
    facilitator: str = "",
    organisation: str = "",
    prepare: Callable[[Session], object] | None = None,
) -> tuple[Path, Session]:
    """A new retrospective session file, named by `file_stem`. The facilitator's name
    and organisation come from their settings, so nobody types them again for every case.
    `prepare` fills in what was given before the file is named (its date and case code
    name it)."""
    title = title or t("session.untitled", lang=str(language))
    session = new_session(title, language)
    session.session.case_code = case_code
    session.session.facilitator = facilitator
    session.session.facilitator_organisation = organisation
    if prepare is not None:
        prepare(session)
    assert session.session.date is not None  # a new session is dated today
    stem, first = file_stem(session.session.date, session.session.case_code, language)
    return write_new(folder, stem, session, first=first), session


# The sessions that follow the example's retrospective analysis: package data, so the
# sessions folder of a checkout tracks the one fictional example and nothing else.
EXAMPLE_ARC = "example_arc"


def example_source() -> Path:
    """The bundled example: inside the installed package, or in the source checkout."""
    packaged = resources.files("retro_tui").joinpath("example.toml")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "sessions" / "example.toml"


def example_arc_sources() -> list[Path]:
    """The example case's later sessions (prospective analysis, meetings, evaluation),
    shipped inside the package, installed or in a checkout alike."""
    folder = Path(str(resources.files("retro_tui").joinpath(EXAMPLE_ARC)))
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def _free_case_code(folder: Path, code: str) -> str:
    """The example's case code, or a numbered one when the folder already holds a copy
    of the case: two copies in one folder would be read as one case."""
    taken = {item.meta.case_code.casefold() for item in list_sessions(folder) if item.meta}
    candidate, number = code, 2
    while candidate.casefold() in taken:
        candidate, number = f"{code}-{number}", number + 1
    return candidate


def copy_example(folder: Path | None = None) -> Path:
    """A fresh copy of the example case to play with: the retrospective analysis and the
    sessions after it, all in one folder, so the case reads whole; the bundled files
    themselves are never opened. Returns the retrospective's copy.

    By default each copy gets a folder of its own among the state files, not among the
    user's sessions, and only the newest few are kept, so trying it out leaves nothing
    to clean up. Asked for a folder, the copy goes there, under a case code of its own
    if a copy is there already."""
    source, arc = example_source(), example_arc_sources()
    sessions = [load(path) for path in (source, *arc)]  # a broken bundle fails here, not in the app
    stamp = f"example-copy-{now():%Y%m%d-%H%M%S}"
    own_folder = folder is None
    if folder is None:
        base = examples_dir()
        ensure_private_dir(base)
        folder, number = base / stamp, 2
        while folder.exists():
            folder, number = base / f"{stamp}-{number}", number + 1
    ensure_private_dir(folder)
    code = sessions[0].session.case_code
    fresh_code = _free_case_code(folder, code) if code else code
    stems = [stamp, *(p.stem.replace(safe_part(code), safe_part(fresh_code)) for p in arc)]
    written = []
    for path, session, stem in zip((source, *arc), sessions, stems, strict=True):
        if fresh_code == code:
            data = path.read_bytes()
        else:
            session.session.case_code = fresh_code
            data = dumps(session).encode("utf-8")
        written.append(write_new(folder, stem, data))
    if own_folder:
        _keep_newest_copies(folder.parent)
    return written[0]


def _keep_newest_copies(base: Path) -> None:
    import shutil

    copies = sorted(base.glob("example-copy-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [c for c in copies if c.is_dir() and not c.is_symlink()][EXAMPLE_COPIES_KEPT:]:
        shutil.rmtree(old, ignore_errors=True)
    # Copies of versions before the example was a whole case lay loose in the folder.
    for old in [c for c in copies if c.suffix == SUFFIX][EXAMPLE_COPIES_KEPT:]:
        old.unlink(missing_ok=True)
        old.with_name(old.name + ".bak").unlink(missing_ok=True)


@dataclass(frozen=True)
class Listing:
    path: Path
    meta: SessionMeta | None
    error: SessionError | None


def _peek_meta(path: Path) -> SessionMeta:
    """The [session] table alone: listing a folder must not parse every timeline."""
    text = read_text(path)
    head = re.split(r"(?m)^\s*\[(?!session\])", text, maxsplit=1)[0]
    try:
        data = {} if nesting_problem(head) else tomllib.loads(head)
        if data.get("schema_version") == SCHEMA_VERSION:
            return SessionMeta.model_validate(data["session"])
    except (tomllib.TOMLDecodeError, KeyError, ValueError):
        pass
    return loads(text, path).session


def peek_case_code(path: Path) -> str:
    """A session's case code, from its [session] table alone."""
    return _peek_meta(Path(path)).case_code


def list_sessions(folder: Path) -> list[Listing]:
    listings: list[Listing] = []
    if not folder.is_dir():
        return listings
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            listings.append(Listing(path, _peek_meta(path), None))
        except SessionError as error:
            listings.append(Listing(path, None, error))
    # Newest first, as people look for today's session; unreadable files at the end.
    readable = sorted((i for i in listings if i.meta), key=lambda i: ((i.meta and i.meta.date) or dt.date.min, i.path.name), reverse=True)
    return readable + [i for i in listings if i.meta is None]
