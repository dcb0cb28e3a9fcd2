"""One writer of the many-writers test (test_many_writers.py), run as its own process.

    python live_writer.py ROLE FILE NAME COUNT

ROLE is `facilitator` (the app, driven by keys), `notetaker` (the notetaker's app) or
`quotes` (a loop of `retro-tui quote` calls). Each adds COUNT things with random timing
and prints, as JSON, what it added: quote texts, timeline event titles, note lines."""

from __future__ import annotations

import asyncio
import json
import random
import sys
from pathlib import Path

from textual.widgets import Input, TextArea


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


_SAVES: dict[str, random.Random] = {}


async def _maybe_save_now(pilot, name: str) -> None:
    """Now and then ctrl+s: the apps then write far more often than their autosave
    alone (1.5 s after a change), so the writers' saves cross many times in a short
    run. Its own random stream, so what each writer adds stays as seeded."""
    saves = _SAVES.setdefault(name, random.Random(f"{name}-save"))
    if saves.random() < 0.3:
        await pilot.press("ctrl+s")


async def facilitator(path: Path, name: str, count: int, out: dict) -> None:
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    app = localized(RetroApp)(path.parent, path)
    async with app.run_test(size=(100, 30)) as pilot:
        while getattr(app.screen, "ready", None) is None or not app.screen.ready.is_set():
            await asyncio.sleep(0.02)
        screen = app.screen
        for i in range(count):
            roll = random.random()
            if roll < 0.35:
                words = f"{name} citaat {i}"
                await pilot.press("f2")
                (await _shown(app, "#speaker")).value = "Esther"  # QuoteCapture's
                app.screen.query_one("#words", Input).value = words
                app.screen.query_one("#words", Input).focus()
                await pilot.press("enter")
                out["quotes"].append(words)
            elif roll < 0.65:
                line = f"{name}-{i}"
                await _type_line(pilot, screen.query_one("#notes", TextArea), line)
                out["lines"].append(line)
            elif roll < 0.9 and screen.current.value != "timeline":
                # Mostly back to the timeline, where events are added.
                await pilot.press("f6" if screen.current.value in ("checkin", "relate", "family") else "f5")
            elif roll < 0.9:
                title = f"{name} gebeurtenis {i}"
                pane = screen.query_one("#pane-timeline")
                pane.focus_first()
                await pilot.press("a")
                (await _shown(app, "#quick-add", pane)).value = f"maart 2019 {title}"
                await pilot.press("enter")
                out["events"].append(title)
            else:
                await pilot.press(random.choice(["f5", "f6", "f6"]))
            await _maybe_save_now(pilot, name)
            await asyncio.sleep(random.random() * 0.05)
        await pilot.press("ctrl+q")


async def notetaker(path: Path, name: str, count: int, out: dict) -> None:
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    app = localized(RetroApp)(path.parent, path, notetaker=True)
    async with app.run_test(size=(80, 24)) as pilot:
        while getattr(app.screen, "ready", None) is None or not app.screen.ready.is_set():
            await asyncio.sleep(0.02)
        screen = app.screen
        for i in range(count):
            if random.random() < 0.6:
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
            await _maybe_save_now(pilot, name)
            await asyncio.sleep(random.random() * 0.05)
        await pilot.press("ctrl+q")


def quotes(path: Path, name: str, count: int, out: dict) -> None:
    import time

    from retro_tui.cli import main

    for i in range(count):
        words = f"{name} citaat {i}"
        assert main(["quote", str(path), "--speaker", "Priya", words]) == 0
        out["quotes"].append(words)
        time.sleep(random.random() * 0.05)


if __name__ == "__main__":
    role, path, name, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    random.seed(name)
    out = {"quotes": [], "events": [], "lines": []}
    if role == "quotes":
        quotes(path, name, count, out)
    else:
        asyncio.run({"facilitator": facilitator, "notetaker": notetaker}[role](path, name, count, out))
    sys.stdout = sys.__stdout__
    print("RESULT " + json.dumps(out))
