"""What holding keys in order costs: a burst posted at once into a form, timed until
every key has landed.

    .venv/bin/python bench/type_ahead.py

Two bursts: 300 letters into one field (they take the short way), and a form filled
field by field, 20 times `a`, a name, Tab, Tab, a role, Tab, an age, ctrl+s (every Tab, `a`
and ctrl+s waits for the key before it to settle); then the same keys pressed one at a
time with the app idle between them (Pilot's way), as the cost without any holding.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from textual import events

from conftest import MINIMAL
from retro_tui.model import StepId
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized

LETTERS = ("Marieke is warm en zorgzaam " * 11)[:300]


def send(app, keys) -> None:
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else (" " if key == "space" else None)))


def typed(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


async def main() -> None:
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    app = localized(RetroApp)(folder, path)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.screen.ready.is_set():
            await asyncio.sleep(0.01)
        screen = app.screen
        screen.go_to(StepId.family)
        await pilot.pause()
        await pilot.pause()

        await pilot.press("a")
        box = app.screen.query_one("#field-pseudonym")
        start = time.perf_counter()
        send(app, typed(LETTERS))
        while box.value != LETTERS:
            await asyncio.sleep(0.001)
        took = time.perf_counter() - start
        print(f"300 letters into one field: {took * 1000:.0f} ms ({took / 300 * 1000:.2f} ms a key)")
        await pilot.press("ctrl+s")
        await pilot.pause()

        keys: list[str] = []
        for i in range(20):
            keys += ["a", *typed(f"Lid{i}"), "tab", "tab", *typed("moeder"), "tab", *str(30 + i), "ctrl+s"]
        members = len(screen.session.family.members)
        start = time.perf_counter()
        send(app, keys)
        while len(screen.session.family.members) < members + 20 or app.screen is not screen:
            await asyncio.sleep(0.001)
        took = time.perf_counter() - start
        print(f"20 forms filled in one burst ({len(keys)} keys): {took * 1000:.0f} ms ({took / len(keys) * 1000:.2f} ms a key)")
        added = [(m.pseudonym, m.role, m.age) for m in screen.session.family.members[members:]]
        assert added == [(f"Lid{i}", "moeder", 30 + i) for i in range(20)], added

        # The same keys one at a time, each after the app is idle: what handling them
        # costs without any holding.
        start = time.perf_counter()
        await pilot.press(*keys)
        took = time.perf_counter() - start
        print(f"the same keys pressed one by one, idle between: {took * 1000:.0f} ms ({took / len(keys) * 1000:.2f} ms a key)")
        await pilot.press("ctrl+q")


if __name__ == "__main__":
    asyncio.run(main())
