"""A bundle with the sessions after the analysis in the folder: each case counts once
(its retrospective for the insights, its latest evaluation for what was kept), a
meeting is never a case of its own, and the evaluation chapter shows kept / partly /
not kept per commitment, for the course and per type of organisation's backing once
enough cases have an evaluation, with nothing identifying on the way."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from kind_sessions import evaluation, meeting, prospective
from retro_tui.bundle.collect import CommitmentReview, reviews_of
from retro_tui.bundle.run import gather
from retro_tui.model import Status
from retro_tui.model.enums import KeptState, ReviewAbout
from retro_tui.model.followup import Review
from test_bundle import absent, bundle, everything, example, own_index, write  # noqa: F401 (fixture)

# Per case: how its two commitments, its course line and its backing were kept.
KEPT = [
    ("kept", "not_kept", "partly", "kept"),
    ("kept", "partly", "kept", "not_kept"),
    ("partly", "not_kept", "partly", "kept"),
]


def _final(session):
    session.session.status = Status.final
    return session


def case_folder(folder: Path, n: int, kept: tuple[str, ...] | None, code: str | None = None) -> list[Path]:
    """One case: its retrospective, a prospective analysis, two meetings and, when
    `kept` is given, an evaluation; all final, all with one case code."""
    code = code or f"REGIO-{n:02d}"
    files = [write(folder, f"{code}-analyse.toml", example(case_code=code))]
    for name, session in (("prospectief", prospective()), ("overleg-1", meeting()), ("overleg-2", meeting())):
        session.session.case_code = code
        files.append(write(folder, f"{code}-{name}.toml", _final(session)))
    if kept:
        session = evaluation()
        session.session.case_code = code
        for review, state in zip(session.evaluation.reviews, kept):
            review.kept = KeptState(state)
        files.append(write(folder, f"{code}-evaluatie.toml", _final(session)))
    return files


def test_a_case_with_all_its_sessions_counts_once_and_its_evaluation_is_counted(tmp_path):
    folder = tmp_path / "cases"
    for n, kept in enumerate(KEPT):
        case_folder(folder, n, kept)
    gathered = gather([folder], "nl")
    assert len(gathered.cases) == 3  # not 15 files
    assert gathered.left_out["follow_up_only"] == 0
    for case in gathered.cases:
        assert case.record.insights  # the retrospective's
        assert {r.about for r in case.record.reviews} == {"commitment", "course", "backing"}
        assert case.record.kinds == ["retrospective", "prospective", "meeting", "evaluation"]

    md = everything(bundle(folder, out=tmp_path / "out"))
    assert "Wat de regio leert: 3 casusanalyses gebundeld" in md
    assert "| kernteamoverleg | 3 |" in md and "| evaluatie | 3 |" in md
    # Kept / partly / not kept, counted here from KEPT on its own.
    for column, label in ((0, "Koers"), (1, "Betrouwbaar en open"), (2, "de regels van de koers, alle casussen samen"),
                          (3, "jeugdbescherming (gecertificeerde instelling)")):
        n = Counter(k[column] for k in KEPT)
        assert f"| {label} | 3 | {n['kept']} | {n['partly']} | {n['not_kept']} |" in md, label
    assert "Commitments in houding en gedrag" in md and "Rugdekking van de organisaties" in md


def test_with_fewer_than_three_evaluated_cases_nothing_is_broken_down(tmp_path):
    folder = tmp_path / "cases"
    for n, kept in enumerate([KEPT[0], KEPT[1], None]):
        case_folder(folder, n, kept)
    md = everything(bundle(folder, out=tmp_path / "out"))
    assert "2 casussen met een evaluatie: minder dan 3, dus niet uitgesplitst." in md
    assert "| Betrouwbaar en open | 2 |" not in md


def test_meetings_without_their_analysis_or_evaluation_are_no_case(tmp_path):
    folder = tmp_path / "cases"
    for n in range(2):
        session = _final(meeting())
        session.session.case_code = f"LOS-{n}"
        write(folder, f"los-{n}.toml", session)
    case_folder(folder, 9, None)
    gathered = gather([folder], "nl")
    assert len(gathered.cases) == 1
    assert gathered.left_out["follow_up_only"] == 2
    md = everything(bundle(folder, out=tmp_path / "out"))
    assert "2 sessies na een analyse niet meegenomen" in md


def test_an_evaluation_counts_the_latest_answer_and_two_analyses_with_one_code_stay_two(tmp_path):
    folder = tmp_path / "cases"
    case_folder(folder, 1, KEPT[0], code="DUBBEL")
    write(folder, "DUBBEL-kopie.toml", example(case_code="DUBBEL"))  # a second analysis, same code
    later = evaluation()
    later.session.case_code, later.session.date = "DUBBEL", later.session.date.replace(year=2028)
    for review in later.evaluation.reviews:
        review.kept = KeptState.kept
    write(folder, "DUBBEL-evaluatie-later.toml", _final(later))
    cases = gather([folder], "nl").cases
    assert len(cases) == 2
    evaluated = [c for c in cases if c.record.reviews]
    assert len(evaluated) == 1
    assert {r.kept for r in evaluated[0].record.reviews} == {"kept"}


def test_nothing_identifying_reaches_the_bundle_or_the_index(tmp_path):
    folder = tmp_path / "cases"
    for n, kept in enumerate(KEPT):
        files = case_folder(folder, n, kept, code=f"AKKERMAN-{n}")
    # An own commitment named with the family's name, and backing from a named organisation.
    session = evaluation()
    session.session.case_code = "AKKERMAN-2"
    session.evaluation.reviews.append(Review(id="r-9", about=ReviewAbout.commitment, commitment="Lotte eerst",
                                             kept=KeptState.kept))
    files[-1].write_text(__import__("retro_tui.store", fromlist=["dumps"]).dumps(_final(session)), "utf-8")
    md = everything(bundle(folder, out=tmp_path / "out"))
    for word in ("AKKERMAN-0", "Akkerman", "Lotte", "Lindeland"):
        assert absent(word, md), word
    assert "Dochter eerst" in md  # the own commitment, in the family's roles
    index = sqlite3.connect(Path(__import__("os").environ["RETRO_TUI_DATA"]) / "bundle-index.sqlite3")
    stored = " ".join(str(row) for row in index.execute("SELECT record FROM records"))
    assert "AKKERMAN" not in stored.upper() and "Lotte" not in stored


def test_reviews_are_read_from_the_evaluation_model():
    session = evaluation()
    session.evaluation.reviews.append(Review(id="r-8", about=ReviewAbout.course, ref="k-1"))  # not answered
    assert reviews_of(session) == [
        CommitmentReview("Koers", "kept", "commitment"),
        CommitmentReview("Betrouwbaar en open", "not_kept", "commitment"),
        CommitmentReview("course", "partly", "course"),
        CommitmentReview("youth_protection", "kept", "backing"),
    ]
    assert reviews_of(example()) == []


@pytest.mark.parametrize("name, expected", [("commitment.family_central", "commitment.family_central"),
                                            ("Het gezin staat centraal", "commitment.family_central")])
def test_a_catalogue_commitment_is_counted_by_its_id_whatever_its_label(name, expected):
    session = evaluation()
    session.evaluation.reviews = [Review(id="r-1", about=ReviewAbout.commitment, commitment=name, kept=KeptState.partly)]
    assert reviews_of(session) == [CommitmentReview(expected, "partly", "commitment")]
