"""The timeline editor with a big case: 2,000 events (and 5,000 quotes in the file).

Prints, in one run:
- time per keystroke moving through the timeline (→), against the same key in a bare
  Textual app with one TextArea; target <= 2x;
- time per keystroke typing in the event form's title, against typing in that bare
  TextArea; target <= 2x;
- time to lay out and draw the whole-case zoom at 160x45; target <= 100 ms;
- keystrokes while autosaves of the 2 MB file run (marking events crucial saves each
  time), against the same keys with saving held back: saving must not block typing.

Keystrokes are timed the same way for both apps: Pilot presses a key and waits until the
app is idle again, so the time includes handling, layout and drawing.

    .venv/bin/python bench/timeline.py [--keys N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_save import big_session

from retro_tui.model import StepId
from retro_tui.store import save
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized
from retro_tui.ui.session_screen import SessionScreen
from retro_tui.ui.timeline_view import TimelineView

SIZE = (160, 45)


class Bare(App):
    def compose(self) -> ComposeResult:
        yield TextArea()


async def per_key(pilot, keys: list[str]) -> list[float]:
    times = []
    for key in keys:
        start = time.perf_counter()
        await pilot.press(key)
        times.append(time.perf_counter() - start)
    return times


async def bare(keys: int) -> tuple[float, float]:
    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        moving = await per_key(pilot, ["right"] * keys)
        typing = await per_key(pilot, list("besluit uithuisplaatsing " * 4)[:keys])
    return statistics.median(moving), statistics.median(typing)


async def ours(path: Path, keys: int) -> dict[str, float]:
    app = localized(RetroApp)(path.parent, path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        while not screen.ready.is_set():
            await asyncio.sleep(0.01)
        screen.go_to(StepId.timeline)
        await pilot.pause()
        view = screen.query_one("#pane-timeline TimelineView", TimelineView)
        await pilot.press("z")  # close up, where moving also scrolls the axis
        moving = await per_key(pilot, ["right"] * keys)

        # The whole-case zoom, laid out and drawn from scratch.
        draws = []
        for _ in range(5):
            start = time.perf_counter()
            view.set_zoom(0)
            view._layout = None
            for y in range(view.size.height):
                view.render_line(y)
            draws.append(time.perf_counter() - start)
            view.set_zoom(4)
            await pilot.pause()

        # Keys while the big file is being saved: c marks crucial and schedules a save.
        # The same keys with saving held back are the baseline.
        autosave = screen.autosave
        real = autosave.save_soon
        autosave.save_soon = lambda: None
        unsaved = await per_key(pilot, ["c", "right"] * (keys // 2))
        autosave.save_soon = real
        saving = await per_key(pilot, ["c", "right"] * (keys // 2))

        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab")  # to the title
        typing = await per_key(pilot, list("besluit uithuisplaatsing " * 4)[:keys])
        await pilot.press("escape")
    return {
        "moving": statistics.median(moving),
        "typing": statistics.median(typing),
        "draw": min(draws),
        "saving_max": max(saving),
        "saving_top": sorted(saving)[-4:],
        "saving_median": statistics.median(saving),
        "unsaved_median": statistics.median(unsaved),
        "unsaved_top": sorted(unsaved)[-4:],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40)
    keys = parser.parse_args().keys
    SessionScreen.clock_running = False
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.toml"
        session = big_session()
        session.session.current_step = StepId.timeline
        save(session, path)
        size_mb = path.stat().st_size / 1e6
        bare_move, bare_type = asyncio.run(bare(keys))
        got = asyncio.run(ours(path, keys))
        bare_move2, bare_type2 = asyncio.run(bare(keys))  # again, so drift hits both
    bm, bt = (bare_move + bare_move2) / 2, (bare_type + bare_type2) / 2
    print(f"session file {size_mb:.1f} MB, {len(session.timeline.events)} events, medians of {keys} keys")
    print(f"moving  →  retro-tui {got['moving'] * 1000:6.1f} ms   bare TextArea {bm * 1000:6.1f} ms   ratio {got['moving'] / bm:.2f} (target <= 2)")
    print(f"typing     retro-tui {got['typing'] * 1000:6.1f} ms   bare TextArea {bt * 1000:6.1f} ms   ratio {got['typing'] / bt:.2f} (target <= 2)")
    print(f"whole-case zoom laid out and drawn at {SIZE[0]}x{SIZE[1]}: {got['draw'] * 1000:.1f} ms (target <= 100)")
    for name, what in (("unsaved", "the same keys, saving held back"), ("saving", "c and → while the file saves")):
        top = ", ".join(f"{x * 1000:.0f}" for x in got[f"{name}_top"])
        print(f"{what:32} median {got[f'{name}_median'] * 1000:6.1f} ms, longest four {top} ms")


if __name__ == "__main__":
    main()
