"""The busy core of the [busy] tests (conftest's `load`), run as its own process:

    python cpu_hog.py PID

Held to the test's core, it spins whenever a thread of the test's process PID wants to
run, so the app gets half of that core at most, as beside a process that spins for ever;
while the test waits for the app, it looks again every millisecond instead of
spinning on alone, so it costs about what the test itself does, not the whole wait."""

from __future__ import annotations

import os
import sys
import time

SPIN = 0.002  # seconds of spinning between two looks at the test
LOOK = 0.001  # seconds asleep between two looks while the test sleeps


def wants_to_run(tasks: str) -> bool:
    """A thread of the process is running or waiting for a core (state R in its stat,
    after the command name in parentheses, which may itself hold spaces)."""
    for task in os.listdir(tasks):
        try:
            with open(f"{tasks}/{task}/stat", "rb") as stat:
                line = stat.read()
        except OSError:
            continue  # a thread that just ended
        if line[line.rindex(b")") + 2] == ord("R"):
            return True
    return False


def main(pid: int) -> None:
    tasks = f"/proc/{pid}/task"
    while True:
        try:
            busy = wants_to_run(tasks)
        except FileNotFoundError:
            return  # the test's process is gone
        if busy:
            until = time.perf_counter() + SPIN
            while time.perf_counter() < until:
                pass
        else:
            time.sleep(LOOK)


if __name__ == "__main__":
    main(int(sys.argv[1]))
