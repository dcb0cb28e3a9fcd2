"""The panes of the sessions after the retrospective, driven as a facilitator drives
them: keys in bursts (no wait for the app between them), saved, read back from the
file, and the records asserted with their ids and their references to the core team,
the course and the participants."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Select, SelectionList

from apphelpers import burst, settle
from kind_sessions import evaluation, meeting, prospective
from panehost import PaneApp, PaneHost
from retro_tui.i18n import set_language
from retro_tui.store import load, save
from retro_tui.ui.forms import RecordForm


def _write(tmp_path, session, name="case.toml"):
    path = tmp_path / name
    save(session, path)
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
        await burst(pilot, "tab", "15-12-2026", "tab", "enter", "down", "enter")  # bearable: ja
        await burst(pilot, "tab", "space", "ctrl+s")  # helped by: Marieke de Vries
        await settle(pilot)
        assert isinstance(pilot.app.screen, PaneHost), pilot.app.screen.query_one("#form-error").render()
        await burst(pilot, "tab", "e")
        await _form(pilot)
        await burst(pilot, "15 december 2026", "tab", "14u", "tab", "Wijkteam Zuid, kamer 2", "ctrl+s")
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
