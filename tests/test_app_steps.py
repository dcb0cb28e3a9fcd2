"""Moving between steps loses nothing; a broken file opens as a clear message."""

from __future__ import annotations

from apphelpers import fill, opened, palette_offers, settle, visible_text
from conftest import EXAMPLE
from retro_tui.model import StepId
from retro_tui.store import dumps, load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized
from retro_tui.ui.opening import LoadErrorScreen
from retro_tui.ui.session_screen import SessionScreen


def without(session, *, check_in_of=None):
    data = session.model_dump(mode="json")
    data["session"].pop("updated"), data["session"].pop("current_step"), data["session"].pop("seconds_per_step")
    data["session"].pop("started")
    if check_in_of is not None:
        data["checkin"]["participants"][check_in_of].pop("check_in")
    return data


async def test_going_back_from_insights_to_check_in_keeps_everything_else(tmp_path, example_copy):
    path = example_copy
    before = load(path)
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to(StepId.insights)
        await pilot.pause()
        for _ in range(4):
            await pilot.press("f5")
        await pilot.pause()
        assert screen.current == StepId.checkin
        await pilot.press("down", "e")  # the second participant
        await pilot.pause()
        await fill(pilot, check_in="Nu toch wat rustiger.")
        await pilot.press("ctrl+q")
    after = load(path)
    assert after.checkin.participants[1].check_in == "Nu toch wat rustiger."
    assert without(after, check_in_of=1) == without(before, check_in_of=1)


# Every step reachable at 80x24 with its title and first question whole: in
# test_small_screen's walk, which opens the same example once for all its checks.


async def test_a_broken_file_shows_the_message_and_stays_untouched(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(dumps(load(EXAMPLE)).replace('lane = "family"', 'lane = "familie"', 1))
    data = path.read_bytes()
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        text = visible_text(app)
        assert f"{path.name} kan niet worden geopend" in text  # the Dutch example speaks Dutch and "lane" in text and "'familie'" in text
        await pilot.press("q")
    assert app.start_failed  # so the command that started it exits with 2
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.toml"]


async def test_a_folder_opened_as_a_session_is_said_so_without_the_text_editor_hint(tmp_path):
    """A folder, or a file that is not there, is nothing to fix in a text editor."""
    folder = tmp_path / "adir"
    folder.mkdir()
    app = localized(RetroApp)(tmp_path, folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        text = " ".join(visible_text(app).split())
        assert "map, geen gewoon bestand" in text or "folder, not a regular file" in text, text
        assert "teksteditor" not in text and "text editor" not in text, text
        await pilot.press("q")
    assert app.start_failed


async def test_removing_asks_first_and_c_marks_a_moment_crucial(tmp_path, example_copy):
    path = example_copy
    before = load(path)
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        await pilot.press("d", "n")  # asked, and answered no: nothing removed
        await pilot.pause()
        assert len(screen.session.checkin.participants) == len(before.checkin.participants)
        await pilot.press("d", "y")
        await pilot.pause()
        assert len(screen.session.checkin.participants) == len(before.checkin.participants) - 1

        screen.go_to(StepId.timeline)
        await pilot.pause()
        first = sorted(before.timeline.events, key=lambda e: e.sort_key)[0]
        await pilot.press("c")
        await pilot.press("ctrl+q")
    after = load(path)
    assert next(e for e in after.timeline.events if e.id == first.id).crucial is not first.crucial
    assert before.checkin.participants[0].id not in {p.id for p in after.checkin.participants}


async def test_fast_f6_presses_move_one_step_each(tmp_path, example_copy):
    """Keys typed faster than the screen settles: `pilot.press` waits for idle after
    every key, so the F6/F5 key events are queued at once, as a quick hand sends them."""
    from textual import events

    path = example_copy
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        assert screen.current == StepId.checkin
        for _ in range(3):
            app.post_message(events.Key("f6", None))
        await settle(pilot)  # every key handled (two pauses were not, on a busy machine)
        assert screen.current == StepId.timeline
        assert screen.query_one("Tabs").active == "tab-timeline"
        await app.workers.wait_for_complete()  # a step change is written by the worker
        assert load(path).session.current_step == StepId.timeline
        for _ in range(2):
            app.post_message(events.Key("f5", None))
        await settle(pilot)
        assert screen.current == StepId.relate
        assert screen.query_one("Tabs").active == "tab-relate"


async def test_the_group_sense_is_set_from_the_relate_step(tmp_path, example_copy):
    from textual.widgets import Select

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("f6")
        await pilot.pause()
        select = app.screen.query_one("#group-sense", Select)
        assert select.value == load(example_copy).relate.group_sense
        select.focus()
        await pilot.press("enter")  # open the list, pick the last option: opposite
        await pilot.press("end", "enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert load(example_copy).relate.group_sense == "opposite"


async def test_the_command_palette_goes_to_a_step_and_opens_forms(tmp_path, example_copy):
    from retro_tui.ui.forms import RecordForm

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        await pilot.press("ctrl+p")
        await pilot.press(*"stap: tijdlijn")
        await palette_offers(pilot, "stap: de tijdlijn")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == StepId.timeline
        await pilot.press("ctrl+p")
        await pilot.press(*"deelnemer toevoegen")
        await palette_offers(pilot, "deelnemer toevoegen")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == StepId.checkin
        assert isinstance(app.screen, RecordForm)


async def test_a_new_form_takes_typing_at_once(tmp_path, example_copy):
    """Typed, not set: the form must focus its first field when it opens."""
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        screen.go_to(StepId.timeline)
        await pilot.pause()
        await pilot.press("a", "tab", *"2019-02-30", "tab", "tab", *"Huisbezoek", "ctrl+s")
        await pilot.pause()
        shown = visible_text(app)
        assert "2019-02-30" in shown and "kalender" in shown  # refused in the form, not lost
        # The refused field has the focus, its text selected: typing replaces it.
        assert app.screen.focused is app.screen.query_one("#field-date")
        await pilot.press(*"2019-02-14", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+q")
    event = next(e for e in load(example_copy).timeline.events if e.title == "Huisbezoek")
    assert event.date == "2019-02-14"


async def test_a_form_opens_with_its_first_label_in_view(tmp_path, example_copy):
    """Focus on the first field must not scroll away the words that say what it asks."""
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        app.screen.go_to(StepId.family)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.pause()
        assert "Pseudoniem *" in visible_text(app)  # the example session is Dutch
        await pilot.press("escape")
