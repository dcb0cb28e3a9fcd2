"""`retro-tui bundle`: counts a test computes on its own, each anonymity rule planted and
found absent, the index that re-reads only what changed, and old files that still load."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest
from docx import Document as WordDocument

from retro_tui.bundle.collect import CaseRecord, CommitmentReview, InsightRecord
from retro_tui.bundle.build import build_bundle
from retro_tui.bundle.counts import Case
from retro_tui.bundle.index import Index
from retro_tui.bundle.run import gather
from retro_tui.cli import main
from retro_tui.method import catalogue
from retro_tui.model import InsightLevel, Status
from retro_tui.report import markdown
from retro_tui.store import dumps, load, loads

from conftest import EXAMPLE

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from bundle_corpus import make_corpus

LABEL_NL = {item.id: item.label["nl"] for item in catalogue()}


@pytest.fixture(autouse=True)
def own_index(tmp_path, monkeypatch):
    monkeypatch.setenv("RETRO_TUI_DATA", str(tmp_path / "data"))


def example(**meta):
    session = load(EXAMPLE)
    session.session.status = Status.final
    for key, value in meta.items():
        setattr(session.session, key, value)
    return session


def write(folder: Path, name: str, session) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(dumps(session), "utf-8")
    return path


def bundle(*paths: Path, out: Path, extra: tuple[str, ...] = (), code: int = 0) -> dict[str, str]:
    """Run the real command; every file it wrote, as text (Word: its paragraphs and cells)."""
    assert main(["bundle", *map(str, paths), "--out", str(out), "--lang", "nl", *extra]) == code
    written = {}
    for file in out.iterdir():
        if file.suffix == ".docx":
            word = WordDocument(str(file))
            cells = [c.text for table in word.tables for row in table.rows for c in row.cells]
            written[file.name] = "\n".join([p.text for p in word.paragraphs] + cells)
        elif file.suffix != ".png":
            written[file.name] = file.read_text("utf-8")
    return written


def absent(word: str, text: str) -> bool:
    """Not as a word of its own ("Ria" may be in "aria-label", never on its own)."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is None


def everything(written: dict[str, str]) -> str:
    # Markdown escapes and HTML entities must not hide a planted word from the search.
    text = "\n".join(written.values())
    return re.sub(r"\\(.)", r"\1", text).replace("&#x27;", "'").replace("&amp;", "&")


# --- counts ----------------------------------------------------------------------------


def independent_counts(files: list[Path]) -> tuple[dict[str, set[str]], dict[str, int]]:
    """Per tag: the files and the number of insights that name it, from the raw TOML."""
    cases: dict[str, set[str]] = defaultdict(set)
    insights: dict[str, int] = defaultdict(int)
    for file in files:
        data = tomllib.loads(file.read_text("utf-8"))
        for insight in data.get("insights", {}).get("items", []):
            for tag in set(insight.get("tags", [])):
                cases[tag].add(file.name)
                insights[tag] += 1
    return cases, insights


def test_counts_of_the_example_and_generated_cases_match_an_independent_count(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 7, seed=3)
    for path in corpus:  # the generator leaves some drafts: this test bundles them all
        session = load(path)
        session.session.status = Status.final
        path.write_text(dumps(session), "utf-8")
    files = [*corpus, write(tmp_path / "corpus", "voorbeeld.toml", example())]
    cases, insights = independent_counts(files)

    written = bundle(tmp_path / "corpus", out=tmp_path / "out")

    rows = list(csv.reader(io.StringIO(written["bundle-matrix.csv"])))
    ids, body = rows[0][1:], rows[2:]
    assert [r[0] for r in body] == ["A", "B", "C", "D", "E", "F", "G", "H"]
    assert set(ids) == set(cases)
    for column, tag in enumerate(ids, start=1):
        assert sum(int(r[column]) for r in body) == insights[tag], tag
        assert sum(1 for r in body if int(r[column])) == len(cases[tag]), tag
    # The report's own table of patterns says the same.
    md = written["bundle-report.md"]
    for tag in (t for t in cases if t.startswith("pattern.")):
        row = f"| {markdown.escape(LABEL_NL[tag])} | {len(cases[tag])} | {insights[tag]} |"
        assert row in md, row
    assert "8 casusanalyses gebundeld" in md


