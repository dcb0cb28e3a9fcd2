"""The draft journal: what is typed in a form from its first key on, written off the
UI thread, and given back into the form or box it was typed in."""

from __future__ import annotations

import json
import os
import threading

from textual.widgets import Input

from apphelpers import burst, notices, opened, settle, until
from retro_tui.store import load
from retro_tui.store.recovery import Draft, DraftJournal, journal_dir
from retro_tui.ui.app import RetroApp
from retro_tui.ui.forms import RecordForm
from retro_tui.ui.keys import localized


def _on_step(path, step: str):
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("[session]\n", f'[session]\ncurrent_step = "{step}"\n', 1), encoding="utf-8")
    return path


def _journalled() -> list[dict]:
    drafts = []
    for journal in journal_dir().glob("*.json"):
        drafts += json.loads(journal.read_text(encoding="utf-8"))["drafts"]
    return drafts


def _dead_writers_journal(path, drafts: list[Draft]) -> DraftJournal:
    journal = DraftJournal(path)
    journal.path = journal.path.with_name(journal.path.name.replace(f"-{os.getpid()}", "-999999999"))
    journal.write(drafts)
    return journal


async def test_a_name_typed_in_the_first_second_of_a_form_is_journalled(example_copy, tmp_path, monkeypatch):
    import retro_tui.ui.drafts

    # Only the tick below: the keeper must not happen to look at the form before the name.
    monkeypatch.setattr(retro_tui.ui.drafts, "SECONDS", 3600)
    path = _on_step(example_copy, "family")
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        keeper = app.screen.drafts
        await pilot.press("a", *"Zwaantje")  # well inside the keeper's first second
        assert isinstance(app.screen, RecordForm)
        keeper.keep()  # the tick that would come next
        await app.workers.wait_for_complete()
        drafts = _journalled()
        assert ["Zwaantje" in d["text"] for d in drafts] == [True]
        assert drafts[0]["restore"]["values"]["pseudonym"] == "Zwaantje"
        await pilot.press("escape")


async def test_the_journal_is_written_off_the_ui_thread(example_copy, tmp_path, monkeypatch):
    path = _on_step(example_copy, "family")
    threads = []
    write = DraftJournal.write

    def watched(self, *args, **kwargs):
        threads.append(threading.current_thread())
        return write(self, *args, **kwargs)

    monkeypatch.setattr(DraftJournal, "write", watched)
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("a", *"Zwaantje")
        app.screen_stack[1].drafts.keep()
        await app.workers.wait_for_complete()
        assert threads and threading.main_thread() not in threads
        assert _journalled()
        await pilot.press("escape")


async def test_a_quick_add_line_given_back_keeps_the_keyboard_and_its_words(example_copy, tmp_path):
    """Given back after a crash, the line is open with the keyboard in it: Enter adds the
    moment. (It once showed the words with the keyboard on the timeline, and `a`, the
    key that opens the line, emptied it.)"""
    path = _on_step(example_copy, "timeline")
    _dead_writers_journal(path, [
        Draft("timeline", "Snel toevoegen", "maart 2019 huisbezoek",
              {"step": "timeline", "origin": {"box": "quick-add"}, "values": {"text": "maart 2019 huisbezoek"}}),
    ])
    before = {e.id for e in load(path).timeline.events}
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "quick-add", app.focused
        # Journalled again by this writer under the line's name, not its long hint.
        await until(pilot, lambda: any(d["text"] == "maart 2019 huisbezoek" for d in _journalled()))
        where = [d["where"] for d in _journalled() if d["text"] == "maart 2019 huisbezoek"]
        assert where == ["Een moment in één regel"], where  # the example is Dutch
        pane = app.screen.query_one("#pane-timeline")
        pane.action_open_quick_add()  # what `a` does were the keyboard elsewhere
        assert app.screen.query_one("#quick-add", Input).value == "maart 2019 huisbezoek"
        await burst(pilot, "enter")
        await pilot.press("ctrl+q")
    added = [e for e in load(path).timeline.events if e.id not in before]
    assert [(e.title, str(e.date)) for e in added] == [("Huisbezoek", "2019-03")], added


