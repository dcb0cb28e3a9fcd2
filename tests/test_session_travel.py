"""A session that travels by e-mail and comes back: `retro-tui export --format session`
writes a pseudonymised, identifier-checked copy that knows where it came from;
`retro-tui merge FILE COPY` brings back what was done in it on another laptop, records
matched by id, additions kept, changes taken only when accepted."""

from __future__ import annotations

import hashlib
import re


from apphelpers import opened, visible_text
from conftest import EXAMPLE
from retro_tui.model import Quote, TimelineEvent
from retro_tui.store import dumps, load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized
from test_report_export import names_in, plant


def _copy(run_cli, original, tmp_path):
    code, _out, err = run_cli("export", str(original), "--format", "session", "--out", str(tmp_path / "out"))
    assert code == 0, err
    (copy,) = (tmp_path / "out").iterdir()
    return copy


def test_the_copy_is_pseudonymised_valid_and_knows_its_origin(run_cli, example_copy, tmp_path):
    before = example_copy.read_bytes()
    copy = _copy(run_cli, example_copy, tmp_path)
    text = copy.read_text(encoding="utf-8")
    assert names_in(text) == set()  # no family name, no surname, in any field
    code, out, _ = run_cli("check", str(copy))
    assert (code, out) == (0, f'{copy}: valid session "{load(copy).session.title}"\n')
    original, travelled = load(example_copy), load(copy)
    assert original.session.id and travelled.session.copy_of.session == original.session.id
    # The revision is the original as it was when the copy was made (with its new id).
    assert travelled.session.copy_of.revision == hashlib.sha256(example_copy.read_bytes()).hexdigest()[:16]
    assert example_copy.read_bytes() != before  # only the id was added
    unchanged = original.model_copy(deep=True)
    unchanged.session.id = None
    assert unchanged == load(EXAMPLE)
    assert copy.stat().st_mode & 0o077 == 0


def test_the_copy_is_named_by_the_case_code_never_by_the_session_file(run_cli, example_copy, tmp_path):
    """People name a session after the family ("gezin-akkerman.toml"); the copy that
    goes by e-mail was named after that file. It is named as the report is."""
    named = example_copy.with_name("2026-10-14-gezin-akkerman-lotte.toml")
    example_copy.rename(named)
    copy = _copy(run_cli, named, tmp_path)
    code = load(named).session.case_code
    assert code and copy.name == f"{code}-sessiekopie.toml"
    assert names_in(copy.name.replace("-", " ")) == set()


def test_a_copy_with_an_identifier_is_not_written(run_cli, example_copy, tmp_path):
    plant(example_copy, "BSN van moeder: 123456782.")
    code, _, err = run_cli("export", str(example_copy), "--format", "session", "--out", str(tmp_path / "out"))
    assert code == 2 and "123456782" in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


