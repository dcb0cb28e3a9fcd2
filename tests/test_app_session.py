"""A whole session, from "new" to a filled intention declaration, by keyboard, then the
file is reloaded and every item checked: the step, the links, the tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from apphelpers import add, add_event, fill, opened, quote, visible_text
from retro_tui.model import StepId
from retro_tui.store import load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized
from retro_tui.ui.session_screen import SessionScreen


def ids_named(session, names):
    lookup = {p.name: p.id for p in session.checkin.participants}
    lookup |= {m.pseudonym: m.id for m in session.family.members}
    return [lookup[n] for n in names]


@pytest.mark.slow
async def test_a_whole_session_by_keyboard(tmp_path: Path):
    folder = tmp_path / "sessions"
    app = localized(RetroApp)(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("n")  # new session from the opening screen
        await pilot.press(*"Casus Noord", "enter")
        await opened(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        session = screen.session

        # 1 check-in: three participants, then the round person by person
        for name, org in (("Ann", "Wijkteam"), ("Bram", "School"), ("Cor", "Jeugdbescherming")):
            await add(pilot, name=name, organisation=org, role="begeleider")
        await pilot.press("r")
        for words in ("Nieuwsgierig.", "Wat onrustig.", "Blij dat we er zijn."):
            await pilot.pause()
            await fill(pilot, check_in=words)
        await quote(pilot, "Ann", "Ik zit hier met open blik")

        # 2 how we relate: a sense, an observation, an agreement, notes
        await pilot.press("f6")
        await pilot.pause()
        await add(pilot, participant=session.checkin.participants[1].id, sense="mostly_opposite")
        await pilot.press("tab")
        await add(pilot, text="We praten snel door elkaar")
        await pilot.press("tab")
        await add(pilot, text="We laten elkaar uitpraten")
        await pilot.press("tab")
        await pilot.press(*"rustig")
        await quote(pilot, "Bram", "We staan eigenlijk naast elkaar")

        # 3 family: three members, two relations
        await pilot.press("f6")
        await pilot.pause()
        for pseudo, role, age in (("Mila", "moeder", 38), ("Ravi", "vader", 41), ("Noor", "meisje", 14)):
            await add(pilot, pseudonym=pseudo, role=role, age=age, nature="Warm en eigenwijs")
        members = {m.pseudonym: m.id for m in session.family.members}
        await pilot.press("tab")
        await add(pilot, source=members["Mila"], kind="separated", target=members["Ravi"])
        await add(pilot, source=members["Mila"], kind="parent_of", target=members["Noor"])
        await quote(pilot, "moeder", "Ze is mijn alles")

        # 4 timeline: five events, one crucial
        await pilot.press("f6")
        await pilot.pause()
        events = [
            ("2018", "Scheiding ouders", "family_fact", "family", False),
            ("2019-03", "Melding school", "contact", "professionals", False),
            ("2019-09-14", "Uithuisplaatsing", "placement", "professionals", True),
            ("2020", "Noor: ik voel me niet gehoord", "family_experience", "family", False),
            ("2021-02", "Besluit gezinshuis", "decision", "professionals", False),
        ]
        for date, title, kind, lane, crucial in events:
            await add_event(pilot, date=date, title=title, kind=kind, lane=lane, crucial=crucial, people=[members["Noor"]])
        await pilot.press("f3")  # the stop button
        await pilot.pause()
        await pilot.press(*"adem", "enter")
        await pilot.pause()

        # 5 insights: two, linked and tagged
        await pilot.press("f6")
        await pilot.pause()
        by_title = {e.title: e.id for e in session.timeline.events}
        await add(pilot, category="crucial_moments", text="De plaatsing kwam te laat",
                  events=[by_title["Uithuisplaatsing"]], tags=["pattern.late_narrow_analysis"])
        await add(pilot, category="asks_of_us", text="Samen de stopknop durven indrukken",
                  events=[by_title["Melding school"], by_title["Besluit gezinshuis"]], tags=["element.stop_button", "pattern.islands"])

        # closing: core team, the declaration itself, backing
        await pilot.press("f6")
        await pilot.pause()
        await add(pilot, name="Ann", organisation="Wijkteam", role="procesvoorzitter")
        await add(pilot, name="Cor", organisation="Jeugdbescherming", role="casusregisseur")
        await pilot.press("tab")
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, assignment="Eén plan met het gezin", frequency="elke drie weken",
                   meeting_dates=["2026-12-08", "2027-01-12"])
        await pilot.press("tab")
        await add(pilot, organisation="Wijkteam", needed="Tijd en vertrouwen")
        await pilot.press("ctrl+q")
        path = screen.path

    saved = load(path)
    assert [p.name for p in saved.checkin.participants] == ["Ann", "Bram", "Cor"]
    assert [p.check_in for p in saved.checkin.participants] == ["Nieuwsgierig.", "Wat onrustig.", "Blij dat we er zijn."]
    assert saved.relate.senses[0].participant == saved.checkin.participants[1].id
    assert saved.relate.senses[0].sense == "mostly_opposite"
    assert [o.text for o in saved.relate.observations] == ["We praten snel door elkaar"]
    assert [a.text for a in saved.relate.agreements] == ["We laten elkaar uitpraten"]
    assert saved.relate.notes == "rustig"
    assert [m.pseudonym for m in saved.family.members] == ["Mila", "Ravi", "Noor"]
    assert [(r.kind, r.source, r.target) for r in saved.family.relations] == [
        ("separated", *ids_named(saved, ["Mila", "Ravi"])), ("parent_of", *ids_named(saved, ["Mila", "Noor"]))
    ]
    assert [e.title for e in saved.timeline.events] == [e[1] for e in events]
    assert [e.id for e in saved.timeline.events if e.crucial] == [by_title["Uithuisplaatsing"]]
    first, second = saved.insights.items
    assert first.events == [by_title["Uithuisplaatsing"]] and first.tags == ["pattern.late_narrow_analysis"]
    assert set(second.events) == {by_title["Melding school"], by_title["Besluit gezinshuis"]}
    assert set(second.tags) == {"element.stop_button", "pattern.islands"}
    assert [(q.step, q.text) for q in saved.quotes] == [
        (StepId.checkin, "Ik zit hier met open blik"),
        (StepId.relate, "We staan eigenlijk naast elkaar"),
        (StepId.family, "Ze is mijn alles"),
    ]
    assert saved.quotes[0].speaker_id == saved.checkin.participants[0].id
    assert saved.quotes[2].speaker_id == ids_named(saved, ["Mila"])[0]  # "moeder" names her role
    [pause] = saved.pauses
    assert pause.step == StepId.timeline and pause.note == "adem" and pause.ended is not None
    closing = saved.closing
    assert [(m.name, m.role) for m in closing.core_team] == [("Ann", "procesvoorzitter"), ("Cor", "casusregisseur")]
    assert closing.assignment == "Eén plan met het gezin" and closing.frequency == "elke drie weken"
    assert [d.isoformat() for d in closing.meeting_dates] == ["2026-12-08", "2027-01-12"]
    assert [b.organisation for b in closing.backing] == ["Wijkteam"]
    assert len(closing.commitments) == 5  # the five named ones to start from
    assert saved.session.current_step == StepId.closing


async def test_tags_can_be_found_by_search_and_choices_survive_filtering(tmp_path):
    import shutil

    from conftest import EXAMPLE
    from textual.widgets import Input, SelectionList

    path = tmp_path / "s.toml"
    shutil.copy(EXAMPLE, path)
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        app.screen.go_to(StepId.insights)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        tags = form.query_one("#field-tags", SelectionList)
        everything = tags.option_count
        tags.select("element.stop_button")
        search = form.query_one("#search-tags", Input)
        search.value = "eiland"  # Dutch label of "working on islands"
        await pilot.pause()
        assert 1 <= tags.option_count < everything
        assert tags.get_option_at_index(0).value == "pattern.islands"
        tags.select("pattern.islands")
        await fill(pilot, category="stands_out", text="Iedereen op een eigen eiland")
    saved = load(path)
    assert set(saved.insights.items[-1].tags) == {"element.stop_button", "pattern.islands"}


async def test_the_declarations_meeting_dates_take_dates_as_people_type_them(tmp_path: Path, example_copy):
    import datetime as dt

    from retro_tui.model import StepId
    from retro_tui.ui.declaration import DeclarationPanel
    from retro_tui.ui.forms import RecordForm

    app = localized(RetroApp)(tmp_path, example_copy)
    # Wide and high enough to read the dates back in the declaration beside the team.
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        app.screen.go_to(StepId.closing)
        await pilot.pause()
        while not isinstance(app.focused, DeclarationPanel):
            await pilot.press("tab")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-meeting_dates").load_text("8-12-2026\nmaart 2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "maart 2027" in visible_text(app)  # not a day: says so, stays open
        await fill(pilot, meeting_dates=["8-12-2026", "5 januari 2027", "2027-02-02"])
        assert not isinstance(app.screen, RecordForm)
        assert "5 januari 2027" in visible_text(app)  # on screen as people write it
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert load(example_copy).closing.meeting_dates == [dt.date(2026, 12, 8), dt.date(2027, 1, 5), dt.date(2027, 2, 2)]
