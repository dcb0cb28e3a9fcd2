"""Session files on disk: load, save, create, list, and the bundled example."""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..i18n import t
from ..method import intention_defaults
from ..model import (
    SCHEMA_VERSION,
    Commitment,
    IntentionDeclaration,
    Language,
    Session,
    SessionMeta,
    Status,
)
from .atomic import ensure_private_dir, write_atomic
from .codec import decode, dumps, loads
from .errors import Finding, SessionError
from .nesting import nesting_problem
from .safe_read import read_regular

SUFFIX = ".toml"


def read_text(path: Path) -> str:
    return decode(read_regular(Path(path)), path)


def load(path: str | os.PathLike[str]) -> Session:
    """Read and validate a session file. It is only ever read, never touched."""
    path = Path(path)
    return loads(read_text(path), path)


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


def create(folder: Path, title: str | None, language: Language | str, *, case_code: str = "") -> tuple[Path, Session]:
    """A new session file, named from its date and case code ("2026-10-14-VOORBEELD-01"),
    or its date, a neutral word and a number ("2026-10-14-sessie-1"): never from the
    title, which often holds the family's name."""
    title = title or t("session.untitled", lang=str(language))
    session = new_session(title, language)
    session.session.case_code = case_code
    ensure_private_dir(folder)
    assert session.session.date is not None  # a new session is dated today
    day = session.session.date.isoformat()
    if code := safe_part(case_code):
        path = free_path(folder, f"{day}-{code}")
    else:
        path = free_path(folder, f"{day}-{t('files.neutral', lang=str(language))}", first=1)
    save(session, path)
    return path, session


def example_source() -> Path:
    """The bundled example: inside the installed package, or in the source checkout."""
    packaged = resources.files("retro_tui").joinpath("example.toml")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "sessions" / "example.toml"


def copy_example(folder: Path) -> Path:
    """A fresh copy of the example to play with; the bundled file itself is never opened."""
    source = example_source()
    load(source)  # a broken bundle must fail here, not halfway into the app
    ensure_private_dir(folder)
    target = free_path(folder, f"example-copy-{now():%Y%m%d-%H%M%S}")
    write_atomic(target, source.read_bytes(), keep_backup=False)
    return target


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
