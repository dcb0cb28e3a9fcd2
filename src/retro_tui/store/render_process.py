"""Rendering a big session as TOML takes a good 150 ms of pure Python (tomli_w). In a
thread it would hold the GIL and slow every keystroke while it runs; in a process of its
own, on another core, it does not.

The helper is a plain child process (`python -m retro_tui.store.render_process`) that
reads pickled snapshots on stdin and writes TOML on stdout, started on first use. The
snapshot is pickled straight into the pipe (a pickle ends by itself), and the answer
stays the bytes that are written: a big session's pickle and its text, decoded and
encoded again, were 8 MB at once at the top of the app's memory (issue 14). Not
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
from typing import IO, Any

import tomli_w

_HEADER = struct.Struct(">Q")
_lock = threading.Lock()
_child: subprocess.Popen | None = None


def render_toml(data: dict[str, Any]) -> str:
    return tomli_w.dumps(data, multiline_strings=True)


def _send(stream: IO[bytes] | None, payload: bytes) -> None:
    assert stream is not None  # a pipe, as the child is started
    stream.write(_HEADER.pack(len(payload)))
    stream.write(payload)
    stream.flush()


def _receive(stream: IO[bytes] | None) -> bytes | None:
    assert stream is not None
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    payload = stream.read(size)
    return payload if len(payload) == size else None


def render_elsewhere(data: dict[str, Any]) -> bytes:
    """The TOML text in UTF-8, rendered in the helper process."""
    global _child
    with _lock:
        try:
            if _child is None or _child.poll() is not None:
                _child = subprocess.Popen(
                    [sys.executable, "-m", __name__],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                )
            assert _child.stdin is not None  # a pipe, as the child is started
            pickle.dump(data, _child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            _child.stdin.flush()
            answer = _receive(_child.stdout)
            if answer is not None:
                return answer
        except (OSError, ValueError, pickle.PickleError):
            pass
        stop_locked()
    return render_toml(data).encode("utf-8")


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