def test_insights_are_grouped_by_their_level_and_untagged_levels_follow_the_tags(tmp_path):
    session = example()
    levels = {i.id: i.level for i in session.insights.items}
    session.insights.items[0].level = None  # its tags' patterns sit in the family system
    cases = [Case("A", _record(session))]
    doc = build_bundle(cases, "nl")
    text = markdown.render(doc)
    family_part = text.split("3.1 Benoemd in het gezinssysteem")[1].split("### 3.2")[0]
    assert "Gezinspatronen niet de basis van de hulp" in family_part
    collaboration = text.split("### 3.3 Benoemd in de samenwerking")[1].split("### 3.4")[0]
    assert LABEL_NL["pattern.islands"] in collaboration and levels["in-eilanden"] == InsightLevel.collaboration


def _record(session):
    from retro_tui.bundle.collect import record_of

    return record_of(session, "nl")


# --- anonymous by construction ------------------------------------------------------------


def three_cases(tmp_path: Path, planted_text: str, **meta) -> tuple[Path, list[Path]]:
    folder = tmp_path / "cases"
    paths = []
    for n in range(3):
        session = example(**meta)
        session.insights.items[0].text = planted_text
        session.quotes[0].for_programme = True
        session.quotes[0].text = planted_text
        paths.append(write(folder, f"casus-{n}.toml", session))
    return folder, paths


@pytest.mark.parametrize("planted, forbidden", [
    ("Lotte Akkerman en oma Ria kwamen niet.", ["Lotte", "Akkerman", "Ria"]),
    ("Esther Vonk belde Jeroen en mevrouw El Idrissi.", ["Esther", "Vonk", "Jeroen", "Idrissi"]),
    ("In Lindeland-Oost, bij Het Kompas en De Vlinderboom.", ["Lindeland", "Kompas", "Vlinderboom"]),
    ("Buurthuis De Wilg was vol.", ["Wilg"]),
    ("Ingrid Maas en Tom Verbeek schreven mee.", ["Ingrid", "Maas", "Verbeek"]),
    ("Op 14-03-2021 en op 2 februari 2022 en in maart 2023.", ["14-03-2021", "2 februari", "maart 2023"]),
    ("Bel 06-12345678 of mail ria@example.nl, BSN 111222333.", ["12345678", "ria@example.nl", "111222333"]),
    ("Mail naar moeder.thuis@voorbeeld.nl.", ["moeder.thuis@voorbeeld.nl"]),
])
def test_a_planted_name_place_date_or_identifier_is_absent_from_every_output(tmp_path, planted, forbidden):
    folder, _ = three_cases(tmp_path, planted)
    text = everything(bundle(folder, out=tmp_path / "out"))
    for word in forbidden:
        assert absent(word, text), word


def test_titles_case_codes_file_names_and_exact_dates_are_absent(tmp_path):
    folder, paths = three_cases(tmp_path, "Zie Dossier Zwanenburg-Oktay, ZW-2026-4471.", title="Dossier Zwanenburg-Oktay",
                                case_code="ZW-2026-4471", date=dt.date(2025, 5, 17))
    secret = paths[0].rename(paths[0].with_name("geheim-dossier-kuipers.toml"))
    assert secret.exists()
    text = everything(bundle(folder, out=tmp_path / "out"))
    for word in ("Zwanenburg", "Oktay", "ZW-2026-4471", "kuipers", "geheim", "2025-05-17", "17 mei", "17-05-2025"):
        assert absent(word, text), word
    assert "2025 Q2" in text  # the period, by quarter only