async def test_a_stopped_writers_quote_and_quick_add_come_back_into_their_boxes(example_copy, tmp_path):
    path = _on_step(example_copy, "timeline")
    journal = _dead_writers_journal(path, [
        Draft("timeline", "Citaat", "Lotte: ik wil thuis wonen",
              {"step": "timeline", "origin": {"quote": True},
               "values": {"speaker": "Lotte", "words": "ik wil thuis wonen"}}),
        Draft("timeline", "Snel toevoegen", "maart 2019 huisbezoek",
              {"step": "timeline", "origin": {"box": "quick-add"}, "values": {"text": "maart 2019 huisbezoek"}}),
    ])
    app = localized(RetroApp)(tmp_path, path)
    messages = notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.pause()
        # The quote box is open again over the timeline, with who and the words.
        assert app.screen.query_one("#speaker", Input).value == "Lotte"
        assert app.screen.query_one("#words", Input).value == "ik wil thuis wonen"
        session_screen = app.screen_stack[1]
        assert session_screen.query_one("#quick-add", Input).value == "maart 2019 huisbezoek"
        assert any("staat weer waar het getypt werd" in m for m in messages), messages
        # The dead writer's journal went only once this writer journalled the words.
        assert not journal.path.exists()
        assert {d["text"] for d in _journalled()} >= {"Lotte: ik wil thuis wonen", "maart 2019 huisbezoek"}
        await pilot.press("enter")  # from who to the words
        await pilot.pause()
        await pilot.press("enter")  # Enter in the words keeps the quote
        await pilot.pause()
        await pilot.press("ctrl+q")
    session = load(path)
    assert [q.speaker_id for q in session.quotes if q.text == "ik wil thuis wonen"] == ["fm-lotte"]  # who came back too
    assert "maart 2019 huisbezoek" not in session.timeline.notes  # back in its box, not in the notes


async def test_a_draft_whose_record_is_gone_goes_to_the_notes(example_copy, tmp_path):
    path = _on_step(example_copy, "family")
    _dead_writers_journal(path, [
        Draft("family", "Bewerken: Gezinsleden", "Rol in het gezin: oma",
              {"step": "family", "origin": {"node": "#members", "record": "fm-removed-since"},
               "values": {"role": "oma"}}),
    ])
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert not isinstance(app.screen, RecordForm)
        await pilot.press("ctrl+q")
    assert load(path).family.notes.endswith("Rol in het gezin: oma")
    assert _journalled() == []


