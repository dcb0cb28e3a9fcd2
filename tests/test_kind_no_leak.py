"""Nothing leaked from the sessions after the retrospective: the family's names, in all
their variants, planted in every free text of a prospective analysis, a core-team
meeting and an evaluation (each carrying the family's names for masking, as a
follow-up file does), exported in every format the kind makes; and direct identifiers
(BSN, phone, e-mail) planted in every text field of each kind's own records, each of
which the check must find before anything is written."""

from __future__ import annotations

import datetime as dt
import typing
from enum import Enum
from pathlib import Path

import pytest
from pydantic import BaseModel

from conftest import made_once
from kind_sessions import KINDS
from retro_tui.method import kind as method_kind
from retro_tui.model import ParticipantSide
from retro_tui.report.export import IdentifiersFound, export
from retro_tui.report.texts import texts
from retro_tui.store import dumps, load
from test_no_names_leak import PLANTED, leaked, readable


def _machine_value(field) -> bool:
    """An id, a reference, a step or a kind: a string with a pattern of its own, found
    from the model's own types, not from the report's list of names it skips."""
    def patterned(annotation) -> bool:
        meta = getattr(annotation, "__metadata__", ())
        if any(getattr(m, "pattern", None) for m in meta):
            return True
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) is dict:
            args = args[1:]  # a dict keyed by step ids holds text all the same
        return any(patterned(arg) for arg in args)

    return any(getattr(m, "pattern", None) for m in field.metadata) or patterned(field.annotation)


def every_text(model: BaseModel, change, loc: tuple = ()) -> set[tuple]:
    """Put `change` into every free-text string of `model`, found by the model's types
    alone; the places changed. Independent of report/texts.py, so a field that the
    pseudonymiser and the identifier check would both skip is still planted here."""
    changed = set()
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if _machine_value(field) or isinstance(value, (Enum, bool, int, float, dt.date)) or value is None:
            continue
        here = (*loc, name)
        if isinstance(value, str):
            setattr(model, name, change(value))
            changed.add(here)
        elif isinstance(value, BaseModel):
            changed |= every_text(value, change, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    changed |= every_text(item, change, (*here, i))
                elif isinstance(item, str):
                    value[i] = change(item)
                    changed.add((*here, i))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, str):
                    value[key] = change(item)
                    changed.add((*here, key))
    return changed


def planted(kind: str, folder: Path) -> Path:
    session = KINDS[kind]()
    lotte = next(m for m in session.family.members if m.pseudonym == "Lotte")
    lotte.aliases = ["Charlotte", "Lot"]
    next(m for m in session.family.members if m.pseudonym == "Sem").aliases = ["Semmie"]
    mother, expert = session.checkin.participants[-2:]
    mother.name, mother.role, mother.side = "Sandra Akkerman", "moeder", ParticipantSide.family
    expert.name, expert.role, expert.side = "Kim Jansen", "ervaringsdeskundige", ParticipantSide.expert_by_experience
    sentence = " ".join(PLANTED)
    copy = session.model_copy(deep=True)
    every_text(copy, lambda text: f"{text} {sentence}")
    for original, member in zip(session.family.members, copy.family.members):
        member.pseudonym, member.aliases = original.pseudonym, original.aliases
    for original, person in zip(session.checkin.participants, copy.checkin.participants):
        person.name = original.name
    copy.family.family_names = session.family.family_names
    copy.session.title = f"Casus Lotte Akkerman: {kind}, Semmetje en oma Ria's huis"
    copy.session.case_code = session.session.case_code
    path = folder / f"2026-gezin-akkerman-lotte-{kind}.toml"
    path.write_text(dumps(copy), encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=list(KINDS))
def kind_exported(request, tmp_path_factory):
    from retro_tui.cli import main

    def export(folder: Path) -> None:
        source = planted(request.param, folder)
        assert main(["export", str(source), "--format", "all", "--out", str(folder / "out"), "--lang", "nl"]) == 0

    # Exported once in the run, not again in every worker that gets one of its tests.
    folder = made_once(tmp_path_factory, f"leak-{request.param}", export)
    [source] = folder.glob("*.toml")
    return request.param, source, {p.name: p.read_bytes() for p in (folder / "out").iterdir()}


# Texts a follow-up file carries for its own use, which no document shows (the
# retrospective's file name the backdrop was copied from): walked all the same, as a
# copy of the session file that travels carries them.
UNSHOWN = {("backdrop", "source")}


