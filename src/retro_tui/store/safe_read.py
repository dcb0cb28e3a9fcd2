"""Reading a file someone handed us, without trusting what it is.

A path can name a FIFO (reading waits forever for a writer), a device such as
/dev/zero (reading never ends), or a file far larger than any session. So the file is
opened without blocking, checked to be a regular file on the opened descriptor (not on
the name, which could be swapped in between), and read up to a limit."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .errors import Finding, SessionError

# Ten times the largest session seen in use (a 50,000-quote file is 2.7 MB): room to
# grow, while parsing stays within seconds.
MAX_BYTES = 32 * 1024 * 1024
CHUNK = 1024 * 1024
DIGEST_CHUNK = 256 * 1024  # hashlib.file_digest's, which cannot stop at a limit

# O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
# O_NOCTTY: opening a terminal device must never make it ours.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_regular(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes; otherwise
    SessionError saying what it is instead."""
    path = Path(path)
    with _regular(path, limit) as (fd, info):
        data = _read_upto(fd, limit + 1, info.st_size)  # a file growing while we read stays bounded
        if len(data) > limit:
            raise SessionError(path, [Finding("too_large", _sizes(len(data), limit))])
        return data


def read_head(path: Path, size: int) -> tuple[bytes, bool]:
    """The first `size` bytes of a regular file `path`, and whether that is all of it."""
    path = Path(path)
    with _regular(path, MAX_BYTES) as (fd, info):
        data = _read_upto(fd, size + 1, min(info.st_size, size))
        return data[:size], len(data) <= size


def digest_regular(path: Path, limit: int = MAX_BYTES) -> str:
    """The SHA-256 of what `read_regular` would read, read a chunk at a time: a writer
    that only compares the file with its last write need not hold the whole of a big
    session's file beside everything else (issue 14)."""
    path = Path(path)
    with _regular(path, limit) as (fd, _):
        digest, got = hashlib.sha256(), 0
        while chunk := os.read(fd, min(DIGEST_CHUNK, limit + 1 - got)):
            got += len(chunk)
            if got > limit:
                raise SessionError(path, [Finding("too_large", _sizes(got, limit))])
            digest.update(chunk)
        return digest.hexdigest()


@contextlib.contextmanager
def _regular(path: Path, limit: int) -> Iterator[tuple[int, os.stat_result]]:
    """The opened descriptor of `path` and its status, once it is known to be a regular
    file of at most `limit` bytes; what goes wrong, said as a SessionError."""
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise SessionError(path, [Finding("not_found")]) from None
    except IsADirectoryError:
        raise SessionError(path, [Finding("is_directory")]) from None
    except PermissionError:
        raise SessionError(path, [Finding("no_permission")]) from None
    except OSError as error:
        raise SessionError(path, [Finding("unreadable", {"reason": error.strerror})]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SessionError(path, [Finding("is_directory")])
        if not stat.S_ISREG(info.st_mode):
            raise SessionError(path, [Finding(f"not_regular.{_kind(info.st_mode)}")])
        if info.st_size > limit:
            raise SessionError(path, [Finding("too_large", _sizes(info.st_size, limit))])
        # A regular file never blocks; clear the flag so reads behave as usual.
        os.set_blocking(fd, True)
        yield fd, info
    except OSError as error:
        if error.errno == errno.EISDIR:
            raise SessionError(path, [Finding("is_directory")]) from None
        raise SessionError(path, [Finding("unreadable", {"reason": error.strerror})]) from None
    finally:
        os.close(fd)


def _read_upto(fd: int, most: int, expected: int) -> bytes:
    """At most `most` bytes: first as many as the file said it has (and one more, to see
    it grew), then in chunks. One read of `most` would allocate the whole limit (32 MB)
    for every file, however small, and a big session's peak memory with it."""
    chunks: list[bytes] = []
    got = 0
    while got < most:
        chunk = os.read(fd, min(expected + 1 if not chunks else CHUNK, most - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _sizes(size: int, limit: int) -> dict[str, str]:
    return {"size": f"{size / 2**20:.1f} MB", "limit": f"{limit / 2**20:.0f} MB"}


def _kind(mode: int) -> str:
    """What the path is instead of a file, as the last part of its message's key."""
    for test, name in (
        (stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"), (stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return name
    return "other"
