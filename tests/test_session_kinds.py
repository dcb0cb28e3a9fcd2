"""One session screen hosts every kind of session: its tabs, steps, notes, clock, help and
palette come from the kind's file of steps (method/kinds/). A meeting shows its six steps,
an evaluation its five, a kind defined in a test its own; the notes of a step without a
section of its own land in `step_notes`; the notetaker follows a meeting's steps."""

from __future__ import annotations

import pytest
from textual.widgets import Tab, Tabs

from apphelpers import burst, opened, settle, visible_text
from host_sessions import write_session
from retro_tui import method
from retro_tui.method import Kind, KindText, Step, StepText, kind
from retro_tui.store import load, peek
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized
from retro_tui.ui.session_screen import SessionScreen

# (kind, a step whose notes live in step_notes, a step whose notes live in a section)
WALKS = [
    ("meeting", "summary", None),
    ("evaluation", "kept", ("relate_again", "relate")),
    ("prospective", "together", ("undercurrent", "undercurrent")),
]


def _tabs(app) -> list[str]:
    return [tab.id.removeprefix("tab-") for tab in app.screen.query_one(Tabs).query(Tab)]


async def _type_notes(pilot, words: str) -> None:
    """Into the notes box beside the step, key by key in one burst, as a typist does."""
    pilot.app.screen.notes_box().focus()
    await settle(pilot)
    await burst(pilot, words)


@pytest.mark.parametrize(("kind_id", "noted", "in_section"), WALKS, ids=[w[0] for w in WALKS])
async def test_every_step_of_a_kind_is_walked_with_f6_and_its_notes_are_kept(tmp_path, kind_id, noted, in_section):
    path = write_session(tmp_path, kind_id)
    steps = kind(kind_id).step_ids
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert _tabs(app) == list(steps)
        # F6 in one burst, more presses than steps: it stops at the last step.
        await burst(pilot, *["f6"] * (len(steps) + 2))
        assert screen.current == steps[-1]
        assert app.screen.query_one(Tabs).active == f"tab-{steps[-1]}"
        await burst(pilot, *["f5"] * (len(steps) - 1 - steps.index(noted)))
        assert screen.current == noted
        await _type_notes(pilot, "Ahmed belt de school voor vrijdag")
        if in_section:
            screen.go_to(in_section[0])
            await settle(pilot)
            await _type_notes(pilot, "Marieke ziet meer rust")
        screen.go_to(noted)  # the step the session is left at
        await settle(pilot)
        assert screen.notes_box().text == "Ahmed belt de school voor vrijdag"  # its own notes again
        await pilot.press("ctrl+s")
    again = load(path)
    assert again.session.kind == kind_id and again.session.current_step == noted
    assert again.step_notes == {noted: "Ahmed belt de school voor vrijdag"}
    if in_section:
        assert getattr(again, in_section[1]).notes == "Marieke ziet meer rust"
    # The clock and the notes name this kind's steps only.
    assert set(again.session.seconds_per_step) <= set(steps) and set(again.step_notes) <= set(steps)


async def test_the_status_line_counts_against_the_kinds_own_time(tmp_path):
    path = write_session(tmp_path, "meeting")
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        text = visible_text(app)
        assert "session 0:00/1:00" in text  # a meeting is an hour, not a half day
        assert "step 0/10 min" in text  # the check-in's ten minutes
        await burst(pilot, "f6")
        assert "step 0/5 min" in visible_text(app)  # the here and now's five


async def test_the_retrospective_closing_is_passed_over_and_taken_up_again_with_one_key(tmp_path):
    from retro_tui.ui.commands import SessionCommands

    path = write_session(tmp_path, "retrospective", step="insights")
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        assert "skip_step" not in {b.binding.id for b in screen.active_bindings.values()}  # not here
        await burst(pilot, "ctrl+o")
        assert screen.session.session.skipped_steps == []
        await burst(pilot, "f6")
        names = [name for name, _ in SessionCommands(screen)._commands()]
        assert any(n.startswith("Pass over Closing") for n in names)  # the palette has it too
        await burst(pilot, "ctrl+o")
        assert screen.current == "closing" and screen.session.session.skipped_steps == ["closing"]
        text = visible_text(app)
        assert "– Closing" in text and "passed over" in text
        assert "unskip_step" in {b.binding.id for b in screen.active_bindings.values()}
        names = [name for name, _ in SessionCommands(screen)._commands()]
        assert any(n.startswith("Do Closing after all") for n in names)
        await pilot.press("ctrl+s")
        assert load(path).session.skipped_steps == ["closing"]
        await burst(pilot, "ctrl+o")  # the same key takes it up again
        assert screen.session.session.skipped_steps == []
        assert "● Closing" in visible_text(app)
        await pilot.press("ctrl+s")
    assert load(path).session.skipped_steps == []


def _fifth_kind() -> Kind:
    def text(title: str, question: str) -> dict[str, StepText]:
        return {lang: StepText(title, title, f"{title}.", (question,), ()) for lang in ("nl", "en")}

    steps = (
        Step("opening", 10, text("Opening", "Who is here?"), notes="step_notes.opening"),
        Step("reflection", 20, text("Reflection", "What did we learn?"), notes="step_notes.reflection"),
        Step("wrap_up", 15, text("Wrap-up", "What do we take along?"), notes="step_notes.wrap_up"),
    )
    about = {lang: KindText("Supervision", "Supervision", "A short supervision.") for lang in ("nl", "en")}
    return Kind("supervision", 5, 45, about, steps)


