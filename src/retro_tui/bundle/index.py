"""The bundle's index: each session's case record in SQLite, in the user's data folder,
so a thousand sessions are read once and then only when they change.

A file is looked at again only when its size or modification time changed, and parsed
again only when its content hash changed too (a copy, a touch or a save without change
costs a hash, not a parse). Records are keyed by content hash, so a file that moves
keeps its record. New files are parsed in worker processes when there are many: TOML
parsing and validation are CPU-bound, and the machine has more than one core.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from ..store.errors import SessionError
from ..store.safe_read import read_regular
from .collect import RECORD_VERSION, CaseRecord, record_of

DATA_ENV = "RETRO_TUI_DATA"
PARALLEL_FROM = 24  # below this, starting workers costs more than it saves

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha TEXT);
CREATE TABLE IF NOT EXISTS records (sha TEXT, lang TEXT, version INTEGER, record TEXT, error TEXT,
                                    PRIMARY KEY (sha, lang));
CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value BLOB);
"""


def data_dir() -> Path:
    """$RETRO_TUI_DATA, else the platform's user data folder for retro-tui."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    from platformdirs import user_data_dir

    return Path(user_data_dir("retro-tui", appauthor=False))


@dataclass
class Indexed:
    path: Path
    record: CaseRecord | None
    error: str = ""
    sha: str = ""


@dataclass
class Stats:
    seen: int = 0
    hashed: int = 0
    parsed: int = 0


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _parse(args: tuple[str, str, bytes]) -> tuple[str, str, str]:
    """(sha, record json, error) for one file: runs in a worker process."""
    path, lang, key = args
    from ..store import SessionError, loads

    data = Path(path).read_bytes()
    sha = _hash(data)
    try:
        session = _quick_load(data)
    except Exception:
        try:
            session = loads(data.decode("utf-8"), Path(path))
        except SessionError as error:
            return sha, "", error.message()
        except UnicodeDecodeError as error:
            return sha, "", str(error)
    return sha, json.dumps(record_of(session, lang, key).to_json(), ensure_ascii=False), ""


def _quick_load(data: bytes):
    """A valid session the fast way: rtoml parses TOML about ten times faster than
    tomllib (30 ms against 3 ms for a rich session), which is most of a cold bundle.
    Through strict_toml, which reads with rtoml only what tomllib reads the same (a
    TOML 1.1 file the store refuses is refused here too); a file the model refuses goes
    the store's way."""
    from ..store.strict_toml import parse

    from ..method import catalogue_ids, kind_steps
    from ..model import SCHEMA_VERSION, Session, find_problems

    session = Session.model_validate(parse(data.decode("utf-8")))
    if session.schema_version != SCHEMA_VERSION or find_problems(session, catalogue_ids(), kind_steps()):
        raise ValueError("not a session the store would accept as it is")
    return session


def _context():
    """Fork when this process runs one thread (the command line): workers start at
    once. Inside the app other threads may hold locks a forked child would inherit
    held, so there the workers start afresh."""
    import multiprocessing
    import threading

    alone = threading.current_thread() is threading.main_thread() and threading.active_count() == 1
    return multiprocessing.get_context("fork" if alone and os.name == "posix" else "spawn")