async def test_the_notetakers_name_kept_for_the_next_quote_is_no_draft(example_copy, tmp_path):
    app = localized(RetroApp)(tmp_path, example_copy, notetaker=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press(*"Esther", "enter")
        await pilot.pause()
        await pilot.press(*"we deden het samen", "enter")
        await pilot.pause()
        assert app.screen.query_one("#speaker", Input).value  # kept for the next quote
        assert app.screen.drafts.drafts() == []
        await pilot.press(*"nog")  # typed over the name: that is a draft
        assert [d.text for d in app.screen.drafts.drafts()] == ["nog"]
        await pilot.press("backspace", "backspace", "backspace")
        await pilot.press("ctrl+q")
    assert _journalled() == []  # an ordinary end with nothing typed: nothing to give back


def test_the_fields_of_one_box_are_said_after_its_name_once():
    """A killed notetaker's quote box came back said as "Citaat: wie · woorden · Enter
    · Wie zei het, Citaat: wie · woorden · Enter · De woorden, zoals gezegd"."""
    from retro_tui.ui.drafts import _by_box

    box = "Citaat: wie · woorden · Enter"
    assert _by_box([f"{box} · Wie zei het", f"{box} · De woorden", "Nieuw: Gebeurtenis · Titel", "Notities"]) == [
        f"{box} · Wie zei het, De woorden", "Nieuw: Gebeurtenis · Titel", "Notities"]


async def test_words_given_back_are_typed_on_not_over(example_copy, tmp_path):
    """A killed writer's words came back into the box, all selected, and the next
    letter typed replaced them ("Eerste helft van de zin" became "tweede helft")."""
    path = _on_step(example_copy, "family")
    _dead_writers_journal(path, [
        Draft("family", "Citaat", "Lotte: Eerste helft van de zin",
              {"step": "family", "origin": {"quote": True},
               "values": {"speaker": "Lotte", "words": "Eerste helft van de zin"}}),
    ])
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await until(pilot, lambda: app.screen.query("#words"), timeout=15)
        await burst(pilot, " en de tweede helft", "enter")
        await pilot.press("ctrl+q")
    assert [q.text for q in load(path).quotes if q.text.startswith("Eerste")] == [
        "Eerste helft van de zin en de tweede helft"]


async def test_a_form_given_back_has_the_keyboard_in_the_field_typed_in_last(example_copy, tmp_path):
    """A family member's form, given back with a role and its nature typed, the nature
    last: the keyboard there, at its end, and a field given back is typed on, not over."""
    path = _on_step(example_copy, "family")
    _dead_writers_journal(path, [
        Draft("family", "Nieuw: Gezinslid", "Zwaantje",
              {"step": "family", "origin": {"node": "#members", "record": None},
               "values": {"pseudonym": "Zwaantje", "role": "tante", "nature": "Zorgzaam"}}),
    ])
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await until(pilot, lambda: isinstance(app.screen, RecordForm), timeout=15)
        form = app.screen
        assert app.focused is form.query_one("#field-nature")
        await burst(pilot, " en eerlijk", "tab", "shift+tab", "shift+tab", "shift+tab")  # joys, nature, age, role
        await burst(pilot, " van moeder")  # into the role, given back, after the words
        assert form.query_one("#field-role").value == "tante van moeder"
        await burst(pilot, "ctrl+s")
        await pilot.press("ctrl+q")
    member = next(m for m in load(path).family.members if m.pseudonym == "Zwaantje")
    assert (member.role, member.nature) == ("tante van moeder", "Zorgzaam en eerlijk")


async def test_the_notetakers_words_given_back_are_typed_on_not_over(example_copy, tmp_path):
    """A killed notetaker's quote came back into its box, all selected: " er zelf om
    vraagt" typed next replaced "We moeten Sem echt horen deze week want hij"."""
    _dead_writers_journal(example_copy, [
        Draft("checkin", "Citaat · Wie", "Priya", {"step": "checkin", "origin": {"box": "speaker"},
                                                    "values": {"text": "Priya"}}),
        Draft("checkin", "Citaat · Woorden", "We moeten Sem horen want hij",
              {"step": "checkin", "origin": {"box": "words"}, "values": {"text": "We moeten Sem horen want hij"}}),
    ])
    app = localized(RetroApp)(tmp_path, example_copy, notetaker=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await until(pilot, lambda: app.screen.query_one("#words", Input).value, timeout=15)
        await burst(pilot, " er zelf om vraagt")
        assert app.screen.query_one("#words", Input).value == "We moeten Sem horen want hij er zelf om vraagt"
        assert app.screen.query_one("#speaker", Input).value == "Priya"
        await pilot.press("ctrl+q")


async def test_the_quick_add_line_given_back_is_typed_on_not_over(example_copy, tmp_path):
    """The quick-add line came back into its box and got the keyboard, its words all
    selected, like the other boxes: the next letter replaced the line."""
    path = _on_step(example_copy, "timeline")
    _dead_writers_journal(path, [
        Draft("timeline", "Een moment in één regel", "maart 2019 huisbezoek",
              {"step": "timeline", "origin": {"box": "quick-add"}, "values": {"text": "maart 2019 huisbezoek"}}),
    ])
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        box = app.screen.query_one("#quick-add", Input)
        await until(pilot, lambda: box.has_focus and box.value, timeout=15)
        await burst(pilot, " bij oma")
        assert box.value == "maart 2019 huisbezoek bij oma"
        await pilot.press("ctrl+q")
