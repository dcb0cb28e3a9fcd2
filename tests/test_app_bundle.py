"""The bundle view: from the opening screen, the items as bars by cases, and from an item
the cases' insights behind it; keys typed in a burst, at 80×24."""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

import pytest
from textual.widgets import DataTable

from apphelpers import post_keys, visible_text
from conftest import EXAMPLE
from retro_tui.i18n import set_language
from retro_tui.model import Status
from retro_tui.store import dumps, load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.bundle_view import BundleScreen, EvidenceScreen
from retro_tui.ui.keys import localized


@pytest.fixture(autouse=True)
def own_index(tmp_path, monkeypatch):
    monkeypatch.setenv("RETRO_TUI_DATA", str(tmp_path / "data"))


def cases(folder: Path) -> None:
    """Three final cases: islands named in all three (twice in the first), the hot
    potato in one, so islands leads the patterns with 3 cases, 4 insights."""
    folder.mkdir()
    for n in range(3):
        session = load(EXAMPLE)
        session.session.status = Status.final
        for insight in session.insights.items:
            insight.tags = []
        session.insights.items[0].tags = ["pattern.islands"]
        session.insights.items[0].text = f"Ieder op een eigen eiland, casus {n}."
        if n == 0:
            session.insights.items[1].tags = ["pattern.islands", "pattern.hot_potato"]
        (folder / f"c{n}.toml").write_text(dumps(session), "utf-8")


async def gathered(pilot) -> BundleScreen:
    async def ready() -> None:
        while not (isinstance(pilot.app.screen, BundleScreen) and pilot.app.screen.gathered is not None):
            await asyncio.sleep(0.02)

    await asyncio.wait_for(ready(), timeout=120)  # a guard against hanging, not a measurement
    await pilot.pause()
    return pilot.app.screen


@pytest.mark.parametrize("lang, heading", [("nl", "Werken op eilandjes"), ("en", "Working on islands")])
async def test_from_the_opening_screen_to_the_insights_behind_an_item(tmp_path, lang, heading):
    set_language(lang)
    cases(tmp_path / "sessions")
    app = localized(RetroApp)(tmp_path / "sessions")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        post_keys(app, "b")
        screen = await gathered(pilot)
        text = visible_text(app)
        # Each bar's row, in order: cases, insights, the item; islands leads.
        potato = "De hete aardappel doorgeven" if lang == "nl" else "Passing on the hot potato"
        assert re.findall(r"(\d+) +(\d+) +(\S[^▎]*)▎", text) == [("3", "4", heading), ("1", "1", potato)]
        post_keys(app, "k", "enter")  # patterns only, then the first: islands
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)
        assert app.screen.count.id == "pattern.islands"
        assert len(app.screen.count.cases) == 3 and len(app.screen.count.insights) == 4
        shown = visible_text(app)
        assert ("Casus A" if lang == "nl" else "Case A") in shown and "eigen eiland, casus" in shown
        post_keys(app, "escape")
        await pilot.pause()
        assert app.screen is screen


async def test_started_on_paths_shows_only_final_cases_until_drafts_are_asked_for(tmp_path):
    set_language("en")
    cases(tmp_path / "sessions")
    draft = load(EXAMPLE)
    (tmp_path / "sessions" / "draft.toml").write_text(dumps(draft), "utf-8")
    app = localized(RetroApp)(tmp_path, bundle=([tmp_path / "sessions"], False))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await gathered(pilot)
        assert len(screen.gathered.cases) == 3
        screen.gathered = None
        post_keys(app, "a")
        screen = await gathered(pilot)
        assert len(screen.gathered.cases) == 4


async def test_g_in_the_quotes_list_marks_a_quote_for_the_programme_and_it_is_saved(tmp_path, example_copy):
    from apphelpers import opened
    from retro_tui.ui.capture import QuotesScreen

    set_language("nl")
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("f7")
        assert isinstance(app.screen, QuotesScreen)
        first, second = app.screen.shown()[:2]
        was = first.for_programme
        post_keys(app, "down", "g", "up", "g")  # the second, then the first again: both toggled
        await pilot.pause()
        await pilot.pause()
        assert first.for_programme is not was
        # Each row's mark as shown: (another quote, further down, keeps its own ◆.)
        table = app.screen.query_one(DataTable)
        assert [("◆" in str(table.get_row_at(row)[0])) for row in (0, 1)] == [first.for_programme, second.for_programme]
        post_keys(app, "escape")
        await pilot.pause()
    saved = load(example_copy)
    assert saved.quotes[0].for_programme is not was
    assert saved.quotes[1].for_programme is not load(EXAMPLE).quotes[1].for_programme


@pytest.mark.parametrize("open_item", [False, True], ids=["bars", "evidence"])
def test_bundle_view_snapshot(snap_compare, tmp_path, open_item):
    set_language("nl")
    cases(tmp_path / "sessions")
    app = localized(RetroApp)(tmp_path, bundle=([tmp_path / "sessions"], False))

    async def run_before(pilot) -> None:
        await gathered(pilot)
        if open_item:
            await pilot.press("enter")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_retro_tui_bundle_on_a_real_terminal_opens_the_view_and_q_leaves(tmp_path):
    """The command in a pseudo-terminal, as a coordinator starts it: the view, then q."""
    import os
    import pty
    import select
    import subprocess
    import time

    cases(tmp_path / "sessions")
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    env = {**os.environ, "RETRO_TUI_DATA": str(tmp_path / "data"), "TERM": "xterm-256color",
           "COLUMNS": "80", "LINES": "24"}
    process = subprocess.Popen([str(Path(sys.executable).with_name("retro-tui")), "bundle", str(tmp_path / "sessions"),
                                "--lang", "en"], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 60  # a guard against hanging, not a measurement
    try:
        while b"Working on islands" not in seen and time.monotonic() < deadline:
            if select.select([master], [], [], 0.5)[0]:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
        assert b"Working on islands" in seen
        os.write(master, b"q")
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)


async def test_an_insights_level_is_chosen_in_its_form_by_keys_and_saved(tmp_path, example_copy):
    from apphelpers import opened
    from retro_tui.model import InsightLevel, StepId
    from retro_tui.ui.forms import RecordForm

    set_language("en")
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        app.screen.go_to(StepId.insights)
        await pilot.pause()
        await pilot.press("enter")  # edit the first insight
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        app.screen.query_one("#field-level").focus()
        await pilot.press("enter", "down", "enter")  # family system -> our own work
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, RecordForm)
    assert load(example_copy).insights.items[0].level == InsightLevel.own_work


async def test_the_view_reads_as_many_new_sessions_as_the_command_line_gives_worker_processes(tmp_path):
    """Enough sessions that the command line parses them in worker processes. Inside
    the app they do not start (multiprocessing cannot pass Textual's standard error on:
    "bad value(s) in fds_to_keep"), and the index reads every file itself."""
    from retro_tui.bundle.index import PARALLEL_FROM

    set_language("en")
    folder = tmp_path / "many"
    folder.mkdir()
    session = load(EXAMPLE)
    session.session.status = Status.final
    for n in range(PARALLEL_FROM + 2):
        session.insights.items[0].text = f"Case number {n} on its own island."
        (folder / f"c{n}.toml").write_text(dumps(session), "utf-8")
    app = localized(RetroApp)(tmp_path, bundle=([folder], False))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await gathered(pilot)
        assert len(screen.gathered.cases) == PARALLEL_FROM + 2
