"""The texts of the sessions after the retrospective that people type into together (a
meeting's summary and progress, the evaluation's family view, a step's `step_notes`)
are merged line by line like a step's notes: two writers adding lines at once keep every
line, and only the very same line changed by both is a clash, which shows in the app
beside that text and is settled with ctrl+t."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from apphelpers import burst, opened, settle, visible_text
from host_sessions import write_session
from line_writers import Writer, clash, type_at_once
from retro_tui.method import kinds
from retro_tui.model import Session
from retro_tui.step_notes import read_notes, write_notes
from retro_tui.store import load

WRITER = Path(__file__).with_name("text_writer.py")
# (kind, step, where its text lives)
TEXTS = [
    ("meeting", "summary", "meeting.summary"),
    ("meeting", "progress", "meeting.progress"),
    ("evaluation", "family_view", "evaluation.family_view"),
    ("meeting", "summary", "step_notes.summary"),
    ("meeting", "course_check", "step_notes.course_check"),
]


def test_every_text_a_kind_types_straight_into_the_session_is_merged_by_line():
    """Read from the kinds, not from a list here: a text box a new kind adds (a records
    path to a plain text field, which ui/records_pane.py shows as a box) must be typed
    `Prose` in the model, or two writers' lines in it would be picked, not merged."""
    from retro_tui.store.merge import written_along

    boxes, notes = set(), set()
    for each in kinds():
        for step in each.steps:
            notes.add(step.notes)
            for path in step.records:
                section, name = path.split(".", 1)
                field = Session.model_fields[section].annotation.model_fields.get(name)
                if field is not None and field.annotation is str:
                    boxes.add(path)
    assert {"meeting.summary", "meeting.progress", "evaluation.family_view"} <= boxes
    assert {"step_notes.summary", "checkin.notes", "undercurrent.notes"} <= notes
    assert [p for p in sorted(boxes | notes) if not written_along(tuple(p.split(".")))] == []
    # A form's fields are not merged by line: a record's text is kept or set aside whole.
    assert not written_along(("meeting", "carried", "a-1", "in_the_way"))
    assert not written_along(("closing", "assignment"))


@pytest.mark.parametrize(("kind_id", "step", "path"), TEXTS, ids=[t[2] for t in TEXTS])
def test_two_writers_adding_lines_to_the_same_text_keep_every_line(tmp_path, kind_id, step, path):
    file = write_session(tmp_path, kind_id, lang="nl", step=step)
    rng = random.Random(path)
    facilitator, notetaker = Writer(file, path), Writer(file, path)
    said = []
    for round_ in range(5):
        lines = {facilitator: f"Gespreksleider {round_}: school belt", notetaker: f"Notulist {round_}: oma knikt"}
        said += lines.values()
        type_at_once(lines, rng)
    saved = load(file)
    lines = read_notes(saved, path).split("\n")
    assert [line for line in said if line not in lines] == []
    assert saved.conflicts == []
    assert facilitator.text == notetaker.text == read_notes(saved, path)


@pytest.mark.parametrize(("kind_id", "step", "path"), TEXTS, ids=[t[2] for t in TEXTS])
def test_the_same_line_changed_by_both_is_set_aside_with_the_lines_it_lost_to(tmp_path, kind_id, step, path):
    file = write_session(tmp_path, kind_id, lang="nl", step=step)
    clash(file, path, "Jamal woont bij oma\nOma belde", "Oma belde de school", "Oma belde de wijkagent")
    saved = load(file)
    assert [(c.field, c.kept, c.text) for c in saved.conflicts] == [
        (path, "Oma belde de school", "Oma belde de wijkagent")]
    assert read_notes(saved, path) == "Jamal woont bij oma\nOma belde de school"


async def test_the_facilitator_types_the_summary_while_a_notetaker_process_adds_lines(tmp_path):
    """The app at a meeting's here and now, its summary typed in bursts of keys, while
    another process adds its lines to the same summary and saves after each."""
    from textual.widgets import TextArea

    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    file = write_session(tmp_path, "meeting", lang="nl", step="summary")
    app = localized(RetroApp)(tmp_path, file)
    typed = [f"Gespreksleider {i}: de moeder was er niet bij" for i in range(12)]
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        box = app.screen.query_one("#text-meeting-summary", TextArea)
        box.focus()
        await settle(pilot)
        other = subprocess.Popen(
            [sys.executable, str(WRITER), str(file), "meeting.summary", "Notulist", "25"],
            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(Path(__file__).parent)})
        try:
            for i, line in enumerate(typed):
                await burst(pilot, *(["enter"] if i else []), line)
                if i % 3 == 2:
                    await pilot.press("ctrl+s")  # more writes than the autosave alone: more crossings
            out, _ = other.communicate(timeout=120)
        finally:
            other.kill()
        theirs = json.loads(out.split("RESULT ", 1)[1])
        assert len(theirs) == 25
        # The last of their lines comes in at the next look at the file (twice a second).
        for _ in range(200):
            if all(line in box.text for line in theirs):
                break
            await pilot.pause(0.05)
        shown = box.text.split("\n")
        await pilot.press("ctrl+q")
    saved = load(file)
    lines = saved.meeting.summary.split("\n")
    assert [line for line in typed + theirs if line not in lines] == []
    assert [line for line in typed + theirs if line not in shown] == []
    assert saved.conflicts == []
    # Each writer's own lines stay in the order they were typed.
    assert [line for line in lines if line in typed] == typed
    assert [line for line in lines if line in theirs] == theirs


