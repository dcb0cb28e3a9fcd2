"""The kinds of session as method data: each file of steps loads whole in both
languages, and a session file is checked against the steps of its own kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from retro_tui.method import kind, kind_steps, kinds
from retro_tui.model import Session, SessionMeta, find_problems
from retro_tui.store import SessionError, dumps, loads

PATH = Path("overleg.toml")
KINDS = ("retrospective", "prospective", "meeting", "evaluation")


def test_the_four_kinds_in_the_order_a_case_goes_through_them():
    assert [k.id for k in kinds()] == list(KINDS)


@pytest.mark.parametrize("kind_id", KINDS)
def test_every_step_of_every_kind_is_written_in_both_languages(kind_id):
    found = kind(kind_id)
    assert found.steps
    assert sum(s.minutes for s in found.steps) == found.minutes
    for lang in ("nl", "en"):
        assert found.in_language(lang).name and found.in_language(lang).about
        for step in found.steps:
            text = step.in_language(lang)
            assert text.title and text.purpose and text.questions, (kind_id, step.id, lang)
            assert len(text.short) <= 14, (kind_id, step.id, lang, text.short)
    assert len(set(found.step_ids)) == len(found.step_ids)


@pytest.mark.parametrize("kind_id", KINDS)
def test_every_record_a_step_names_is_a_place_in_the_session_file(kind_id):
    fields = Session.model_fields
    for step in kind(kind_id).steps:
        for path in step.records:
            section, name = path.split(".", 1)
            assert section in fields, path
            model = fields[section].annotation
            # `closing.declaration` is the declaration's text parts, shown as one panel.
            assert name in model.model_fields or (section, name) == ("closing", "declaration"), path
        section, name = step.notes.split(".", 1)
        assert section in fields, step.notes
        if section == "step_notes":
            assert name == step.id
        else:
            assert name == "notes" and "notes" in fields[section].annotation.model_fields, step.notes


def _meeting() -> Session:
    import datetime as dt

    now = dt.datetime(2026, 12, 8, 9, 0)
    return Session(
        schema_version=1,
        session=SessionMeta(title="Overleg 1", language="nl", status="in_session", kind="meeting",
                            current_step="course_check", created=now, updated=now),
    )


def test_a_meeting_round_trips_with_its_own_steps():
    data = _meeting().model_dump(by_alias=True)
    data["closing"] = {"core_team": [{"id": "ct1", "name": "Ann"}]}
    text = dumps(Session.model_validate(data))
    assert 'kind = "meeting"' in text and 'current_step = "course_check"' in text
    again = loads(text, PATH)
    assert again.session.kind == "meeting" and again.session.current_step == "course_check"
    # Sections of other kinds stay out of the file.
    assert "[timeline]" not in text and "[evaluation]" not in text


def test_a_step_of_another_kind_is_named_with_its_place():
    session = _meeting()
    session.session.current_step = "timeline"
    problems = find_problems(session, (), kind_steps())
    assert [(p.loc, p.key) for p in problems] == [(("session", "current_step"), "unknown_step")]
    with pytest.raises(SessionError) as raised:
        loads(dumps(session), PATH)
    assert "session.current_step" in raised.value.message() and "timeline" in raised.value.message()


def test_an_unknown_kind_is_named_with_the_kinds_there_are():
    session = _meeting()
    session.session.kind = "weekly"
    with pytest.raises(SessionError) as raised:
        loads(dumps(session), PATH)
    message = raised.value.message()
    assert "session.kind" in message and "weekly" in message and "prospective" in message


def test_a_carried_action_keeps_the_id_it_had_and_points_at_a_member():
    session = _meeting()
    data = session.model_dump(by_alias=True)
    data["closing"] = {"core_team": [{"id": "ct1", "name": "Ann"}]}
    data["meeting"] = {"carried": [{"id": "ac1", "what": "Bel school", "who": "ct9", "state": "not_done"}]}
    with pytest.raises(SessionError) as raised:
        loads(dumps(Session.model_validate(data)), PATH)
    assert "meeting.carried[0].who" in raised.value.message()