async def test_the_copy_opens_in_the_app(run_cli, example_copy, tmp_path):
    copy = _copy(run_cli, example_copy, tmp_path)
    app = localized(RetroApp)(tmp_path, copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        shown = visible_text(app)
        assert "Akkerman" not in shown
        assert load(copy).session.title in shown
        await pilot.press("ctrl+q")


def _observations(session) -> set[str]:
    # The example's observations name no family member: the same text here and in a copy.
    return {o.text for o in session.relate.observations}


def _work_on_another_laptop(copy):
    """What a co-facilitator does at home: a quote, an event, a changed insight, a line
    in the notes, an observation removed."""
    s = load(copy)
    s.quotes.append(Quote(id="q-home", time=s.session.updated, step="timeline", speaker="jeugdbeschermer",
                          text="Thuis nog eens nagedacht: we wachtten op elkaar."))
    daughter = next(m for m in s.family.members if m.role.startswith("dochter"))
    s.timeline.events.append(TimelineEvent(id="ev-home", date="2025-09", title="Eerste gesprek met vader",
                                           lane="professionals", kind="contact", people=[daughter.id]))
    s.insights.items[0].text = "Vader staat acht jaar buiten beeld; niemand toetste dat beeld."
    s.timeline.notes += "\nThuis aangevuld: de zomer van 2022 is nog leeg."
    removed = s.relate.observations.pop(0)
    copy.write_text(dumps(s), encoding="utf-8")
    return removed


def test_round_trip_every_change_present_once(run_cli, example_copy, tmp_path):
    copy = _copy(run_cli, example_copy, tmp_path)
    removed = _work_on_another_laptop(copy)
    # Meanwhile, here: the facilitator changes another thing, and the same insight.
    here = load(example_copy)
    here.checkin.notes += "\nNagekomen: Anouk stuurde haar aantekeningen."
    here.insights.items[0].text = "Vader Ruben stond buiten beeld (hier herschreven)."
    example_copy.write_text(dumps(here), encoding="utf-8")

    code, out, err = run_cli("merge", str(example_copy), str(copy), "--accept-all")
    assert code == 0, err
    merged = load(example_copy)
    assert [q.id for q in merged.quotes].count("q-home") == 1
    assert [e.id for e in merged.timeline.events].count("ev-home") == 1
    # The copy's reference to the daughter is this session's id for her again.
    assert next(e for e in merged.timeline.events if e.id == "ev-home").people == ["fm-lotte"]
    assert merged.timeline.notes.count("Thuis aangevuld") == 1
    # Lines the copy left alone keep their names here: only the added line came in.
    assert merged.timeline.notes.startswith(here.timeline.notes)
    assert "Lottes brief" in merged.timeline.notes
    assert merged.insights.items[0].text == "Vader staat acht jaar buiten beeld; niemand toetste dat beeld."
    assert _observations(merged) == _observations(load(EXAMPLE)) - {removed.text}
    assert "Nagekomen: Anouk" in merged.checkin.notes  # this laptop's own change stays
    # Both changed the insight: taking the copy's keeps this laptop's text in sight.
    assert any("hier herschreven" in c.text for c in merged.conflicts)
    assert "[ook hier gewijzigd]" in out  # said in the session's language

    # Merging the same copy again changes nothing: every change is there once.
    code, out, _ = run_cli("merge", str(example_copy), str(copy), "--accept-all")
    assert code == 0 and "0 toegevoegd, 0 wijzigingen overgenomen" in out
    assert load(example_copy) == merged


def test_without_accepting_only_additions_come_in_and_the_changes_are_listed(run_cli, example_copy, tmp_path):
    copy = _copy(run_cli, example_copy, tmp_path)
    removed = _work_on_another_laptop(copy)
    before = load(example_copy)
    code, out, _ = run_cli("merge", str(example_copy), str(copy))
    assert code == 0
    merged = load(example_copy)
    assert {"q-home", *(q.id for q in before.quotes)} == {q.id for q in merged.quotes}
    assert "ev-home" in {e.id for e in merged.timeline.events}
    assert merged.insights == before.insights and merged.relate == before.relate
    assert merged.timeline.notes == before.timeline.notes
    # The list says what, where, and both versions.
    assert re.search(r"\[gewijzigd\] insights › items › .*text", out)
    assert "niemand toetste dat beeld" in out and "[verwijderd]" in out and removed.text[:30] in out
    assert "--accept-all" in out


def test_on_a_terminal_each_change_is_a_choice(run_cli, example_copy, tmp_path, monkeypatch):
    copy = _copy(run_cli, example_copy, tmp_path)
    removed = _work_on_another_laptop(copy)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["y", "n", "y", "n", "n", "n"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    code, out, _ = run_cli("merge", str(example_copy), str(copy))
    assert code == 0
    merged = load(example_copy)
    taken = re.findall(r"^\d+\. \[\w+\] (.*)$", out, re.MULTILINE)
    assert len(taken) == 3  # the insight, the notes, the removal: in the file's order
    assert merged.insights.items[0].text.startswith("Vader staat acht jaar")  # yes
    assert "Thuis aangevuld" not in merged.timeline.notes  # no
    assert _observations(merged) == _observations(load(EXAMPLE)) - {removed.text}  # yes


def test_a_copy_of_another_session_is_refused(run_cli, example_copy, minimal_file, tmp_path):
    copy = _copy(run_cli, example_copy, tmp_path)
    before = minimal_file.read_bytes()
    code, _, err = run_cli("merge", str(minimal_file), str(copy), "--accept-all")
    assert code == 2 and "not a copy" in err
    assert minimal_file.read_bytes() == before


def test_without_the_copy_as_sent_every_difference_is_offered_and_nothing_removed(run_cli, example_copy, tmp_path,
                                                                                   private_state):
    import shutil

    copy = _copy(run_cli, example_copy, tmp_path)
    removed = _work_on_another_laptop(copy)
    shutil.rmtree(private_state / "retro-tui" / "copies")  # merged on another laptop than it was sent from
    code, out, _ = run_cli("merge", str(example_copy), str(copy), "--accept-all")
    assert code == 0 and "niet op deze laptop" in out
    merged = load(example_copy)
    assert removed.text in _observations(merged)  # not removed without the base
    assert merged.family.family_names == load(EXAMPLE).family.family_names  # what a copy leaves out stays here
    assert all(m.aliases == o.aliases for m, o in zip(merged.family.members, load(EXAMPLE).family.members))
    assert "q-home" in {q.id for q in merged.quotes}
    assert merged.insights.items[0].text.startswith("Vader staat acht jaar")