def test_organisations_appear_by_type_and_a_group_under_three_cases_is_left_out(tmp_path):
    folder = tmp_path / "cases"
    for n in range(4):
        session = example()
        # Everyone from youth protection in every case; the police in only two.
        session.checkin.participants[0].organisation = "Jeugdbescherming Noordkaap"
        session.checkin.participants[1].organisation = "Politie Noordkaap" if n < 2 else "Wijkteam Noordkaap"
        write(folder, f"c{n}.toml", session)
    md = bundle(folder, out=tmp_path / "out")["bundle-report.md"]
    programme = md.split("## 2")[0]
    assert "jeugdbescherming (gecertificeerde instelling) | 4 |" in programme
    assert "politie" not in programme.casefold()
    assert "Noordkaap" not in md
    assert "met minder dan 3 casussen weggelaten" in programme


def test_only_final_sessions_unless_all(tmp_path):
    folder = tmp_path / "cases"
    write(folder, "final.toml", example())
    write(folder, "draft.toml", example(status=Status.report_draft))
    assert "1 casusanalyse gebundeld" in bundle(folder, out=tmp_path / "a")["bundle-report.md"]
    assert "2 casusanalyses gebundeld" in bundle(folder, out=tmp_path / "b", extra=("--all",))["bundle-report.md"]


def test_identifiers_masked_are_counted_in_the_report(tmp_path):
    folder, _ = three_cases(tmp_path, "Bel 06-12345678.")
    md = bundle(folder, out=tmp_path / "out")["bundle-report.md"]
    assert "directe kenmerken" in md and "06-12345678" not in md


# --- evaluations ----------------------------------------------------------------------------


def _evaluated(letter: str, reviews: list[tuple[str, str]]) -> Case:
    record = CaseRecord("final", "retrospective", "nl", 2025, 1, [], [InsightRecord("x", "", ["pattern.islands"])], [],
                        reviews=[CommitmentReview(c, k) for c, k in reviews])
    return Case(letter, record)


def test_kept_commitments_are_counted_from_evaluations_and_too_few_are_left_out():
    cases = [_evaluated("A", [("commitment.family_central", "kept"), ("Koers", "not_kept")]),
             _evaluated("B", [("commitment.family_central", "partly")]),
             _evaluated("C", [("commitment.family_central", "kept")])]
    md = markdown.render(build_bundle(cases, "nl"))
    assert "| Het gezin staat centraal | 3 | 2 | 1 | 0 |" in md
    assert "| Koers | 1 | 0 | 0 | 1 |" in md
    few = markdown.render(build_bundle(cases[:2], "nl"))
    assert "minder dan 3, dus niet uitgesplitst" in few and "Het gezin staat centraal |" not in few


# --- the index ------------------------------------------------------------------------------


def test_the_index_rereads_only_what_changed(tmp_path):
    folder = tmp_path / "cases"
    paths = [write(folder, f"c{n}.toml", example()) for n in range(3)]
    index = Index(tmp_path / "idx")
    first = gather([folder], "nl", index=index)
    assert index.stats.parsed == 3 and len(first.cases) == 3
    gather([folder], "nl", index=index)
    assert (index.stats.hashed, index.stats.parsed) == (0, 0)
    os.utime(paths[0], ns=(1, 1))  # touched, same bytes: hashed, not parsed
    gather([folder], "nl", index=index)
    assert (index.stats.hashed, index.stats.parsed) == (1, 0)
    session = load(paths[1])
    session.insights.items[0].tags = ["pattern.hot_potato"]
    paths[1].write_text(dumps(session), "utf-8")
    again = gather([folder], "nl", index=index)
    assert (index.stats.hashed, index.stats.parsed) == (1, 1)
    assert any(i.tags == ["pattern.hot_potato"] for c in again.cases for i in c.record.insights)
    assert oct((tmp_path / "idx" / "bundle-index.sqlite3").stat().st_mode & 0o777) == "0o600"
    # A removed file and an old version leave nothing behind.
    paths[2].unlink()
    gather([folder], "nl", index=index)
    rows = index._db.execute("SELECT COUNT(*) FROM records").fetchone()[0], \
        index._db.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    assert rows == (2, 2)


