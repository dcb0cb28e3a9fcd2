"""A real pseudo-terminal for the benches: start a console command in it, read what it
writes into a terminal emulator (pyte), and wait until the screen shows something.

The benches time what a person waits for: from the process start, or from a key sent,
until the terminal has *received* the frame that shows the result. Reading the emulated
screen (not Textual's Ready event, not Pilot's idle) is what makes that honest.
"""

from __future__ import annotations

import os
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import fcntl
import pyte

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import record

BIN = Path(sys.executable).parent


class Timeout(RuntimeError):
    pass


class PtyApp:
    """One console program on a pseudo-terminal of the given size."""

    def __init__(self, argv: Sequence[str], size: tuple[int, int] = (80, 24), env: dict[str, str] | None = None):
        cols, rows = size
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        environ = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows)}
        environ.pop("TEXTUAL", None)
        environ.update(env or {})
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv), stdin=slave, stdout=slave, stderr=slave, env=environ, start_new_session=True, close_fds=True
        )
        os.close(slave)
        self.master = master

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, timeout: float) -> bool:
        """Feed what arrived within `timeout` to the screen; False when nothing came."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:  # the program closed its side
            raise Timeout("the program ended") from None
        self.stream.feed(data)
        return True

    def wait_for(self, shows: Callable[[str], bool], timeout: float = 30.0) -> float:
        """Seconds since the start until the screen satisfies `shows`."""
        deadline = time.perf_counter() + timeout
        while not shows(self.text()):
            if time.perf_counter() > deadline:
                raise Timeout(f"screen never showed it; last screen:\n{self.text()}")
            self.pump(0.05)
        return time.perf_counter() - self.started

    def drain(self, quiet: float = 0.3) -> None:
        """Read until the program has been quiet for `quiet` seconds."""
        while self.pump(quiet):
            pass

    def key(self, data: bytes, shows: Callable[[str], bool], timeout: float = 30.0) -> float:
        """Seconds from sending `data` until the screen satisfies `shows`."""
        start = time.perf_counter()
        os.write(self.master, data)
        deadline = start + timeout
        while not shows(self.text()):
            if time.perf_counter() > deadline:
                raise Timeout(f"key {data!r} never showed; last screen:\n{self.text()}")
            self.pump(0.02)
        return time.perf_counter() - start

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(3)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        os.close(self.master)

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def summary(name: str, times: list[float], base: list[float] | None = None, target: float | None = None) -> str:
    """median [min–max] n, and the ratio of medians against the baseline; the row also
    goes into `make bench`'s table (bench/results.py)."""
    med = statistics.median(times)
    line = f"{name:<44} {med * 1000:7.1f} ms [{min(times) * 1000:.1f}–{max(times) * 1000:.1f}] n={len(times)}"
    ratio = None
    if base:
        ratio = med / statistics.median(base)
        line += f"  ratio {ratio:4.2f}"
        if target is not None:
            line += f" (target ≤ {target:g}{'' if ratio <= target else ', MISSED'})"
    met = None if ratio is None or target is None else ratio <= target
    record(name, times, ratio=ratio, target=f"≤ {target:g}×" if target is not None else "", met=met)
    return line


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} on {os.cpu_count()} cores"
