"""Quick add at the speed of talk: one typed line becomes an event with its date, lane
and kind guessed, in Dutch and in English; Tab refines it in the form first."""

from __future__ import annotations

import pytest

from apphelpers import burst, opened, visible_text
from retro_tui.model import StepId
from retro_tui.store import load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized

# line, date, date label, lane, kind
DUTCH = [
    ("2019-03 besluit uithuisplaatsing", "2019-03", "", "professionals", "decision"),
    ('voorjaar 2019 moeder: "ik voelde me niet gehoord"', "2019-04", "voorjaar 2019", "family", "family_experience"),
    ("2019-02-11 aanmelding bij het wijkteam", "2019-02-11", "", "professionals", "contact"),
    ("2018 ouders gaan uit elkaar", "2018", "", "family", "family_fact"),
    ("zomer 2021 Lotte wil bij vader wonen", "2021-07", "zomer 2021", "family", "family_need"),
    ("eind 2019 rechter spreekt OTS uit", "2019-11", "eind 2019", "professionals", "decision"),
    ("2020 huisarts verwijst naar GGZ", "2020", "", "professionals", "contact"),
    ("maart 2019 huisbezoek door het wijkteam", "2019-03", "maart 2019", "professionals", "contact"),
    ("14-3-2019 gesprek met school", "2019-03-14", "14-3-2019", "professionals", "contact"),
    ('najaar 2020 Lotte: "niemand vraagt wat ik wil"', "2020-10", "najaar 2020", "family", "family_experience"),
]
ENGLISH = [
    ("March 2019 court decision on supervision", "2019-03", "March 2019", "professionals", "decision"),
    ('spring 2020 mother: "nobody listened"', "2020-04", "spring 2020", "family", "family_experience"),
    ("14-3-2019 school calls the social work team", "2019-03-14", "14-3-2019", "professionals", "contact"),
    ("2018 parents separate", "2018", "", "family", "family_fact"),
    ("2021 Lotte wants to live with her father", "2021", "", "family", "family_need"),
    ("2019-09-14 home visit by the GP", "2019-09-14", "", "professionals", "contact"),
    ("late 2019 court orders supervision", "2019-11", "late 2019", "professionals", "decision"),
    ("summer 2022 the team meets the parents", "2022-07", "summer 2022", "professionals", "contact"),
    ("2017 Sem is born", "2017", "", "family", "family_fact"),
    ('autumn 2023 father: "nobody ever asked me"', "2023-10", "autumn 2023", "family", "family_experience"),
]


@pytest.mark.parametrize("lines", [DUTCH, ENGLISH], ids=["nl", "en"])
async def test_ten_lines_become_the_right_events(tmp_path, example_copy, lines):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        screen.go_to(StepId.timeline)
        await pilot.pause()
        before = {e.id for e in screen.session.timeline.events}
        for line, *_ in lines:
            await pilot.press("a")
            screen.query_one("#quick-add").value = line  # the words; the keys that matter are pressed
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("ctrl+q")
    added = [e for e in load(example_copy).timeline.events if e.id not in before]
    got = [(e.date, e.date_label, e.lane.value, e.kind.value) for e in added]
    assert got == [tuple(expected) for _, *expected in lines]


async def test_tab_refines_the_guess_in_the_form_and_a_spoken_date_is_kept(tmp_path, example_copy):
    from apphelpers import fill

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        app.screen.go_to(StepId.timeline)
        await pilot.pause()
        await pilot.press("a", *"2019-03 besluit", "tab")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-date").value == "2019-03"
        await fill(pilot, date="maart 2019", title="Besluit: uithuisplaatsing van Lotte", crucial=True)
        await pilot.press("ctrl+q")
    event = next(e for e in load(example_copy).timeline.events if e.title.startswith("Besluit: uithuis"))
    assert (event.date, event.date_label, event.crucial) == ("2019-03", "maart 2019", True)


async def test_words_typed_on_after_tab_go_to_the_story_not_over_the_guessed_date(tmp_path, example_copy):
    """A newcomer's burst: `a`, the line, Tab, and on with what happened. The form
    opened on its date field with the guessed date all selected, and the words typed
    on replaced it. They go to "what happened" now, and the guess stays."""
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        app.screen.go_to(StepId.timeline)
        await pilot.pause()
        await burst(pilot, "a", "april 2022 huisbezoek wijkteam", "tab", "Karin zag dat het rustig was")
        form = app.screen
        assert form.query_one("#field-date").value == "2022-04"
        assert form.query_one("#field-title").value.casefold() == "huisbezoek wijkteam"
        assert form.query_one("#field-what_happened").text == "Karin zag dat het rustig was"
        await burst(pilot, "ctrl+s")
        await pilot.press("ctrl+q")
    saved = {e.title.casefold(): (e.date, e.what_happened) for e in load(example_copy).timeline.events}
    assert saved["huisbezoek wijkteam"] == ("2022-04", "Karin zag dat het rustig was")