@pytest.mark.parametrize("kind", KINDS)
def test_every_text_the_model_holds_is_walked_by_the_pseudonymiser_and_the_check(kind):
    """The walk both use (report/texts.py) sees every free text the model's types hold."""
    session = KINDS[kind]()
    held = every_text(session, lambda text: text + " x")
    walked = {loc for loc, _, _ in texts(session)}
    sections = {path.split(".")[0] for step in method_kind(kind).steps for path in (*step.records, step.notes)}
    assert sections <= {loc[0] for loc in held}  # every section of the kind has text here
    assert held <= walked, sorted(held - walked)


def test_the_names_are_planted_in_every_field_of_the_kind(kind_exported):
    kind, source, _ = kind_exported
    session = load(source)
    sections = {path.split(".")[0] for step in method_kind(kind).steps for path in (*step.records, step.notes)}
    planted_in = {loc[0] for loc, text, _ in texts(session) if text.endswith("van Akkerman")}
    assert sections <= planted_in, sections - planted_in


def test_no_variant_in_any_file_or_its_name(kind_exported):
    kind, _, files = kind_exported
    assert {n.rsplit(".", 1)[1] for n in files} >= {"md", "html", "docx", "pdf", "eml"}
    # PDFs (and the mail that carries them) last: without pdftotext their reading skips
    # the test, and it must not skip the other files' check with it.
    for name, data in sorted(files.items(), key=lambda item: item[0].endswith((".pdf", ".eml"))):
        assert name.startswith("VOORBEELD-FICTIEF-01-"), name
        assert leaked(name.replace("-", " ")) == set(), name
        text = readable(name, data)
        assert leaked(text) == set(), (kind, name, leaked(text))


def test_the_document_still_says_who_is_who(kind_exported):
    _, _, files = kind_exported
    md = next(data for name, data in files.items() if name.endswith(".md")).decode()
    assert "dochter" in md or "Dochter" in md
    assert "Esther Vonk" in md  # professionals keep their names


IDENTIFIERS = "BSN 111222333, bel 06-12345678 of mail lotte.a@example.nl"


@pytest.mark.parametrize("kind", KINDS)
def test_an_identifier_in_any_field_of_the_kind_is_found_before_anything_is_written(tmp_path, kind):
    session = KINDS[kind]()
    steps = method_kind(kind).steps
    own = tuple(path for step in steps for path in step.records) + tuple(step.notes for step in steps)
    sections = {path.split(".")[0] for path in own}

    def plant(text: str) -> str:
        return f"{text} {IDENTIFIERS}"

    every_text(session, plant)
    # Every text of the kind's own records and notes: where the check must look.
    fields = {loc for loc, text, _ in texts(session)
              if loc[0] in sections - {"checkin", "closing"} or (loc[0] == "closing" and loc[1] != "core_team")}
    assert fields
    with pytest.raises(IdentifiersFound) as found:
        export(session, tmp_path / "x.toml", tmp_path / "out", {"md", "html", "docx", "pdf", "eml", "ics", "intention"})
    flagged = {f.loc for f in found.value.findings}
    assert {f.kind for f in found.value.findings} == {"bsn", "phone", "email"}
    missed = {loc for loc in fields if loc not in flagged and loc[:2] not in UNSHOWN}
    assert not missed, sorted(missed)
    assert not (tmp_path / "out").exists()  # nothing written


def test_the_travelling_copy_of_a_prospective_analysis_masks_the_backdrops_file_name():
    """`source` is a reference elsewhere, a file name here: the copy sent by e-mail
    (`export --format session`) must not carry the family's name in it."""
    from retro_tui.session_copy import as_copy

    session = KINDS["prospective"]()
    session.backdrop.source = "2026-10-14-gezin-akkerman-lotte.toml"
    copy = as_copy(session)
    assert leaked(copy.backdrop.source.replace("-", " ")) == set(), copy.backdrop.source


@pytest.mark.parametrize("kind", KINDS)
def test_the_travelling_copy_of_every_kind_keeps_its_references_whole(kind):
    """A copy gets ids of its own: the follow-up records' references move with them."""
    from retro_tui.method import catalogue_ids, kind_steps
    from retro_tui.model import find_problems
    from retro_tui.session_copy import make_copy

    session = KINDS[kind]()
    session.session.id = "s-0a1b2c"
    copy = make_copy(session, Path("x.toml"), version="0a1b2c3d")
    assert find_problems(copy, catalogue_ids(), kind_steps()) == []
    assert {m.id for m in copy.closing.core_team}.isdisjoint({m.id for m in session.closing.core_team})