def test_the_index_holds_no_names(tmp_path):
    folder, _ = three_cases(tmp_path, "Esther Vonk sprak met Lotte.")
    index = Index(tmp_path / "idx")
    gather([folder], "nl", index=index)
    index.close()
    raw = (tmp_path / "idx" / "bundle-index.sqlite3").read_bytes()
    for word in (b"Esther", b"Vonk", b"Lotte", b"Akkerman", b"Lindeland"):
        assert word not in raw


def test_an_unreadable_file_is_named_and_the_rest_is_bundled(tmp_path, capsys):
    folder = tmp_path / "cases"
    write(folder, "good.toml", example())
    (folder / "broken.toml").write_text("schema_version = 1\n[session\n", "utf-8")
    before = (folder / "broken.toml").read_bytes()
    md = bundle(folder, out=tmp_path / "out", code=2)["bundle-report.md"]  # bad input: exit 2
    assert "1 casusanalyse gebundeld" in md and "1 bestand kon niet gelezen worden" in md
    [said] = [line for line in capsys.readouterr().err.splitlines() if "broken.toml" in line]
    assert said.count("broken.toml") == 1 and "regel" in said, said  # the path once, then where
    assert (folder / "broken.toml").read_bytes() == before


def test_without_out_and_without_a_terminal_it_says_what_to_do(tmp_path, capsys):
    assert main(["bundle", str(EXAMPLE)]) == 2
    assert "--out" in capsys.readouterr().err


# --- the model ------------------------------------------------------------------------------


def test_the_example_and_a_file_from_before_levels_both_load():
    text = EXAMPLE.read_text("utf-8")
    assert {i.level for i in loads(text, EXAMPLE).insights.items} >= {InsightLevel.family_system, InsightLevel.collaboration}
    old = re.sub(r"(?m)^(level|for_programme) = .*\n", "", text)
    assert old != text
    session = loads(old, EXAMPLE)
    assert all(i.level is None for i in session.insights.items)
    assert not any(q.for_programme for q in session.quotes)
    assert "level =" not in dumps(session)  # saving an old file adds nothing it did not say


def test_the_catalogue_holds_what_seed_004_names():
    ids = {item.id for item in catalogue()}
    chair = {i for i in ids if i.startswith("element.chair_")}
    assert len(chair) == 5
    assert {"element.method_from_principles", "element.continuous_learning"} <= ids
    assert len([i for i in ids if i.startswith("commitment.")]) == 8
    for finer in ("intergenerational", "place_to_place", "no_compact_information", "no_continuous_steering",
                  "filling_gaps", "urge_to_control", "difficult_family_label", "inquiry_fades",
                  "direction_not_secured", "contracts_islands", "supervision_within_walls"):
        assert f"pattern.{finer}" in ids
    assert all(item.level for item in catalogue() if item.id.startswith("pattern."))


def test_an_identifier_without_a_digit_is_masked_too():
    from retro_tui.bundle.anonymous import CaseAnonymiser

    anonymous = CaseAnonymiser(example(), "nl")
    assert anonymous("Mail naar moeder.thuis@voorbeeld.nl graag.") == "Mail naar […] graag."
    assert anonymous.masked_identifiers == 1


def test_a_sessions_own_catalogue_entry_is_counted_but_never_named(tmp_path):
    from retro_tui.model import CatalogueEntry

    folder = tmp_path / "cases"
    for n in range(3):
        session = example()
        session.catalogue.append(CatalogueEntry(id="pattern.sandra_belt_wethouder", nl="Sandra belt de wethouder"))
        session.insights.items[0].tags = ["pattern.sandra_belt_wethouder"]
        write(folder, f"c{n}.toml", session)
    text = everything(bundle(folder, out=tmp_path / "out"))
    assert absent("sandra_belt_wethouder", text) and absent("wethouder", text.replace("pattern.", ""))
    assert "eigen toevoeging van een sessie (disfunctioneel patroon)" in text
