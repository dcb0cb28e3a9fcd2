"""Nothing typed is thrown away without asking: Esc on a form, the quote box or the
quick-add line that holds words asks keep editing / discard; a refused value keeps every
typed value and puts the cursor on the field to fix."""

from __future__ import annotations

from textual.widgets import Input

from apphelpers import burst, opened, visible_text
from retro_tui.model import StepId
from retro_tui.ui.app import RetroApp
from retro_tui.ui.capture import QuoteCapture
from retro_tui.ui.confirm import KeepOrDiscard
from retro_tui.ui.forms import RecordForm
from retro_tui.ui.keys import localized
from retro_tui.ui.session_screen import SessionScreen


def _fields(form, *names):
    return {name: form.query_one(f"#field-{name}", Input).value for name in names}


async def _at(pilot, step):
    await opened(pilot)
    pilot.app.screen.go_to(step)
    await pilot.pause()
    await pilot.pause()
    return pilot.app.screen


async def test_esc_on_a_filled_form_asks_and_keeping_keeps_every_word(tmp_path, minimal_file):
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _at(pilot, StepId.family)
        members = len(screen.session.family.members)
        await burst(pilot, "a", "Marieke", "tab", "tab", "moeder", "escape")
        assert isinstance(app.screen, KeepOrDiscard)
        assert "Keep editing" in visible_text(app) and "Discard" in visible_text(app)
        await burst(pilot, "escape")  # keep editing
        form = app.screen
        assert isinstance(form, RecordForm)
        assert _fields(form, "pseudonym", "role") == {"pseudonym": "Marieke", "role": "moeder"}
        await burst(pilot, "tab", "41", "escape", "ctrl+d")  # now discard, on purpose
        assert app.screen is screen
        assert len(screen.session.family.members) == members
        # An untouched form closes at once, as before.
        await burst(pilot, "a", "escape")
        assert app.screen is screen
        await pilot.press("ctrl+q")


async def test_a_refused_value_keeps_all_typed_and_focuses_the_field_to_fix(tmp_path, minimal_file):
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await _at(pilot, StepId.family)
        # No pseudonym (the form cannot be saved without one), the rest typed.
        await burst(pilot, "a", "tab", "tab", "moeder", "tab", "41", "ctrl+s")
        form = app.screen
        assert isinstance(form, RecordForm)
        assert _fields(form, "pseudonym", "role", "age") == {"pseudonym": "", "role": "moeder", "age": "41"}
        assert form.focused is form.query_one("#field-pseudonym")
        await burst(pilot, "Marieke", "ctrl+s")
        assert isinstance(app.screen, SessionScreen)
        assert ("Marieke", "moeder", 41) in [(m.pseudonym, m.role, m.age) for m in app.screen.session.family.members]
        await pilot.press("ctrl+q")


async def test_an_impossible_date_focuses_the_date_and_keeps_the_title(tmp_path, minimal_file):
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await _at(pilot, StepId.timeline)
        await burst(pilot, "a", "tab")  # the full form
        form = app.screen
        assert isinstance(form, RecordForm)
        form.query_one("#field-date", Input).value = ""
        await burst(pilot, "de zomer van nooit", "tab", "tab", "Huisbezoek", "ctrl+s")
        assert app.screen is form
        assert _fields(form, "date", "title") == {"date": "de zomer van nooit", "title": "Huisbezoek"}
        assert form.focused is form.query_one("#field-date")
        await burst(pilot, "escape", "ctrl+d")
        await pilot.press("ctrl+q")


async def test_esc_in_the_quote_box_and_the_quick_add_line_asks_when_words_are_there(tmp_path, minimal_file):
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _at(pilot, StepId.timeline)
        await burst(pilot, "f2", "Ann", "tab", "we never", "escape")
        assert isinstance(app.screen, KeepOrDiscard)
        await burst(pilot, "enter")  # Enter keeps editing too
        assert isinstance(app.screen, QuoteCapture)
        await burst(pilot, " met", "enter")
        assert [q.text for q in screen.session.quotes] == ["we never met"]

        await burst(pilot, "a", "2019 huisbezoek", "escape")
        assert isinstance(app.screen, KeepOrDiscard)
        await burst(pilot, "escape")
        box = screen.query_one("#quick-add", Input)
        assert box.value == "2019 huisbezoek" and box.has_focus
        await burst(pilot, "escape", "ctrl+d")
        assert not screen.query_one("#pane-timeline").has_class("adding")
        await pilot.press("ctrl+q")


async def test_the_declaration_typed_with_a_refused_date_survives_esc(tmp_path, minimal_file):
    """The issue's case: five fields of the intention declaration typed, one refused
    value, Esc. Every word is still there, and the date to fix has the cursor."""
    from retro_tui.ui.declaration import DeclarationPanel
    from textual.widgets import TextArea

    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _at(pilot, StepId.closing)
        screen.query_one(DeclarationPanel).focus()
        await pilot.pause()
        await burst(
            pilot, "e",
            "Samen een plan", "tab", "Inhoud apart van proces", "tab", "Wekelijks bellen", "tab",
            "elke twee weken", "tab", "2027-02-30", "ctrl+s",
        )
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.focused is form.query_one("#field-meeting_dates")
        await burst(pilot, "escape")
        assert isinstance(app.screen, KeepOrDiscard)
        await burst(pilot, "escape")
        assert app.screen is form
        texts = {n: form.query_one(f"#field-{n}", TextArea).text for n in ("assignment", "content_and_process", "collaboration", "meeting_dates")}
        assert texts == {
            "assignment": "Samen een plan", "content_and_process": "Inhoud apart van proces",
            "collaboration": "Wekelijks bellen", "meeting_dates": "2027-02-30",
        }
        assert form.query_one("#field-frequency", Input).value == "elke twee weken"
        form.query_one("#field-meeting_dates", TextArea).load_text("2027-02-28")
        await burst(pilot, "ctrl+s")
        assert app.screen is screen
        assert screen.session.closing.assignment == "Samen een plan"
        await pilot.press("ctrl+q")
