"""A real retro-tui process in a pseudo-terminal, for tests of how a process ends:
its screen output is drained in a thread (a full pty would block the app), keys are
written as a terminal would send them, and signals go to the real process."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RETRO_TUI = Path(sys.executable).with_name("retro-tui")
KEYS = {"f5": "\x1b[15~", "f6": "\x1b[17~", "ctrl+s": "\x13", "ctrl+q": "\x11", "tab": "\t", "enter": "\r"}
_ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


class Terminal:
    def __init__(self, *args: str, env: dict[str, str] | None = None, cols: int = 100, rows: int = 30,
                 controlling: bool = True):
        import fcntl
        import struct
        import termios

        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows),
                       **(env or {})}
        # Its own session with the pty as controlling terminal, as a terminal window
        # starts a shell: closing the master then hangs the process up, as a window does.
        self.process = subprocess.Popen(
            [str(RETRO_TUI), *args], stdin=slave, stdout=slave, stderr=slave, env=environment,
            start_new_session=True, close_fds=True,
            # `controlling=False`: started by a program that keeps the terminal its own
            # (an editor's or a test runner's), so closing it sends no SIGHUP.
            preexec_fn=(lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0)) if controlling else None,
        )
        os.close(slave)
        self._output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.2)
                if not ready:
                    if self.master < 0:
                        return
                    continue
                chunk = os.read(self.master, 65536)
            except (OSError, ValueError):
                return
            if not chunk:
                return
            with self._lock:
                self._output += chunk

    def text(self) -> str:
        """All text written to the screen so far, without escape sequences."""
        with self._lock:
            raw = bytes(self._output)
        return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")

    def wait_for(self, words: str, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while words not in self.text():
            if self.process.poll() is not None:
                raise AssertionError(f"exited with {self.process.returncode} before {words!r}:\n{self.text()[-2000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{words!r} never shown:\n{self.text()[-2000:]}")
            time.sleep(0.05)

    def wait_until_saved(self, path, words: str, seconds: float = 30) -> None:
        """Until the session file holds `words` (the app's autosave wrote them)."""
        deadline = time.monotonic() + seconds
        while words not in Path(path).read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, f"{words!r} never saved:\n{self.text()[-2000:]}"
            time.sleep(0.1)

    def type(self, keys: str | bytes) -> None:
        os.write(self.master, keys.encode("utf-8") if isinstance(keys, str) else keys)

    def press(self, key: str) -> None:
        """A named key, as xterm sends it."""
        self.type(KEYS[key])

    def signal(self, sig: int) -> None:
        self.process.send_signal(sig)

    def hang_up(self) -> None:
        """The terminal window is closed: the master side goes, the kernel sends SIGHUP."""
        master, self.master = self.master, -1
        os.close(master)

    def ended_within(self, seconds: float) -> bool:
        try:
            self.process.wait(timeout=seconds)
            return True
        except subprocess.TimeoutExpired:
            return False

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.master >= 0:
            os.close(self.master)
            self.master = -1
