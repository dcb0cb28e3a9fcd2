"""A case as its sessions make it: the example's whole arc read at each point, and the
next session of a case pre-filled from what the case holds (no UI)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE
from retro_tui.store.files import example_arc_sources
from retro_tui.case.collect import CaseError, collect
from retro_tui.case.prefill import next_session
from retro_tui.case.start import start_next
from retro_tui.case.state import case_state
from retro_tui.model.enums import ActionState, CourseState, KeptState, ReviewAbout, Sense
from retro_tui.store import dumps, load, save

CODE = "VOORBEELD-FICTIEF-01"

ARC = example_arc_sources()
PROSPECTIVE, MEETING_1, MEETING_2, MEETING_3, EVALUATION = ARC


def arc_until(folder: Path, *files: Path) -> Path:
    folder.mkdir(exist_ok=True)
    for source in (EXAMPLE, *files):
        shutil.copy(source, folder / source.name)
    return folder


def state_after(tmp_path, *files, today=dt.date(2026, 11, 30)):
    return case_state(collect(arc_until(tmp_path / "case", *files), CODE), today)


def open_ids(state) -> list[str]:
    return [a.action.id for a in state.open_actions]


def test_the_shipped_arc_is_a_prospective_analysis_three_meetings_and_an_evaluation():
    kinds = [load(path).session.kind for path in ARC]
    assert kinds == ["prospective", "meeting", "meeting", "meeting", "evaluation"]
    assert {load(path).session.case_code for path in ARC} == {CODE}


def test_after_the_retrospective_alone_its_closing_is_the_declaration(tmp_path):
    state = state_after(tmp_path)
    assert state.declaration_source.path.name == EXAMPLE.name
    assert state.course == [] and state.open_actions == [] and state.evaluation is None


def test_after_the_prospective_analysis_its_declaration_holds_and_the_course_is_unasked(tmp_path):
    state = state_after(tmp_path, PROSPECTIVE, today=dt.date(2026, 10, 17))
    assert state.declaration_source.path.name == PROSPECTIVE.name
    assert state.declaration.content_deadline == dt.date(2026, 11, 17)
    assert [line.item.id for line in state.course] == ["ko-breed", "ko-stem", "ko-rust", "ko-open", "ko-risico", "ko-mee"]
    assert all(line.state is None for line in state.course)
    assert state.open_actions == []
    # No meeting yet: the declaration's first date from today on.
    assert state.next_meeting == dt.date(2026, 10, 20)


def test_after_meeting_one_its_actions_are_open_and_its_answers_are_the_course(tmp_path):
    state = state_after(tmp_path, PROSPECTIVE, MEETING_1)
    assert sorted(open_ids(state)) == ["ac-brief", "ac-kompas", "ac-mandaat", "ac-sem"]
    assert state.done_actions == 0
    rust = next(line for line in state.course if line.item.id == "ko-rust")
    assert (rust.state, rust.checked) == (CourseState.partly, dt.date(2026, 10, 20))
    assert state.next_meeting == dt.datetime(2026, 10, 27, 8, 30)


def test_after_meeting_two_the_action_not_done_is_still_open_and_the_done_ones_are_closed(tmp_path):
    state = state_after(tmp_path, PROSPECTIVE, MEETING_1, MEETING_2)
    assert sorted(open_ids(state)) == ["ac-mandaat", "ac-nacht", "ac-oma", "ac-sem"]
    assert state.done_actions == 2  # the letter to Lotte, Het Kompas's board
    mandate = next(a for a in state.open_actions if a.action.id == "ac-mandaat")
    assert mandate.state == ActionState.not_done and "wethouder" in mandate.in_the_way
    assert mandate.who == "Priya Ramdin" and mandate.action.due == dt.date(2026, 10, 27)
    rust = next(line for line in state.course if line.item.id == "ko-rust")
    assert (rust.state, rust.checked) == (CourseState.off_course, dt.date(2026, 10, 27))


def test_after_meeting_three_the_carried_action_is_done_and_the_rest_by_person_and_due_date(tmp_path):
    state = state_after(tmp_path, PROSPECTIVE, MEETING_1, MEETING_2, MEETING_3)
    assert "ac-mandaat" not in open_ids(state)
    assert state.done_actions == 5
    # By person (Esther, Fatima, Henk), then by due date.
    assert [(a.who, a.action.id) for a in state.open_actions] == [
        ("Esther Vonk", "ac-oma"), ("Fatima El Idrissi", "ac-plan"), ("Henk Oosterveld", "ac-sem-praten"),
    ]
    assert state.open_actions[0].state == ActionState.partly
    assert state.next_meeting == dt.datetime(2026, 11, 10, 8, 30)


def test_after_the_evaluation_its_results_are_counted_beside_the_earlier_sense(tmp_path):
    state = state_after(tmp_path, *ARC)
    result = state.evaluation
    assert result.source.path.name == EVALUATION.name
    assert result.tally(ReviewAbout.commitment) == {KeptState.kept: 6, KeptState.partly: 2}
    assert result.tally(ReviewAbout.backing)[KeptState.not_kept] == 1
    assert (result.sense_before, result.sense_now) == (Sense.mostly_side_by_side, Sense.side_by_side)
    assert len(result.changes) == 3


def test_sessions_are_in_time_order_whatever_their_file_names(tmp_path):
    folder = arc_until(tmp_path / "case", *ARC)
    (folder / MEETING_1.name).rename(folder / "zzz-first-meeting.toml")
    (folder / EXAMPLE.name).rename(folder / "zzz-retro.toml")
    case = collect(folder, CODE.lower())  # a code as typed
    assert [s.kind for s in case.sessions] == ["retrospective", "prospective", "meeting", "meeting", "meeting", "evaluation"]
    assert case.sessions[2].path.name == "zzz-first-meeting.toml"


def test_two_sessions_on_one_day_keep_the_order_they_were_made_in(tmp_path):
    folder = arc_until(tmp_path / "case", PROSPECTIVE, MEETING_1, MEETING_2)
    for path, created in ((MEETING_2, dt.datetime(2026, 10, 20, 7, 0)), (MEETING_1, dt.datetime(2026, 10, 20, 9, 0))):
        session = load(folder / path.name)
        session.session.date, session.session.created = dt.date(2026, 10, 20), created
        save(session, folder / path.name)
    case = collect(folder, CODE)
    assert [s.path.name for s in case.sessions[2:]] == [MEETING_2.name, MEETING_1.name]


def test_a_file_that_does_not_load_is_named_and_the_case_still_reads(tmp_path):
    folder = arc_until(tmp_path / "case", PROSPECTIVE)
    (folder / "kapot.toml").write_text("[session\n")
    case = collect(folder, CODE)
    assert len(case.sessions) == 2
    assert [p.name for p, _ in case.unreadable] == ["kapot.toml"]


def test_an_unknown_code_names_the_codes_there_are_and_a_missing_folder_is_said(tmp_path):
    folder = arc_until(tmp_path / "case")
    with pytest.raises(CaseError) as raised:
        collect(folder, "ANDERS-02")
    assert "ANDERS-02" in raised.value.message() and CODE in raised.value.message()
    with pytest.raises(CaseError) as raised:
        collect(tmp_path / "nowhere", CODE)
    assert "nowhere" in raised.value.message()


# --- the next session, pre-filled ---------------------------------------------------


def test_a_prospective_analysis_starts_from_the_retrospective(tmp_path):
    case = collect(arc_until(tmp_path / "case"), CODE)
    retro = load(EXAMPLE)
    session = next_session(case, "prospective", today=dt.date(2026, 10, 16))
    meta = session.session
    assert (meta.kind, meta.case_code, meta.language, meta.facilitator) == (
        "prospective", CODE, retro.session.language, retro.session.facilitator)
    assert meta.current_step == "checkin" and meta.date == dt.date(2026, 10, 16)
    assert [p.id for p in session.checkin.participants] == [p.id for p in retro.checkin.participants]
    assert all(p.check_in == "" for p in session.checkin.participants)  # said in that room only
    crucial = {e.id for e in retro.timeline.events if e.crucial}
    assert {m.id for m in session.backdrop.moments} == crucial and session.backdrop.source == EXAMPLE.name
    assert [i.id for i in session.backdrop.insights] == [i.id for i in retro.insights.items]
    assert session.family.family_names == retro.family.family_names
    assert [(m.id, m.pseudonym) for m in session.family.members] == [(m.id, m.pseudonym) for m in retro.family.members]
    assert not any(m.nature or m.needs for m in session.family.members)  # names for masking, not the portrait
    assert [m.id for m in session.closing.core_team] == [m.id for m in retro.closing.core_team]
    assert session.timeline.events == [] and session.quotes == []
    dumps(session)  # a valid file as it stands


def test_a_meeting_carries_the_open_actions_with_their_ids_and_asks_every_course_item(tmp_path):
    case = collect(arc_until(tmp_path / "case", PROSPECTIVE, MEETING_1), CODE)
    session = next_session(case, "meeting", today=dt.date(2026, 10, 27))
    record = session.meeting
    assert sorted(a.id for a in record.carried) == ["ac-brief", "ac-kompas", "ac-mandaat", "ac-sem"]
    assert all(a.state is None for a in record.carried)
    mandate = next(a for a in record.carried if a.id == "ac-mandaat")
    assert (mandate.who, mandate.due, mandate.made) == ("ct-priya", dt.date(2026, 10, 27), dt.date(2026, 10, 20))
    prospective = load(PROSPECTIVE)
    assert [c.item for c in record.course_checks] == [c.id for c in prospective.course.items]
    assert [c.member for c in record.checkins] == [m.id for m in prospective.closing.core_team]
    assert record.starts == dt.datetime(2026, 10, 27, 8, 30)  # meeting one's next meeting
    assert session.closing.content_deadline == dt.date(2026, 11, 17)
    assert session.family.family_names == ["Akkerman"]
    assert session.session.title == f"Kernteamoverleg 2: {load(EXAMPLE).session.title}"  # the second meeting
    dumps(session)


def test_the_first_meeting_starts_at_the_declarations_next_date_and_hour(tmp_path):
    case = collect(arc_until(tmp_path / "case", PROSPECTIVE), CODE)
    session = next_session(case, "meeting", today=dt.date(2026, 10, 20))
    # "op dinsdag van 08.30 tot 09.30": a meeting today is still the next one.
    assert session.meeting.starts == dt.datetime(2026, 10, 20, 8, 30)
    assert session.meeting.carried == []


def test_an_evaluation_reviews_every_commitment_course_item_and_backing(tmp_path):
    case = collect(arc_until(tmp_path / "case", PROSPECTIVE, MEETING_1, MEETING_2, MEETING_3), CODE)
    session = next_session(case, "evaluation", today=dt.date(2026, 11, 24))
    prospective = load(PROSPECTIVE)
    reviews = session.evaluation.reviews
    assert [(r.about, r.ref) for r in reviews] == (
        [(ReviewAbout.commitment, c.id) for c in prospective.closing.commitments]
        + [(ReviewAbout.course, c.id) for c in prospective.course.items]
        + [(ReviewAbout.backing, b.id) for b in prospective.closing.backing]
    )
    assert all(r.kept is None for r in reviews)
    assert session.evaluation.earlier_sense == Sense.mostly_side_by_side
    dumps(session)


def test_no_session_follows_a_case_without_a_retrospective(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    shutil.copy(PROSPECTIVE, folder)
    with pytest.raises(CaseError) as raised:
        start_next(folder, CODE, "meeting")
    assert "retrospecti" in raised.value.message()
    assert len(list(folder.iterdir())) == 1


def test_no_meeting_before_a_declaration(tmp_path):
    folder = arc_until(tmp_path / "case")
    retro = load(folder / EXAMPLE.name)
    retro.session.skipped_steps = ["closing"]  # the declaration is to be made in the prospective analysis
    save(retro, folder / EXAMPLE.name)
    for kind in ("meeting", "evaluation"):
        with pytest.raises(CaseError) as raised:
            start_next(folder, CODE, kind)
        assert "declaration" in raised.value.message() and "--kind prospective" in raised.value.message()
    assert start_next(folder, CODE, "prospective").path.exists()


def test_a_started_session_is_named_from_the_case_and_never_overwrites(tmp_path):
    folder = arc_until(tmp_path / "case", PROSPECTIVE, MEETING_1, MEETING_2, MEETING_3)
    today = dt.date(2026, 11, 10)
    first = start_next(folder, CODE, "meeting", today=today)
    assert first.path.name == f"2026-11-10-{CODE}-overleg-4.toml" and first.number == 4
    again = start_next(folder, CODE, "meeting", today=today)
    assert again.path.name == f"2026-11-10-{CODE}-overleg-5.toml"
    evaluation = start_next(folder, CODE, "evaluation", today=today)
    assert evaluation.path.name == f"2026-11-10-{CODE}-evaluatie.toml"
    assert load(first.path).session.kind == "meeting"


def test_an_arc_made_with_start_next_carries_an_action_not_done_then_done(tmp_path):
    """As a facilitator goes: each meeting started from the case, its carried copy
    looked at; the action stays open until a later meeting marks it done."""
    from retro_tui.model.followup import Action
    from retro_tui.store.shared import update

    folder = arc_until(tmp_path / "case")
    start_next(folder, CODE, "prospective", today=dt.date(2026, 10, 16))
    first = start_next(folder, CODE, "meeting", today=dt.date(2026, 10, 20))

    def agree(session):
        session.meeting.actions = [Action(id="ac-bel", who="ct-henk", what="School bellen", due=dt.date(2026, 10, 24))]

    update(first.path, agree)
    states = []
    for day, verdict in ((dt.date(2026, 10, 27), ActionState.not_done), (dt.date(2026, 11, 3), ActionState.done)):
        started = start_next(folder, CODE, "meeting", today=day)
        assert [a.id for a in started.session.meeting.carried] == ["ac-bel"]

        def look_back(session, verdict=verdict):
            session.meeting.carried[0].state = verdict

        update(started.path, look_back)
        states.append(open_ids(case_state(collect(folder, CODE), day)))
    assert states == [["ac-bel"], []]
    # The fourth meeting carries nothing: the action is done.
    assert start_next(folder, CODE, "meeting", today=dt.date(2026, 11, 10)).session.meeting.carried == []


def test_a_name_taken_between_choosing_it_and_writing_is_not_overwritten(tmp_path, monkeypatch):
    """Two people start the next meeting at once: both choose `overleg-4`; the one
    who writes second must not replace the first one's file."""
    from retro_tui.store import files

    folder = arc_until(tmp_path / "case", *ARC)
    chosen = files.free_path
    theirs = b"# the other person's meeting\n"

    def taken_meanwhile(*args, **kwargs):
        path = chosen(*args, **kwargs)
        if not path.exists() and "overleg-4" in path.name and not any(folder.glob("*overleg-4*")):
            path.write_bytes(theirs)  # the other writer, between our choice and our write
        return path

    monkeypatch.setattr(files, "free_path", taken_meanwhile)
    started = start_next(folder, CODE, "meeting", today=dt.date(2026, 11, 10))
    assert started.path.name == f"2026-11-10-{CODE}-overleg-4-2.toml"
    assert (folder / f"2026-11-10-{CODE}-overleg-4.toml").read_bytes() == theirs
