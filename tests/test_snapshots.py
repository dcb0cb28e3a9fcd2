"""What the facilitator's screen looks like: every step at 80x24 and 120x40 in Dutch,
and two steps in English. Update on purpose with `pytest --snapshot-update`."""

from __future__ import annotations

import shutil

import pytest

from apphelpers import opened
from conftest import EXAMPLE
from retro_tui.i18n import set_language
from retro_tui.model import StepId
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized
from retro_tui.ui.session_screen import SessionScreen

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.fixture
def example_app(tmp_path, monkeypatch):
    monkeypatch.setattr(SessionScreen, "clock_running", False)

    def make(lang: str):
        path = tmp_path / "example.toml"
        shutil.copy(EXAMPLE, path)
        set_language(lang)
        return localized(RetroApp)(tmp_path, path, follow_session_language=False)

    return make


async def step_settled(pilot, step: StepId) -> None:
    """The step's first list takes focus after a refresh, and scrolls into view: wait
    for that, so the picture is of the settled screen however busy the machine is."""
    pane = pilot.app.screen.query_one(f"#pane-{step.value}")
    for _ in range(200):
        focused = pilot.app.focused
        if focused is not None and pane in focused.ancestors:
            break
        await pilot.pause(0.02)
    await pilot.pause()
    # Then until nothing moves any more: a table refitting its columns to the width, or
    # a pane scrolling its focused list into view, can come a frame or two later.
    offsets = None
    for _ in range(50):
        now = [(w.id, w.scroll_offset, w.size) for w in pilot.app.screen.query("*") if w.is_scrollable]
        if now == offsets:
            break
        offsets = now
        await pilot.pause(0.05)
    # Whether the pane ends a line further down depends on whether its focused list was
    # scrolled into view before or after the last refit (timing, not the app's state):
    # scroll it into view once more from the top, so the picture is the same every run.
    focused = pilot.app.focused
    if focused is not None and pane in focused.ancestors:
        pane.scroll_home(animate=False, immediate=True)
        pane.scroll_to_widget(focused, animate=False, immediate=True)
        await pilot.pause()


def go(step: StepId):
    async def run_before(pilot) -> None:
        await opened(pilot)
        pilot.app.screen.go_to(step)
        await step_settled(pilot, step)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
@pytest.mark.parametrize("step", list(StepId), ids=[s.value for s in StepId])
def test_each_step_in_dutch(snap_compare, example_app, step, size):
    assert snap_compare(example_app("nl"), terminal_size=SIZES[size], run_before=go(step))


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
@pytest.mark.parametrize("step", [StepId.checkin, StepId.family], ids=["checkin", "family"])
def test_steps_in_english(snap_compare, example_app, step, size):
    assert snap_compare(example_app("en"), terminal_size=SIZES[size], run_before=go(step))


def test_help_screen(snap_compare, example_app):
    async def help_open(pilot) -> None:
        await opened(pilot)
        await step_settled(pilot, StepId.checkin)
        await pilot.press("f1")

    assert snap_compare(example_app("nl"), terminal_size=(100, 30), run_before=help_open)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
@pytest.mark.parametrize("zoom", ["whole", "close"])
def test_the_timeline(snap_compare, example_app, lang, size, zoom):
    """Both lanes, the axis and a crucial moment's details; the whole case and close up."""

    async def run_before(pilot) -> None:
        await opened(pilot)
        pilot.app.screen.go_to(StepId.timeline)
        await step_settled(pilot, StepId.timeline)
        await pilot.press("right", "right", "right")  # the registration, a crucial moment
        if zoom == "close":
            await pilot.press("z")
        await pilot.pause()

    assert snap_compare(example_app(lang), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_notetakers_view(snap_compare, tmp_path, lang):
    """80x24: the facilitator's step, the quote box, the latest quotes, the step's notes."""
    path = tmp_path / "example.toml"
    shutil.copy(EXAMPLE, path)
    set_language(lang)
    app = localized(RetroApp)(tmp_path, path, follow_session_language=False, notetaker=True)

    async def run_before(pilot) -> None:
        await opened(pilot)
        await pilot.press(*"Lot")  # the speaker's name is offered as it is typed

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("kind_id", ["prospective", "meeting", "evaluation"])
def test_the_first_step_of_each_kind_after_the_retrospective(snap_compare, tmp_path, monkeypatch, kind_id):
    """80x24 in Dutch: the kind's own steps as tabs (seven for a prospective analysis
    must fit), its first step's questions and notes, the clock against its own time."""
    from host_sessions import write_session

    monkeypatch.setattr(SessionScreen, "clock_running", False)
    set_language("nl")
    path = write_session(tmp_path, kind_id, "nl")
    app = localized(RetroApp)(tmp_path, path, follow_session_language=False)

    async def run_before(pilot) -> None:
        await opened(pilot)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