@pytest.mark.parametrize("notetaker", [False, True], ids=["facilitator", "notetaker"])
async def test_a_clash_in_the_summary_shows_beside_it_and_ctrl_t_takes_both(tmp_path, notetaker):
    from textual.widgets import TextArea

    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    file = write_session(tmp_path, "meeting", lang="nl", step="summary")
    clash(file, "meeting.summary", "Jamal woont bij oma\nOma belde", "Oma belde de school", "Oma belde de wijkagent")
    app = localized(RetroApp)(tmp_path, file, notetaker=notetaker)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert "Tegelijk getypt: 1 apart" in visible_text(app)
        await burst(pilot, "ctrl+t")
        assert "Oma belde de wijkagent" in visible_text(app)
        await burst(pilot, "1")  # keep both
        assert "Tegelijk getypt" not in visible_text(app)
        if not notetaker:  # the notetaker's screen has no box for the summary
            box = app.screen.query_one("#text-meeting-summary", TextArea)
            assert box.text == "Jamal woont bij oma\nOma belde de school\nOma belde de wijkagent"
        await pilot.press("ctrl+q")
    saved = load(file)
    assert saved.meeting.summary == "Jamal woont bij oma\nOma belde de school\nOma belde de wijkagent"
    assert saved.conflicts == []


async def test_a_clash_in_another_steps_text_is_not_offered_here(tmp_path):
    """At the check-in, the summary's clash is not this step's: no notice, ctrl+t does
    nothing; at the summary it shows."""
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    file = write_session(tmp_path, "meeting", lang="nl", step="checkin")
    clash(file, "meeting.summary", "Jamal woont bij oma\nOma belde", "Oma belde de school", "Oma belde de wijkagent")
    app = localized(RetroApp)(tmp_path, file)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert "Tegelijk getypt" not in visible_text(app)
        await burst(pilot, "ctrl+t")
        assert app.screen is not None and "Oma belde de wijkagent" not in visible_text(app)
        await burst(pilot, "f6")
        assert "Tegelijk getypt: 1 apart" in visible_text(app)


async def test_keys_in_the_summary_not_yet_handled_survive_others_lines_coming_in(tmp_path):
    """The box's change message may still be queued when the follower takes in the
    others' save (it runs between two messages of the app): the keys typed last are in
    the box but not yet in the session. They must not be merged away."""
    from textual.widgets import TextArea

    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    file = write_session(tmp_path, "meeting", lang="nl", step="summary")
    app = localized(RetroApp)(tmp_path, file)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        box = screen.query_one("#text-meeting-summary", TextArea)
        other = Writer(file, "meeting.summary")
        write_notes(other.session, "meeting.summary", "Notulist: oma belt de school")
        other.save()
        found = screen.autosave.shared.changed_on_disk()
        box.insert("Gespreksleider: de moeder was er niet bij")  # its Changed is queued, not handled
        # What the follower does when the read comes back (ui/follow.py, _arrived).
        screen.follow.before()
        screen.follow.after(screen.autosave.adopt(*found))
        await settle(pilot)
        assert "Gespreksleider: de moeder was er niet bij" in box.text
        assert "Notulist: oma belt de school" in box.text
        assert box.text == screen.session.meeting.summary
        await pilot.press("ctrl+q")
    saved = load(file)
    assert "Gespreksleider: de moeder was er niet bij" in saved.meeting.summary
    assert "Notulist: oma belt de school" in saved.meeting.summary


async def test_others_summary_lines_come_in_after_the_check_in_was_seen_and_survive_typing_on(tmp_path):
    """At 80 columns the check-in's table drops a column it has no room for; hidden
    behind the next step it has no width, and filling it again as another writer's save
    came in asked for every column: the take-in stopped there, the summary box never got
    the other's lines, and typing on wrote the box over them."""
    from textual.widgets import TextArea

    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    file = write_session(tmp_path, "meeting", lang="nl", step="checkin")
    app = localized(RetroApp)(tmp_path, file)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await burst(pilot, "f6")
        box = app.screen.query_one("#text-meeting-summary", TextArea)
        await burst(pilot, "Een rustige week.")
        await pilot.press("ctrl+s")
        other = Writer(file, "meeting.summary")
        other.take_in()
        write_notes(other.session, "meeting.summary", other.text + "\nNotulist: oma belt de school")
        other.save()
        for _ in range(100):  # the app looks at the file twice a second
            if "Notulist" in box.text:
                break
            await pilot.pause(0.05)
        assert box.text == "Een rustige week.\nNotulist: oma belt de school"
        await burst(pilot, "ctrl+end", "enter", "Sem praat met Henk.")
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+q")
    assert load(file).meeting.summary == "Een rustige week.\nNotulist: oma belt de school\nSem praat met Henk."


@pytest.mark.parametrize("box_id", ["#text-meeting-summary", "#notes"], ids=["summary", "step_notes"])
async def test_a_line_the_other_adds_after_the_one_being_typed_leaves_the_cursor_on_it(tmp_path, box_id):
    """The facilitator is half-way through the last line when the notetaker's next line
    comes in under it: the facilitator's next keys finish their own line, they do not
    run on at the end of the notetaker's."""
    from textual.widgets import TextArea

    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    path = "meeting.summary" if box_id == "#text-meeting-summary" else "step_notes.summary"
    file = write_session(tmp_path, "meeting", lang="nl", step="summary")
    app = localized(RetroApp)(tmp_path, file)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        box = app.screen.query_one(box_id, TextArea)
        box.focus()
        await burst(pilot, "Oma Ria belt")
        await pilot.press("ctrl+s")
        other = Writer(file, path)
        write_notes(other.session, path, other.text + "\nNotulist: de school belt terug")
        other.save()
        for _ in range(100):
            if "Notulist" in box.text:
                break
            await pilot.pause(0.05)
        await burst(pilot, " vaker.")
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+q")
    assert read_notes(load(file), path) == "Oma Ria belt vaker.\nNotulist: de school belt terug"
