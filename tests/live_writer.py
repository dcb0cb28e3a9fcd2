"""One writer of the many-writers test (test_many_writers.py), run as its own process.

    python live_writer.py ROLE FILE NAME COUNT

ROLE is `facilitator` (the app, driven by keys), `notetaker` (the notetaker's app) or
`quotes` (a loop of `retro-tui quote` calls). Each sets itself up, prints READY and
waits for a line on its input, so that all writers start together; then it takes COUNT
steps on its own seeded schedule, a short random pause after each, and prints, as JSON,
what it added (quote texts, timeline event titles, note lines) and how often its saves
crossed the others': `merged_saves`, saves that found another writer's save on disk
since its own last and merged it; `taken_in`, others' saves merged into its screen."""

from __future__ import annotations

import asyncio
import json
import random
import sys
import threading
import time
from pathlib import Path

from textual.widgets import Input, TextArea

# Between two steps a writer pauses 0.3 to 0.7 s, as people do: an app polls the file
# twice a second, so with four writers saving that often nearly every save and every
# poll meets another's save. Steps are what costs; the pauses cost next to nothing.
PAUSE = 0.3, 0.7


def _pause(rng: random.Random) -> float:
    return rng.uniform(*PAUSE)


def _ready() -> None:
    """Say this writer is set up and wait for the word to start: a writer that starts
    while the others are still loading, or goes on after they ended, crosses no one."""
    print("READY", flush=True)
    sys.stdin.readline()


async def _all_set() -> None:
    await asyncio.get_running_loop().run_in_executor(None, _ready)


async def _type_line(pilot, area: TextArea, line: str) -> None:
    """A new line at the end of the notes, as typing it would (an edit of the text area:
    the app sees the same change message). Pressing each key only makes the test slow."""
    area.focus()
    area.insert("\n" + line, area.document.end)
    await pilot.pause()


async def _shown(app, selector: str, within=None):
    """The widget once it is there, in `within` or else the screen on top: a key that
    opens a box returns before the box has built its fields on a busy machine, and a
    person types once they see it."""
    async def there():
        while not (found := (within or app.screen).query(selector)):
            await asyncio.sleep(0.01)
        return found.first()

    return await asyncio.wait_for(there(), timeout=60)  # a guard against hanging


async def _saved_now_and_then(pilot, saves: random.Random) -> None:
    """Mostly ctrl+s after a step, else the autosave 1.5 s after the change: the apps
    write after nearly every step, so their saves cross the others' many times in a
    short run. Its own random stream, so what each writer adds stays as seeded."""
    if saves.random() < 0.8:
        await pilot.press("ctrl+s")


async def _opened(app) -> None:
    while getattr(app.screen, "ready", None) is None or not app.screen.ready.is_set():
        await asyncio.sleep(0.02)


def facilitator_plan(name: str, count: int) -> list[str]:
    """COUNT steps of the facilitator's, shuffled by its seed: three in ten a quote
    (F2), three a note line in the step on screen, two an event added on the timeline
    (going there with F6/F5 first), two a step back or on (the lines land in several
    steps' notes)."""
    rng = random.Random(f"{name}-plan")
    plan: list[str] = []
    while len(plan) < count:
        ten = ["quote"] * 3 + ["line"] * 3 + ["event"] * 2 + ["step"] * 2
        rng.shuffle(ten)
        plan += ten
    return plan[:count]


async def facilitator(path: Path, name: str, count: int, out: dict) -> None:
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    rng, saves = random.Random(name), random.Random(f"{name}-save")
    app = localized(RetroApp)(path.parent, path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _opened(app)
        await _all_set()
        screen = app.screen
        for i, step in enumerate(facilitator_plan(name, count)):
            if step == "quote":
                words = f"{name} citaat {i}"
                await pilot.press("f2")
                (await _shown(app, "#speaker")).value = "Esther"  # QuoteCapture's
                app.screen.query_one("#words", Input).value = words
                app.screen.query_one("#words", Input).focus()
                await pilot.press("enter")
                out["quotes"].append(words)
            elif step == "line":
                line = f"{name}-{i}"
                await _type_line(pilot, screen.query_one("#notes", TextArea), line)
                out["lines"].append(line)
            elif step == "event":
                for _ in range(5):  # at most as many steps as there are
                    if screen.current.value == "timeline":
                        break
                    await pilot.press("f6" if screen.current.value in ("checkin", "relate", "family") else "f5")
                assert screen.current.value == "timeline", f"F6/F5 went to {screen.current.value}"
                title = f"{name} gebeurtenis {i}"
                pane = screen.query_one("#pane-timeline")
                pane.focus_first()
                await pilot.press("a")
                (await _shown(app, "#quick-add", pane)).value = f"maart 2019 {title}"
                await pilot.press("enter")
                out["events"].append(title)
            else:
                await pilot.press(rng.choice(["f5", "f6"]))
            await _saved_now_and_then(pilot, saves)
            await asyncio.sleep(_pause(rng))
        await pilot.press("ctrl+q")


async def notetaker(path: Path, name: str, count: int, out: dict) -> None:
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    rng, saves = random.Random(name), random.Random(f"{name}-save")
    app = localized(RetroApp)(path.parent, path, notetaker=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _opened(app)
        await _all_set()
        screen = app.screen
        for i in range(count):
            if rng.random() < 0.6:
                words = f"{name} citaat {i}"
                screen.query_one("#speaker", Input).value = "Jeroen"
                screen.query_one("#words", Input).value = words
                screen.query_one("#words", Input).focus()
                await pilot.press("enter")
                out["quotes"].append(words)
            else:
                line = f"{name}-{i}"
                await _type_line(pilot, screen.query_one("#step-notes", TextArea), line)
                out["lines"].append(line)
            await _saved_now_and_then(pilot, saves)
            await asyncio.sleep(_pause(rng))
        await pilot.press("ctrl+q")


def quotes(path: Path, name: str, count: int, out: dict) -> None:
    from retro_tui.cli import main

    rng = random.Random(name)
    _ready()
    for i in range(count):
        words = f"{name} citaat {i}"
        assert main(["quote", str(path), "--speaker", "Priya", words]) == 0
        out["quotes"].append(words)
        time.sleep(_pause(rng))


def count_crossings(out: dict) -> None:
    """Count in `out` the saves that merged another writer's save (made since this
    writer's own last) and the others' saves taken into the screen: how often the race
    the test is about was run. SharedFile._merged returns None when nobody else wrote."""
    from retro_tui.store.shared import SharedFile

    writing = threading.local()  # saves run in a worker thread, take-ins on the UI's
    merged, write = SharedFile._merged, SharedFile.write

    def counted_merge(self, mine, theirs):
        result = merged(self, mine, theirs)
        if result is not None:
            key = "merged_saves" if getattr(writing, "on", False) else "taken_in"
            out[key] += 1
        return result

    def counted_write(self, *args, **kwargs):
        writing.on = True
        try:
            return write(self, *args, **kwargs)
        finally:
            writing.on = False

    SharedFile._merged, SharedFile.write = counted_merge, counted_write


if __name__ == "__main__":
    role, path, name, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    out = {"quotes": [], "events": [], "lines": [], "merged_saves": 0, "taken_in": 0}
    count_crossings(out)
    if role == "quotes":
        quotes(path, name, count, out)
    else:
        asyncio.run({"facilitator": facilitator, "notetaker": notetaker}[role](path, name, count, out))
    sys.stdout = sys.__stdout__
    print("RESULT " + json.dumps(out))
