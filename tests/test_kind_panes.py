"""The panes of the sessions after the retrospective, driven as a facilitator drives
them: keys in bursts (no wait for the app between them), saved, read back from the
file, and the records asserted with their ids and their references to the core team,
the course and the participants."""

from __future__ import annotations

import datetime as dt

import pytest

from textual.widgets import DataTable

from apphelpers import burst, settle
from followup_sessions import evaluation, filled, meeting, prospective
from panehost import PaneApp, PaneHost
from retro_tui.i18n import set_language
from retro_tui.model.enums import CourseState, Status
from retro_tui.store import load, save
from retro_tui.ui.forms import RecordForm


def _write(tmp_path, session, name="case.toml"):
    path = tmp_path / name
    save(session, path, lifecycle=True)  # a final one too, as `finalize` leaves it
    return path


async def _host(pilot) -> PaneHost:
    await settle(pilot)
    host = pilot.app.screen
    assert isinstance(host, PaneHost)
    return host


async def _form(pilot) -> RecordForm:
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, RecordForm), type(form)
    return form


def _cells(host: PaneHost, table_id: str) -> list[list[str]]:
    table = host.query_one(f"#{table_id} DataTable", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


# --- the meeting --------------------------------------------------------------------


@pytest.mark.slow  # started first in a parallel run
async def test_a_meeting_driven_by_keys_keeps_every_answer_with_its_ids(tmp_path):
    set_language("nl")
    path = _write(tmp_path, meeting())
    app = PaneApp(path, "checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        host = await _host(pilot)
        # The round: every core-team member in turn, the fifth one without a row in the
        # file yet (the pre-fill had four). Each form: saddle, what chafes, what is needed.
        await burst(pilot, "r")
        for words in ("Ja, prima", "Nee", "Redelijk", "Ja", "Gaat wel"):
            form = await _form(pilot)
            await burst(pilot, words, "tab", "Rooster", "tab", "Tijd", "ctrl+s")
            assert pilot.app.screen is not form, form.query_one("#form-error").render()
        await burst(pilot, "escape")  # past the last member the round has ended already
        assert isinstance(pilot.app.screen, PaneHost)
        assert [row[1] for row in _cells(host, "meeting-checkins")] == ["Ja, prima", "Nee", "Redelijk", "Ja", "Gaat wel"]

        # The here and now and the progress: typed straight into the session.
        await burst(pilot, "f6", "Lotte gaat weer drie dagen naar school.")
        await burst(pilot, "f6")
        deadline = str(host.query_one("#deadline").render())
        assert "Pieter Jansen, Marieke de Vries" in deadline and "nog 38 dagen" in deadline
        await burst(pilot, "Het plan is half af.")

        # Are we still on course? One key per item, down the list.
        await burst(pilot, "f6", "1", "3", "2")
        assert [row[1] for row in _cells(host, "meeting-course_checks")] == ["op koers", "uit koers", "deels"]
        await burst(pilot, "up", "e")
        await _form(pilot)
        await burst(pilot, "tab", "Moeder belde de rechter zelf", "ctrl+s")

        # Feedback on the actions carried over from last time.
        await burst(pilot, "f6", "3", "1")
        await burst(pilot, "up", "e")
        await _form(pilot)
        await burst(pilot, "tab", "Moeder was ziek", "ctrl+s")

        # A new action, and the next meeting, as said in the room.
        await burst(pilot, "f6", "a")
        await _form(pilot)
        await burst(pilot, "enter", "down", "down", "down", "down", "enter")  # who: Pieter Jansen
        await burst(pilot, "tab", "Plan van aanpak schrijven met Lotte erbij", "tab", "Een plan op papier")
        await burst(pilot, "tab", "volgende week dinsdag", "tab", "enter", "down", "enter")  # bearable: ja
        await burst(pilot, "tab", "space", "ctrl+s")  # helped by: Marieke de Vries
        await settle(pilot)
        assert isinstance(pilot.app.screen, PaneHost), pilot.app.screen.query_one("#form-error").render()
        await burst(pilot, "tab", "e")
        await _form(pilot)
        await burst(pilot, "woensdag 15 december", "tab", "14u", "tab", "Wijkteam Zuid, kamer 2", "ctrl+s")
        form = await _form(pilot)  # the 15th is a tuesday: said so, the words kept to fix
        assert "15-12-2026 is een dinsdag" in str(form.query_one("#form-error").render())
        await burst(pilot, "home", "delete", "delete", "delete", "delete", "delete", "delete", "delete", "delete")
        await burst(pilot, "di", "ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PaneHost)

    again = load(path).meeting
    checkins = {c.id: c for c in again.checkins}
    assert list(checkins) == ["mc-ct-marieke", "mc-ct-joost", "mc-ct-fatima", "mc-ct-pieter", "mc-ct-sanne"]
    assert checkins["mc-ct-marieke"].saddle == "Ja, prima" and checkins["mc-ct-sanne"].saddle == "Gaat wel"
    assert checkins["mc-ct-sanne"].member == "ct-sanne" and checkins["mc-ct-joost"].chafes == "Rooster"
    assert again.summary == "Lotte gaat weer drie dagen naar school."
    assert again.progress == "Het plan is half af."
    checks = {c.item: c for c in again.course_checks}
    assert checks["ko-stem"].id == "cc-ko-stem"  # the pre-filled row, answered in place
    assert [(checks[i].state, checks[i].why) for i in ("ko-stem", "ko-een-plan", "ko-samen")] == [
        ("on_course", ""), ("off_course", "Moeder belde de rechter zelf"), ("partly", "")]
    carried = {a.id: a for a in again.carried}
    assert carried["ac-gesprek"].state == "not_done" and carried["ac-gesprek"].in_the_way == "Moeder was ziek"
    assert carried["ac-school"].state == "done"
    assert carried["ac-gesprek"].what == "Gesprek met moeder Akkerman over de koers"  # as agreed, untouched
    (action,) = again.actions
    assert (action.who, action.what, action.expected) == (
        "ct-pieter", "Plan van aanpak schrijven met Lotte erbij", "Een plan op papier")
    assert (action.due, action.bearable, action.helpers, action.made) == (
        dt.date(2026, 12, 15), True, ["ct-marieke"], dt.date(2026, 12, 8))
    assert again.next_starts == dt.datetime(2026, 12, 15, 14, 0) and again.next_place == "Wijkteam Zuid, kamer 2"


# --- the prospective analysis -------------------------------------------------------


@pytest.mark.slow  # started first in a parallel run
async def test_a_prospective_analysis_picks_its_core_team_from_the_participants(tmp_path):
    set_language("nl")
    path = _write(tmp_path, prospective("undercurrent"))
    app = PaneApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        host = await _host(pilot)
        await burst(pilot, "a")
        await _form(pilot)
        await burst(pilot, "Ieder trekt aan een eigen touw als de druk stijgt", "ctrl+s")

        await burst(pilot, "f6", "a")
        await _form(pilot)
        await burst(pilot, "We bellen elkaar eerst, dan pas de rechter", "ctrl+s", "tab", "a")
        await _form(pilot)
        await burst(pilot, "We zeggen het hardop als we twijfelen", "ctrl+s")

        # The course as a numbered list, put in order by keys.
        await burst(pilot, "f6")
        for line in ("De stem van Lotte is leidend", "Eén plan, geen plan B", "Besluiten nemen we samen"):
            await burst(pilot, "a")
            await _form(pilot)
            await burst(pilot, line, "ctrl+s")
        await burst(pilot, "ctrl+up")
        assert _cells(host, "course-items") == [
            ["1", "De stem van Lotte is leidend"], ["2", "Besluiten nemen we samen"], ["3", "Eén plan, geen plan B"]]

        # The core team: people picked from the participants, never typed again.
        await burst(pilot, "f6", "a")
        await _form(pilot)
        await burst(pilot, "enter", "enter", "tab", "casusregisseur", "ctrl+s")
        await burst(pilot, "a")
        await _form(pilot)
        await burst(pilot, "enter", "down", "enter", "ctrl+s")
        await burst(pilot, "a")
        form = await _form(pilot)
        await burst(pilot, "enter", "enter", "ctrl+s")  # Marieke again: refused, with why
        assert "zit al in het kernteam" in str(form.query_one("#form-error").render())
        await burst(pilot, "escape", "ctrl+d")
        assert isinstance(pilot.app.screen, PaneHost)
        # The declaration, with its content team picked from the core team and a deadline.
        await burst(pilot, "tab", "e")
        await _form(pilot)
        await burst(pilot, "Samen één plan voor Lotte", "tab", "Pieter en Marieke doen de analyse, Joost het proces")
        await burst(pilot, "tab", "space", "tab", "15 januari 2027", "ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PaneHost), pilot.app.screen.query_one("#form-error").render()
        # Backing, from an organisation the core team brings.
        await burst(pilot, "tab", "a")
        await _form(pilot)
        await burst(pilot, "enter", "down", "enter", "tab", "Ruimte om buiten kantoortijd te gaan", "ctrl+s")

        # Commitments from the catalogue, each held by someone of the core team.
        await burst(pilot, "f6", "c")
        await _form(pilot)
        # The declaration's five and those towards the family: more than a screen, so
        # the list has a search box first. Koers, then one found by a word of it.
        await burst(pilot, "tab", "space", "shift+tab", "centraal", "tab", "space", "ctrl+s")
        await burst(pilot, "e")
        await _form(pilot)
        await burst(pilot, "tab", "tab", "enter", "down", "down", "enter", "ctrl+s")  # held by Joost
        assert isinstance(pilot.app.screen, PaneHost), pilot.app.screen.query_one("#form-error").render()

        # The backdrop is the retrospective's: no key changes it.
        await burst(pilot, "f5", "f5", "f5", "f5", "f5")
        assert host.current == "backdrop"
        await burst(pilot, "a", "e", "enter", "d", "delete", "ctrl+up")
        assert isinstance(pilot.app.screen, PaneHost)

    again = load(path)
    (pull,) = again.undercurrent.pulls
    assert pull.text == "Ieder trekt aan een eigen touw als de druk stijgt" and pull.id.startswith("pu-")
    assert [r.text for r in again.undercurrent.together] == ["We bellen elkaar eerst, dan pas de rechter"]
    assert [r.text for r in again.undercurrent.trust] == ["We zeggen het hardop als we twijfelen"]
    assert [c.text for c in again.course.items] == [
        "De stem van Lotte is leidend", "Besluiten nemen we samen", "Eén plan, geen plan B"]
    closing = again.closing
    assert [(m.participant, m.name, m.organisation, m.role) for m in closing.core_team] == [
        ("p-marieke", "Marieke de Vries", "Jeugdbescherming Noord", "casusregisseur"),
        ("p-joost", "Joost Bakker", "Wijkteam Zuid", "ambulant hulpverlener"),
    ]
    marieke, joost = (m.id for m in closing.core_team)
    assert closing.content_team == [marieke] and closing.content_deadline == dt.date(2027, 1, 15)
    assert closing.assignment == "Samen één plan voor Lotte"
    assert [(b.organisation, b.needed) for b in closing.backing] == [
        ("Wijkteam Zuid", "Ruimte om buiten kantoortijd te gaan")]
    assert [(c.id, c.name, c.member) for c in closing.commitments] == [
        ("cm-course", "Koers", joost), ("cm-family_central", "Het gezin staat centraal", None)]
    assert again.backdrop == prospective().backdrop


# --- the evaluation -----------------------------------------------------------------


async def test_an_evaluation_answers_each_promise_and_asks_the_sense_again(tmp_path):
    set_language("nl")
    path = _write(tmp_path, evaluation("kept"))
    app = PaneApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        host = await _host(pilot)
        await burst(pilot, "1", "3", "2", "1")
        assert [row[2] for row in _cells(host, "evaluation-reviews")] == [
            "nagekomen", "niet nagekomen", "deels", "nagekomen"]
        await burst(pilot, "up", "up", "e")
        await _form(pilot)
        await burst(pilot, "tab", "tab", "tab", "Angst sloop erin na de crisis in mei", "ctrl+s")

        await burst(pilot, "f6")
        earlier = str(host.query_one("#earlier-sense").render())
        assert "Bij de retrospectieve analyse: vooral tegenover elkaar" in earlier
        await burst(pilot, "shift+tab", "enter", "down", "down", "enter")  # the group: mostly side by side
        await burst(pilot, "tab", "a")
        await _form(pilot)
        await burst(pilot, "enter", "down", "enter", "tab", "enter", "up", "up", "enter", "tab", "Ik voel me gesteund", "ctrl+s")

        await burst(pilot, "f6", "Moeder: eindelijk luistert iemand naar ons.")
        await burst(pilot, "f6", "a")
        await _form(pilot)
        await burst(pilot, "Eens per maand bij Lotte thuis", "ctrl+s")

    again = load(path)
    reviews = {r.id: r for r in again.evaluation.reviews}
    assert [reviews[i].kept for i in ("rv-course", "rv-trust", "rv-stem", "rv-gemeente")] == [
        "kept", "not_kept", "partly", "kept"]
    assert reviews["rv-trust"].in_the_way == "Angst sloop erin na de crisis in mei"
    assert (reviews["rv-trust"].ref, reviews["rv-trust"].commitment) == ("cm-trust", "trust")
    assert again.relate.group_sense == "mostly_side_by_side"
    assert again.evaluation.earlier_sense == "mostly_opposite"
    assert [(s.participant, s.sense, s.note) for s in again.relate.senses] == [
        ("p-marieke", "side_by_side", "Ik voel me gesteund")]
    assert again.evaluation.family_view == "Moeder: eindelijk luistert iemand naar ons."
    assert [c.text for c in again.evaluation.changes] == ["Vaker bij Lotte zelf langs", "Eens per maand bij Lotte thuis"]
    assert again.evaluation.changes[0].id == "ch-1"


# --- what every kind's steps rest on ------------------------------------------------


def test_every_record_a_step_shows_has_its_words_in_both_languages():
    from retro_tui.i18n import catalog
    from retro_tui.method import kinds
    from retro_tui.ui.panes import StepPane, pane_class
    from retro_tui.ui.record_types import list_class, record_type, section_and_name
    from retro_tui.ui.records_pane import RecordsPane

    checked = set()
    for found in kinds():
        if found.id == "retrospective":
            continue
        for step in found.steps:
            assert issubclass(pane_class(step), StepPane), (found.id, step.id)
            if not issubclass(pane_class(step), RecordsPane):
                continue
            for path in step.records:
                _section, name = section_and_name(path)
                is_list = list_class(path) is not None
                assert not is_list or record_type(path) is not None, (found.id, step.id, path)
                if path == "meeting.next_starts":
                    keys = ["panes.next_meeting"]
                else:
                    keys = [f"panes.{path}"] + ([] if is_list else [f"panes.hint.{name}"])
                for key in keys:
                    assert key in catalog("nl") and key in catalog("en"), (found.id, step.id, key)
                    checked.add(key)
    # The loops reached the records panes: a step they skipped would be checked for nothing.
    assert {"panes.meeting.summary", "panes.next_meeting", "panes.evaluation.reviews"} <= checked


async def test_a_kind_made_in_the_test_gets_its_panes_from_its_records_alone(tmp_path):
    """A fifth kind needs a file of steps, not a pane: these records are shown as they are."""
    from retro_tui.method import Step, StepText

    set_language("en")
    text = StepText("Getting to know", "Know", "Meet the family's new school.", ("Who is who?",), ())
    steps = (
        Step("acquaint", 20, {"nl": text, "en": text}, records=("course.items", "meeting.summary")),
        Step("plan", 20, {"nl": text, "en": text}, records=("meeting.actions", "meeting.next_starts")),
    )
    path = _write(tmp_path, meeting())  # the file's kind is a meeting; the steps shown are the test's
    app = PaneApp(path, "acquaint", steps)
    async with app.run_test(size=(80, 24)) as pilot:
        host = await _host(pilot)
        pane = host.query_one("#pane-acquaint")
        assert [w.id for w in pane.children] == ["course-items", "text-meeting-summary"]
        await burst(pilot, "a")
        await _form(pilot)
        await burst(pilot, "We houden het klein", "ctrl+s", "tab", "The school knows Lotte now.")
        await burst(pilot, "f6", "a")
        await _form(pilot)
        await burst(pilot, "tab", "Call the school", "ctrl+s")
        assert [type(w).__name__ for w in host.query_one("#pane-plan").children][-1] == "NextMeetingPanel"
    again = load(path)
    assert [c.text for c in again.course.items][-1] == "We houden het klein"
    assert again.meeting.summary == "The school knows Lotte now."
    assert [a.what for a in again.meeting.actions] == ["Call the school"]


def test_two_writers_answering_the_same_course_item_make_one_record():
    """A row for a course item not answered yet gets its id from the item, so two
    apps that answer it at once write the same record: merged, not doubled, and the
    answer that lost is kept aside as a conflict."""
    from retro_tui.store import snapshot
    from retro_tui.store.merge import merge
    from retro_tui.ui.record_types import record_type

    base = meeting()
    kind = record_type("meeting.course_checks")
    answers = []
    for state in (CourseState.on_course, CourseState.off_course):
        session = base.model_copy(deep=True)
        rows = kind.rows(session, session.meeting.course_checks)
        row = next(r for r in rows if r.item == "ko-samen")
        session.meeting.course_checks.append(row.model_copy(update={"state": state}))
        answers.append(snapshot(session))
    merged, conflicts = merge(snapshot(base), answers[0], answers[1])
    checks = [c for c in merged["meeting"]["course_checks"] if c["item"] == "ko-samen"]
    assert len(checks) == 1 and checks[0]["id"] == "cc-ko-samen" and checks[0]["state"] == "on_course"
    assert [c.other for c in conflicts] == ["off_course"]


async def test_the_help_names_the_answer_keys_of_the_step(tmp_path):
    from apphelpers import visible_text
    from retro_tui.ui.help import HelpScreen

    set_language("nl")
    app = PaneApp(_write(tmp_path, meeting("course_check")))
    async with app.run_test(size=(80, 24)) as pilot:
        await _host(pilot)
        await burst(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        shown = visible_text(app)
        lines = [line.strip("│ ") for line in shown.splitlines()]
        # Each key and what it does, on a line of its own (the screenshot's text runs
        # the table's two columns together).
        for key, words in (("1", "op koers"), ("2", "deels"), ("3", "uit koers"), ("e", "Bewerken")):
            assert f"{key}{words}" in lines, (key, lines)
        # A row stands for a course item: nothing to add or remove here.
        assert not any(line.startswith(("aNieuw", "deleteVerwijderen")) for line in lines)


async def test_a_final_sessions_panes_change_nothing(tmp_path):
    session = meeting("summary")
    session.session.status = Status.final
    session.session.finalized = STAMP_FINAL
    path = _write(tmp_path, session)
    before = path.read_bytes()
    app = PaneApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        host = await _host(pilot)
        assert host.query_one("#text-meeting-summary").read_only
        await burst(pilot, "Nieuwe woorden", "f6", "f6", "1", "2", "e")
        assert isinstance(app.screen, PaneHost)
    assert path.read_bytes() == before


STAMP_FINAL = dt.datetime(2026, 12, 20, 10, 0)


async def test_another_writers_words_come_into_a_text_being_typed(tmp_path):
    """The notetaker saved the summary's first line while the facilitator types the
    second: both stay, and the facilitator's cursor stays where it was typing."""
    set_language("nl")
    session = meeting("summary")
    session.meeting.summary = "Lotte gaat weer naar school."
    path = _write(tmp_path, session)
    app = PaneApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        host = await _host(pilot)
        box = host.query_one("#text-meeting-summary")
        await burst(pilot, "ctrl+end", "enter", "Moeder")
        host.session.meeting.summary = "Eerst: de rechter belde.\n" + host.session.meeting.summary
        host.pane().others_saved()
        await burst(pilot, " is opgelucht.")
        assert box.text == "Eerst: de rechter belde.\nLotte gaat weer naar school.\nMoeder is opgelucht."
    assert load(path).meeting.summary == "Eerst: de rechter belde.\nLotte gaat weer naar school.\nMoeder is opgelucht."


def test_a_name_changed_in_the_check_in_follows_into_the_core_team_and_nothing_else():
    from retro_tui.operations import follow_participants

    session = meeting()
    session.closing.core_team[1].organisation = "Wijkteam"  # shortened on purpose: kept
    before = {p.id: (p.name, p.organisation) for p in session.checkin.participants}
    assert not follow_participants(session, before)
    session.checkin.participants[0].name = "Marieke de Vries-Bos"
    session.checkin.participants[0].organisation = "Jeugdbescherming Noord-Holland"
    session.checkin.participants[1].organisation = "Wijkteam Zuid-Oost"
    assert follow_participants(session, before)
    assert [(m.id, m.name, m.organisation) for m in session.closing.core_team[:2]] == [
        ("ct-marieke", "Marieke de Vries-Bos", "Jeugdbescherming Noord-Holland"),
        ("ct-joost", "Joost Bakker", "Wijkteam"),
    ]


async def test_renaming_a_participant_by_keys_renames_their_core_team_copy(tmp_path):
    """A prospective analysis carries the core team (with its copies of names) and the
    participants: the name is typed once, in the check-in."""
    set_language("nl")
    session = prospective("checkin")
    session.closing.core_team = meeting().closing.core_team
    path = _write(tmp_path, session, "prospective.toml")
    app = PaneApp(path, "checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await _host(pilot)
        await burst(pilot, "e", "end", "-Bos", "ctrl+s")
    again = load(path)
    assert again.checkin.participants[0].name == "Marieke de Vries-Bos"
    assert again.closing.core_team[0].name == "Marieke de Vries-Bos"
    assert again.closing.core_team[0].id == "ct-marieke"


async def test_a_text_box_takes_back_its_words_after_a_stop(tmp_path):
    """What the journal kept of a box (typed in the second before a kill) goes back
    into the box, not beside it; the file's own words are not doubled."""
    set_language("nl")
    session = meeting("summary")
    session.meeting.summary = "Lotte gaat weer naar school."
    path = _write(tmp_path, session)
    app = PaneApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        host = await _host(pilot)
        box = host.query_one("#text-meeting-summary")
        typed = "Lotte gaat weer naar school.\nMoeder belde de rechter."
        assert box.reopen({"box": box.id}, {"text": typed})
        await settle(pilot)
        assert host.session.meeting.summary == typed
        # Typing goes on at the end, as in the notes.
        await burst(pilot, " Zelf.")
    assert load(path).meeting.summary == typed + " Zelf."


def test_removing_a_core_team_member_or_course_item_leaves_no_reference_behind():
    from retro_tui.method import kind_steps
    from retro_tui.model import find_problems
    from retro_tui.operations import remove_core_member, remove_course_item

    session = filled("meeting", "next_steps")
    remove_core_member(session, "ct-marieke")  # content team, a check-in, a helper, an action
    remove_course_item(session, "ko-een-plan")  # answered in this meeting
    assert find_problems(session, (), kind_steps()) == []
    assert "ct-marieke" not in session.closing.content_team
    assert [c.member for c in session.meeting.checkins] == ["ct-joost", "ct-fatima", "ct-pieter"]
    assert [a.helpers for a in session.meeting.actions] == [[], []]
    assert [a.who for a in session.meeting.actions] == ["ct-pieter", None]
    assert [c.item for c in session.meeting.course_checks] == ["ko-stem"]
