"""Rendering a big session as TOML takes a good 150 ms of pure Python (tomli_w). In a
thread it would hold the GIL and slow every keystroke while it runs; in a process of its
own, on another core, it does not.

The helper is a plain child process (`python -m retro_tui.store.render_process`) that
reads pickled snapshots on stdin and writes TOML on stdout, started on first use. The
snapshot is pickled straight into the pipe (a pickle ends by itself), and the answer
is written to the file a piece at a time as it comes (`stream_elsewhere`): a big
session's pickle and its text, decoded and encoded again, were 8 MB at once at the top
of the app's memory (issue 14). Not
multiprocessing: its resource tracker needs the terminal's file descriptors, which a
full-screen app has taken over. Anything wrong with the helper falls back to rendering
here: a save must never be lost to an optimisation.
"""

from __future__ import annotations

import pickle
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import IO, Any

import tomli_w

_HEADER = struct.Struct(">Q")
_PIECE = 256 * 1024  # of the helper's answer, read and written on at a time
_lock = threading.Lock()
_child: subprocess.Popen | None = None


def render_toml(data: dict[str, Any]) -> str:
    return tomli_w.dumps(data, multiline_strings=True)


def _send(stream: IO[bytes] | None, payload: bytes) -> None:
    assert stream is not None  # a pipe, as the child is started
    stream.write(_HEADER.pack(len(payload)))
    stream.write(payload)
    stream.flush()


class HelperFailed(Exception):
    """The helper stopped part-way through a text: it is to be rendered here instead."""


def stream_elsewhere(data: dict[str, Any]) -> Iterator[bytes]:
    """The TOML text in UTF-8 a piece at a time, as the helper sends it: a big session's
    text is never whole in this process (2.2 MB at the top of its memory otherwise).
    A helper that cannot be reached gives way to rendering here; one that fails once
    pieces were given raises HelperFailed, and the caller renders here itself."""
    global _child
    given = False
    with _lock:
        try:
            if _child is None or _child.poll() is not None:
                _child = subprocess.Popen(
                    [sys.executable, "-m", __name__],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                )
            assert _child.stdin is not None and _child.stdout is not None  # pipes, as started
            # Without a memo: the snapshot is a tree of plain values (a cycle would be
            # refused, and rendered here), and the memo of its 70,000 objects was
            # 2.6 MB, the top of the app's memory at each save (issue 14). The pickle
            # grows by a third and takes 22 ms against 13, in the writer's thread.
            pickler = pickle.Pickler(_child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.fast = True
            pickler.dump(data)
            _child.stdin.flush()
            header = _child.stdout.read(_HEADER.size)
            if len(header) < _HEADER.size:
                raise OSError("the helper ended")
            (left,) = _HEADER.unpack(header)
            while left:
                piece = _child.stdout.read(min(_PIECE, left))
                if not piece:
                    raise OSError("the helper ended")
                left -= len(piece)
                given = True
                yield piece
            return
        except (OSError, ValueError, pickle.PickleError) as error:
            _kill_locked()
            if given:
                raise HelperFailed from error
        except BaseException:
            _kill_locked()  # left part-way (the write failed): its answer is still in the pipe
            raise
    yield render_toml(data).encode("utf-8")


def _kill_locked() -> None:
    global _child
    if _child is not None:
        _child.kill()
        _child.wait()
        for pipe in (_child.stdin, _child.stdout):
            if pipe is not None:
                try:
                    pipe.close()
                except OSError:
                    pass  # a broken pipe to a dead helper: nothing left to flush
        _child = None


def stop_locked() -> None:
    global _child
    if _child is not None:
        try:
            if _child.stdin is not None:
                _child.stdin.close()
            _child.wait(timeout=1)
        except Exception:
            _child.kill()
        _child = None


def stop() -> None:
    with _lock:
        stop_locked()


def _serve() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            data = pickle.load(stdin)
        except EOFError:
            return  # the app closed the pipe
        _send(stdout, render_toml(data).encode("utf-8"))


if __name__ == "__main__":
    _serve()
