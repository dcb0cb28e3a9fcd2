"""Keys typed ahead, in one burst with no pause between them, land where they were
meant: Tab moves on before the next letter, `a` opens the line before the words go in,
F2 opens the quote box before the speaker is typed. Each runs idle and on a busy CPU."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from apphelpers import burst, member_typed_behind_f6, opened
from retro_tui.model import StepId
from retro_tui.store import load as load_session
from retro_tui.ui.app import RetroApp
from retro_tui.ui.capture import QuoteCapture
from retro_tui.ui.forms import RecordForm
from retro_tui.ui.keys import localized
from retro_tui.ui.session_screen import SessionScreen


async def _at_step(pilot, step: StepId) -> SessionScreen:
    await opened(pilot)
    screen = pilot.app.screen
    screen.go_to(step)
    await pilot.pause()
    await pilot.pause()
    return screen


async def test_a_family_form_typed_in_one_burst_fills_each_field(tmp_path, minimal_file, load):
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await _at_step(pilot, StepId.family)
        # Name, the name the family calls her by, role, age.
        await burst(pilot, "a", "Marieke", "tab", "Mieke", "tab", "moeder", "tab", "41")
        form = app.screen
        assert isinstance(form, RecordForm)
        typed = {name: form.query_one(f"#field-{name}", Input).value for name in ("pseudonym", "role", "age")}
        assert typed == {"pseudonym": "Marieke", "role": "moeder", "age": "41"}
        assert form.query_one("#field-aliases", TextArea).text == "Mieke"
        assert form.focused is form.query_one("#field-age")
        await burst(pilot, "ctrl+s")
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+q")
    member = next(m for m in load_session(minimal_file).family.members if m.pseudonym == "Marieke")
    assert (member.role, member.age) == ("moeder", 41)


async def test_a_quick_add_line_typed_straight_after_a_is_added_not_run_as_commands(tmp_path, minimal_file, load):
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _at_step(pilot, StepId.timeline)
        pane = screen.query_one("#pane-timeline")
        before = {e.id for e in screen.session.timeline.events}
        shown_filter = pane.view.filter
        # e, l, u and c are all timeline commands: none of them may run.
        await burst(pilot, "a", "June 2022 case conference, they talk about the placement", "enter")
        assert app.screen is screen  # no edit form opened by the 'e'
        assert pane.view.filter == shown_filter  # no lane filter switched on by the 'l'
        added = [e for e in screen.session.timeline.events if e.id not in before]
        assert [(e.date, e.title) for e in added] == [
            ("2022-06", "Case conference, they talk about the placement")
        ]
        assert not any(e.crucial for e in screen.session.timeline.events)  # no 'c'
        await pilot.press("ctrl+q")
    assert any(e.title.startswith("Case conference") for e in load_session(minimal_file).timeline.events)


async def test_a_quote_typed_in_one_burst_after_f2_is_kept_whole(tmp_path, minimal_file, load):
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _at_step(pilot, StepId.relate)
        await burst(pilot, "f2", "Ann", "tab", "we never sat at one table", "enter")
        assert not isinstance(app.screen, QuoteCapture)
        quotes = [(q.speaker_id, q.text) for q in screen.session.quotes]
        assert quotes == [("p-ann", "we never sat at one table")]
        await pilot.press("ctrl+q")
    assert [q.text for q in load_session(minimal_file).quotes] == ["we never sat at one table"]


async def test_bursts_back_to_back_keep_their_order(tmp_path, minimal_file, load):
    """Two members added in one go: the second form opens after the first is saved, and
    nothing of either lands in the other."""
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _at_step(pilot, StepId.family)
        await burst(
            pilot,
            "a", "Marieke", "tab", "tab", "moeder", "tab", "41", "ctrl+s",
            "a", "Sem", "tab", "tab", "zoon", "tab", "9", "ctrl+s",
        )
        assert app.screen is screen
        got = [(m.pseudonym, m.role, m.age) for m in screen.session.family.members]
        assert got[-2:] == [("Marieke", "moeder", 41), ("Sem", "zoon", 9)]
        await pilot.press("ctrl+q")


async def test_a_form_typed_straight_after_f6_opens_in_the_new_step(tmp_path, minimal_file, load):
    """F6 shows the next step and focuses its list after a refresh: `a` and the words
    typed behind F6 belong to that step's list, not the one left."""
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _at_step(pilot, StepId.relate)
        await member_typed_behind_f6(pilot, screen)
        await pilot.press("ctrl+q")