class Index:
    def __init__(self, folder: Path | None = None):
        folder = folder or data_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = folder / "bundle-index.sqlite3"
        fresh = not self.path.exists()
        self._db = sqlite3.connect(self.path)
        if fresh:
            # Anonymous by construction, yet still the user's own: readable by them only.
            os.chmod(self.path, 0o600)
        self._db.executescript(_SCHEMA)
        self.stats = Stats()
        self.key = self._case_key()

    def _case_key(self) -> bytes:
        """The key that hashes case codes into the records: made once per index, so the
        records join a case's sessions and a case code cannot be looked up in them."""
        row = self._db.execute("SELECT value FROM secrets WHERE name = 'case'").fetchone()
        if row:
            return bytes(row[0])
        import secrets

        key = secrets.token_bytes(16)
        self._db.execute("INSERT INTO secrets VALUES ('case', ?)", (key,))
        self._db.commit()
        return key

    def close(self) -> None:
        self._db.close()

    def update(self, files: Iterable[Path], lang: str, progress: Callable[[int, int], None] | None = None) -> list[Indexed]:
        files = list(files)
        self.stats = Stats(seen=len(files))
        known = {row[0]: row[1:] for row in self._db.execute("SELECT path, size, mtime_ns, sha FROM files")}
        shas: dict[Path, str] = {}
        to_hash: list[tuple[Path, os.stat_result]] = []
        missing: list[Indexed] = []
        for path in files:
            try:
                st = path.stat()
            except OSError as error:
                missing.append(Indexed(path, None, error.strerror or str(error)))
                continue
            row = known.get(str(path))
            if row and row[0] == st.st_size and row[1] == st.st_mtime_ns:
                shas[path] = row[2]
            else:
                to_hash.append((path, st))
        # Changed size or time: hash; a known hash needs no parse.
        cached = self._cached(lang)
        to_parse: list[Path] = []
        for path, st in to_hash:
            self.stats.hashed += 1
            try:
                # Regular files only, bounded: a pipe or /dev/zero among the sessions
                # must not hang or swallow the bundle.
                sha = _hash(read_regular(path))
            except SessionError as error:
                missing.append(Indexed(path, None, error.first.text()))
                continue
            shas[path] = sha
            self._db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (str(path), st.st_size, st.st_mtime_ns, sha))
            if sha not in cached:
                to_parse.append(path)
        # A file unchanged on disk whose record an older version of retro-tui made.
        to_parse += [p for p, sha in shas.items() if sha not in cached and p not in to_parse]
        self.stats.parsed = len(to_parse)
        for sha, record, problem in self._parse_all(to_parse, lang, progress):
            self._db.execute("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?)", (sha, lang, RECORD_VERSION, record, problem))
            cached[sha] = (record, problem)
        self._forget(known, {str(p) for p in files})
        self._db.commit()
        out = list(missing)
        for path, sha in shas.items():
            record, problem = cached.get(sha, ("", "?"))
            out.append(Indexed(path, CaseRecord.from_json(json.loads(record)) if record else None, problem, sha))
        return out

    def _forget(self, known: dict, listed: set[str]) -> None:
        """Files that are gone, and records no file has any more (an older version of a
        session): the index keeps no more of a case than the folders still hold."""
        gone = [(path,) for path in known if path not in listed and not os.path.exists(path)]
        self._db.executemany("DELETE FROM files WHERE path = ?", gone)
        self._db.execute("DELETE FROM records WHERE sha NOT IN (SELECT sha FROM files)")

    def _cached(self, lang: str) -> dict[str, tuple[str, str]]:
        rows = self._db.execute("SELECT sha, record, error FROM records WHERE lang = ? AND version = ?", (lang, RECORD_VERSION))
        return {sha: (record, error) for sha, record, error in rows}

    def _parse_all(self, paths: list[Path], lang: str, progress) -> Iterable[tuple[str, str, str]]:
        jobs = [(str(p), lang, self.key) for p in paths]
        workers = min(os.cpu_count() or 1, 4)
        done: list[tuple[str, str, str]] = []
        if len(jobs) >= PARALLEL_FROM and workers >= 2:
            try:
                with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
                    for result in pool.map(_parse, jobs, chunksize=max(1, len(jobs) // (workers * 8))):
                        done.append(result)
                        if progress:
                            progress(len(done), len(jobs))
            except (BrokenProcessPool, OSError, ValueError):
                # Workers could not start or died: the rest is read here, slower. (Inside
                # the app, multiprocessing cannot start its helper process: Textual has
                # taken over standard error, and its descriptor cannot be passed on.)
                pass
        for job in jobs[len(done):]:
            done.append(_parse(job))
            if progress:
                progress(len(done), len(jobs))
        return done
