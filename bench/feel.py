"""What a facilitator waits for, measured from outside: the real `retro-tui` command on a
real pseudo-terminal, timed until the terminal has received the frame that shows the
result, interleaved with a bare Textual app (a label; a TextArea for keys) in the same run.

- first painted frame: process start → the session's title on screen;
- loaded and interactive: process start → the first step's list filled, then F6 pressed
  at once → the next step on screen (so "loaded" includes answering a key);
- the floor under that for the example (bench/_floor.py): Textual's own widgets showing
  the same two steps, with and without reading the file through the session model, so
  the table says how much of the 2× the stack itself takes;
- the same for the big session (bench/big_session.py: 2,000 events, 5,000 quotes,
  200 insights), and its peak memory (VmHWM) against the bare app's;
- timeline keys on the big session: → + − z c a Enter, each from the key sent to the
  frame that shows its effect, against a character typed into the bare TextArea.

    .venv/bin/python bench/feel.py [--runs N] [--keys N]
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from big_session import write as write_big  # noqa: E402
from pty_screen import BIN, PtyApp, load_average, summary  # noqa: E402
from results import record  # noqa: E402

EXAMPLE = HERE.parent / "sessions" / "example.toml"
RETRO = str(BIN / "retro-tui")
BARE = [sys.executable, str(HERE / "_bare.py")]
FLOOR = [sys.executable, str(HERE / "_floor.py")]
# What only the second step's own pane shows: its name ("Met elkaar") is in the tabs
# from the start, so waiting for that after F6 timed no key at all.
NEXT_STEP = "De groep als geheel:"
F6, RIGHT, ENTER, ESC = b"\x1b[17~", b"\x1b[C", b"\r", b"\x1b"
STATUS_ROW = 3  # the session clock ticks: a change there is not a key's effect


def peak_memory(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def bare_paint() -> tuple[float, int]:
    with PtyApp(BARE) as app:
        took = app.wait_for(lambda s: "bare-app-ready" in s)
        return took, peak_memory(app.process.pid)


def session_copy(folder: Path, source: Path, n: int) -> Path:
    target = folder / f"run-{n}.toml"
    shutil.copy(source, target)
    return target


def open_session(path: Path, title: str, filled: str, next_step: str) -> tuple[float, float, int]:
    """First paint, loaded-and-answering, peak memory."""
    with PtyApp([RETRO, "open", str(path)]) as app:
        first = app.wait_for(lambda s: title in s)
        app.wait_for(lambda s: filled in s)
        app.key(F6, lambda s: next_step in s)
        loaded = app.wait_for(lambda s: next_step in s)
        return first, loaded, peak_memory(app.process.pid)


def floor(path: Path, *options: str) -> float:
    """Loaded-and-answering of the floor app, timed as `open_session` times ours."""
    with PtyApp([*FLOOR, str(path), *options]) as app:
        app.wait_for(lambda s: "Akkerman" in s)
        app.wait_for(lambda s: "Vonk" in s)
        app.key(F6, lambda s: NEXT_STEP in s)
        return app.wait_for(lambda s: NEXT_STEP in s)


def without_status(screen: str) -> str:
    lines = screen.splitlines()
    return "\n".join(lines[:STATUS_ROW] + lines[STATUS_ROW + 1 :])


def changes(app: PtyApp) -> Callable[[str], bool]:
    before = without_status(app.text())
    return lambda s: without_status(s) != before


def bare_keys(n: int) -> list[float]:
    with PtyApp([*BARE, "textarea"]) as app:
        app.wait_for(lambda s: "^p" in s)
        app.drain()
        times = []
        for _ in range(n):
            times.append(app.key(b"x", changes(app)))
            app.drain(0.1)
        return times


def timeline_keys(path: Path, n: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {k: [] for k in ("→", "+", "−", "z", "c", "a", "Enter")}
    with PtyApp([RETRO, "open", str(path)], size=(80, 24)) as app:
        app.wait_for(lambda s: "Deelnemer" in s or "◆" in s or "●" in s.split("\n", 4)[-1], timeout=60)
        app.drain(1.0)
        for i in range(n):
            for name, key in (("→", RIGHT), ("+", b"+"), ("−", b"-"), ("z", b"z"), ("z", b"z"), ("c", b"c")):
                times[name].append(app.key(key, changes(app)))
                app.drain(0.15)
            times["a"].append(app.key(b"a", changes(app)))
            app.drain(0.15)
            line = f"2019-0{1 + i % 9} besluit bench {i}".encode()
            app.key(line, lambda s, t=f"bench {i}": t in s)
            app.drain(0.15)
            times["Enter"].append(app.key(ENTER, changes(app)))
            app.drain(0.3)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keys", type=int, default=9)
    args = parser.parse_args()
    print(load_average())
    # An installed copy runs from compiled bytecode (pip and a first run write it); with
    # PYTHONDONTWRITEBYTECODE set, as on shared machines, every start would compile the
    # app's sources again while the bare app's Textual is compiled: not what users feel.
    compileall.compile_dir(HERE.parent / "src" / "retro_tui", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        big = write_big(here / "big.toml")
        big_timeline = write_big(here / "big-timeline.toml", "timeline")
        bare, first, loaded, big_first, big_loaded = [], [], [], [], []
        bare_mem, big_mem = [], []
        textual_floor, model_floor = [], []
        bare_paint(), open_session(session_copy(here, EXAMPLE, -1), "Akkerman", "Vonk", NEXT_STEP), floor(EXAMPLE)  # warm caches
        for n in range(args.runs):  # interleaved, so drift in load hits all alike
            took, memory = bare_paint()
            bare.append(took), bare_mem.append(memory)
            a, b, _ = open_session(session_copy(here, EXAMPLE, n), "Akkerman", "Vonk", NEXT_STEP)
            first.append(a), loaded.append(b)
            textual_floor.append(floor(EXAMPLE, "--no-model"))
            model_floor.append(floor(EXAMPLE))
            a, b, memory = open_session(session_copy(here, big, n), "Groot", "Deelnemer", NEXT_STEP)
            big_first.append(a), big_loaded.append(b), big_mem.append(memory)
        print(summary("bare Textual app, first frame", bare))
        print(summary("first painted frame, example", first, bare, 1.5))
        print(summary("loaded and interactive, example", loaded, bare, 2.0))
        print(summary("floor: Textual's widgets alone, example", textual_floor, bare))
        print(summary("floor: the same + the session model, example", model_floor, bare))
        print(summary("loaded, example, against that floor", loaded, model_floor))
        print(summary("first painted frame, big session", big_first, bare))
        print(summary("loaded and interactive, big session", big_loaded, bare, 3.0))
        mem_ratio = max(big_mem) / max(bare_mem)
        record("peak memory, big session", [m / 2**20 for m in big_mem], unit="MB", ratio=mem_ratio,
               target="≤ 2×", met=mem_ratio <= 2, note="largest of the runs against the bare app's")
        print(f"{'peak memory, big session':<44} {max(big_mem) / 2**20:7.1f} MB vs bare {max(bare_mem) / 2**20:.1f} MB"
              f"  ratio {mem_ratio:4.2f} (target ≤ 2{'' if mem_ratio <= 2 else ', MISSED'})")
        base = bare_keys(args.keys * 3)
        keys = timeline_keys(big_timeline, args.keys)
        print(summary("bare TextArea, a character typed", base))
        for name, times in keys.items():
            print(summary(f"timeline key {name}, big session", times, base, 2.0))


if __name__ == "__main__":
    main()