async def test_an_impossible_date_in_the_line_is_said_and_the_line_kept(tmp_path, example_copy):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        screen.go_to(StepId.timeline)
        await pilot.pause()
        count = len(screen.session.timeline.events)
        await pilot.press("a", *"2019-02-30 huisbezoek", "enter")
        await pilot.pause()
        box = screen.query_one("#quick-add")
        assert box.value == "2019-02-30 huisbezoek" and box.has_focus
        assert len(screen.session.timeline.events) == count
        shown = " ".join(visible_text(app).split())  # the toast may wrap
        assert "bestaat niet in de kalender" in shown  # the example session is Dutch


async def test_opening_and_closing_quick_add_leaves_the_timeline_as_laid_out(tmp_path, example_copy, monkeypatch):
    """`a` and Esc while someone talks: the line opens in the details' room, so the view
    keeps its size and no event is laid out again (on 2,000 events that is the wait);
    and nothing on the timeline step asks Textual for a layout of the screen, neither
    on `a`, nor for the words typed, nor on Esc or Enter (each was a layout of the whole
    screen before the key's frame could be drawn)."""
    from textual.widget import Widget

    from retro_tui.ui import timeline_view

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        screen.go_to(StepId.timeline)
        await pilot.pause()
        pane = screen.query_one("#pane-timeline")
        view = screen.query_one("#timeline-view")
        box = screen.query_one("#quick-add")
        size, details = view.size, screen.query_one("#details").size
        laid_out = []
        real = timeline_view.lay_out
        monkeypatch.setattr(timeline_view, "lay_out", lambda *a, **k: laid_out.append(1) or real(*a, **k))
        asked = []
        refresh = Widget.refresh

        def noted(widget, *regions, **kwargs):
            if kwargs.get("layout") and pane in widget.ancestors_with_self:
                asked.append(widget)
            return refresh(widget, *regions, **kwargs)

        monkeypatch.setattr(Widget, "refresh", noted)
        await burst(pilot, "a", "2019 school belt")
        box = screen.query_one("#quick-add")
        assert box.has_focus and box.region.height > 0 and box.value == "2019 school belt"
        assert view.size == size and screen.query_one("#details").size == details
        await burst(pilot, "escape", "ctrl+d")  # typed words: Esc asks first, ctrl+d discards
        assert not box.has_focus and box.value == "" and view.has_focus
        await burst(pilot, "tab")
        assert not box.has_focus  # closed, Tab does not land in it
        view.focus()
        await burst(pilot, "a", "2019 school belt", "enter")
        assert view.has_focus and box.value == "" and view.selected.title.lower() == "school belt"
        assert view.size == size and screen.query_one("#details").size == details
        assert laid_out == []
        assert asked == []


@pytest.mark.parametrize(("lang", "dated", "undated"), [
    ("nl", "Toegevoegd (e om aan te passen, u om terug te draaien)",
     "Toegevoegd bij 2019-04, de regel had geen datum (e om de datum te zetten)"),
    ("en", "Added (e to refine, u to undo)", "Added near 2019-04, no date in the line (e to set the date)"),
])
async def test_what_enter_added_is_said_in_its_details_without_a_toast(tmp_path, example_copy, monkeypatch, lang, dated, undated):
    """Enter's notice is in the new moment's details, under its title and above its kind
    and lane, in Enter's own frame, as long as it is selected. A toast (Textual's notify)
    came a frame later and laid out the whole screen twice as it was mounted, on the
    next key typed. With notifications on, as in the real app."""
    from apphelpers import on_timeline
    from retro_tui.i18n import set_language
    from test_key_work import asked_to_be_drawn

    set_language(lang)
    app = localized(RetroApp)(tmp_path, example_copy, follow_session_language=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        view = await on_timeline(pilot)
        await burst(pilot, "a", "2019-04 besluit tot hulp", "enter")
        assert view.selected.title.casefold() == "besluit tot hulp"
        # The timeline's column: left of the side panel's bar.
        lines = [line.split("▏")[0].strip() for line in visible_text(app).splitlines()]
        title = next((i for i, line in enumerate(lines) if line.endswith("2019-04  Besluit tot hulp")), None)
        assert title is not None, lines
        said = " ".join(lines[title + 1: title + 3])
        assert dated in said, lines[title: title + 4]
        assert not app.screen.query("Toast")
        asked = asked_to_be_drawn(monkeypatch)
        await burst(pilot, "a", "moeder belt de school" if lang == "nl" else "mother calls the school", "enter")
        assert [name for name, layout in asked if layout] == [], asked
        assert not app.screen.query("Toast")
        text = " ".join(line.split("▏")[0].strip() for line in visible_text(app).splitlines())
        assert undated in text and dated not in text
        await burst(pilot, "right")
        assert undated.split(" (")[0] not in visible_text(app)