@pytest.fixture
def fifth_kind(monkeypatch):
    known = method.kinds()
    monkeypatch.setattr(method, "kinds", lambda: (*known, _fifth_kind()))
    method.kind_steps.cache_clear()
    yield
    monkeypatch.undo()
    method.kind_steps.cache_clear()


async def test_a_kind_defined_here_needs_no_change_to_the_session_screen(tmp_path, fifth_kind):
    from retro_tui.model import Session, SessionMeta
    from retro_tui.store import dumps
    from host_sessions import NOW

    path = tmp_path / "supervision.toml"
    meta = SessionMeta(title="Supervisie", language="en", status="in_session", kind="supervision",
                       current_step="opening", created=NOW, updated=NOW)
    path.write_text(dumps(Session(schema_version=1, session=meta)), encoding="utf-8")
    assert peek(path).kind == "supervision"
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert _tabs(app) == ["opening", "reflection", "wrap_up"]
        assert "Who is here?" in visible_text(app)
        await burst(pilot, "f6", "f6", "f6")
        assert app.screen.current == "wrap_up" and "What do we take along?" in visible_text(app)
        await _type_notes(pilot, "Next time earlier")
        await pilot.press("ctrl+s")
    again = load(path)
    assert again.step_notes == {"wrap_up": "Next time earlier"} and again.session.current_step == "wrap_up"


async def test_the_notetaker_follows_the_facilitators_steps_in_a_meeting(tmp_path):
    path = write_session(tmp_path, "meeting")
    facilitator = localized(RetroApp)(tmp_path, path)
    notetaker = localized(RetroApp)(tmp_path, path, notetaker=True)
    async with facilitator.run_test(size=(80, 24)) as driver, notetaker.run_test(size=(80, 24)) as writer:
        await opened(driver)
        await opened(writer)
        assert "at: Check-in" in visible_text(notetaker)
        await burst(driver, "f6", "f6", "f6")  # to the course
        await driver.press("ctrl+s")
        for _ in range(100):  # the notetaker looks at the file twice a second
            if notetaker.screen.current == "course_check":
                break
            await writer.pause(0.05)
        assert notetaker.screen.current == "course_check"
        await settle(writer)
        text = visible_text(notetaker)
        assert "at: Course" in text and "Notes · Course" in text
        await writer.press("f5")
        await burst(writer, "Sanne: koers 2 loopt achter")
        await writer.press("ctrl+s")
    again = load(path)
    assert again.step_notes == {"course_check": "Sanne: koers 2 loopt achter"}
    assert again.session.current_step == "course_check"


def test_the_first_frames_peek_reads_the_kind_and_its_step(tmp_path):
    path = write_session(tmp_path, "evaluation", step="family_view")
    seen = peek(path)
    assert (seen.kind, seen.step, seen.title) == ("evaluation", "family_view", "Evaluatie casus Jansen")
    # A step of another kind: no peek, the full load says what is wrong.
    path.write_text(path.read_text(encoding="utf-8").replace('"family_view"', '"timeline"'), encoding="utf-8")
    assert peek(path) is None


async def test_quotes_pauses_the_quotes_list_and_the_palette_speak_the_meetings_steps(tmp_path):
    from textual.widgets import DataTable

    from retro_tui.ui.capture import QuotesScreen
    from retro_tui.ui.commands import SessionCommands

    path = write_session(tmp_path, "meeting", step="summary")
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        await burst(pilot, "f2")
        await burst(pilot, "Ahmed", "enter", "De school belt niet meer terug", "enter")
        await burst(pilot, "f3")
        await burst(pilot, "koffie", "escape")
        await burst(pilot, "f7")
        assert isinstance(app.screen, QuotesScreen)
        row = app.screen.query_one(DataTable).get_row_at(0)
        assert "Here and now" in row and "De school belt niet meer terug" in row
        await burst(pilot, "escape")
        names = [name for name, _ in SessionCommands(screen)._commands()]
        for step in kind("meeting").steps:
            assert f"Go to step: {step.in_language('en').title}" in names
        assert not any("family member" in n.lower() or "timeline" in n.lower() for n in names)
        await pilot.press("ctrl+s")
    again = load(path)
    assert [q.step for q in again.quotes] == ["summary"] and again.quotes[0].speaker_id == "p-2"  # Ahmed Yilmaz
    assert [p.step for p in again.pauses] == ["summary"] and again.pauses[0].note == "koffie"


def test_two_writers_lines_in_a_meetings_step_notes_are_merged_not_picked():
    """The facilitator and the notetaker both write along in a step of a meeting: its
    notes live in `step_notes`, and their lines merge as a section's notes do."""
    from retro_tui.store.merge import merge

    base = {"step_notes": {"summary": "Jamal woont bij oma\n"}}
    mine = {"step_notes": {"summary": "Jamal woont bij oma\nSchool belt vrijdag\n"}}
    theirs = {"step_notes": {"summary": "Jamal woont bij oma\n", "progress": "Plan half januari"}}
    theirs["step_notes"]["summary"] += "Oma vraagt om hulp\n"
    merged, conflicts = merge(base, mine, theirs)
    summary = merged["step_notes"]["summary"]
    assert "School belt vrijdag" in summary and "Oma vraagt om hulp" in summary and conflicts == []
    assert merged["step_notes"]["progress"] == "Plan half januari"
    # Both changed the very same line: one stays, the other is set aside by its place,
    # which is where the clash notice of that step looks (operations.notes_clashes).
    clash = merge({"step_notes": {"summary": "a\n"}}, {"step_notes": {"summary": "b\n"}},
                  {"step_notes": {"summary": "c\n"}})[1]
    assert [c.path for c in clash] == [("step_notes", "summary")]
