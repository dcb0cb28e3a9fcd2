"""`retro-tui import-timeline SESSION FILE`: a first timeline from a spreadsheet."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from retro_tui.i18n import label
from retro_tui.model import EventKind, Lane
from retro_tui.store import load

DATA = Path(__file__).resolve().parent / "data" / "timeline"
HEADER_NL = ["Datum", "Baan", "Soort", "Titel", "Beschrijving", "Cruciaal"]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ";", bom: bool = True) -> Path:
    """As a spreadsheet writes it: CRLF line ends, quotes only where needed."""
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def two_hundred_rows() -> list[list[str]]:
    lanes = ["gezin", "professionals", "boven", "onder", "Hulpverlening"]
    kinds = [label(kind, lang="nl") for kind in EventKind]
    dates = ["2019", "2019-03", "2019-03-14", "14-3-2019", "3-2020", "1/2/2021"]
    rows = [HEADER_NL]
    for n in range(200):
        description = f"Regel een van {n};\r\nregel twee, met komma" if n % 7 == 0 else f"Beschrijving {n}"
        rows.append([dates[n % 6], lanes[n % 5], kinds[n % 8].capitalize(), f"Gebeurtenis {n}", description, "ja" if n % 10 == 0 else ""])
    return rows


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def rows_named(err: str) -> list[int]:
    return sorted({int(n) for n in re.findall(r"\b(?:row|rij) (\d+):", err)})


@pytest.mark.parametrize("delimiter,bom", [(";", True), (",", False)], ids=["excel-nl", "comma"])
def test_a_200_row_spreadsheet_is_imported_fully(tmp_path, run_cli, example_copy, delimiter, bom):
    before = len(load(example_copy).timeline.events)
    source = write_csv(tmp_path / "tijdlijn.csv", two_hundred_rows(), delimiter, bom)
    code, out, err = run_cli("import-timeline", str(example_copy), str(source))
    assert (code, err) == (0, "")
    assert f"200 events added to {example_copy}" in out
    events = load(example_copy).timeline.events
    assert len(events) == before + 200
    new = {e.title: e for e in events[before:]}
    assert len({e.id for e in events}) == len(events)
    first = new["Gebeurtenis 0"]
    assert (first.date, first.lane, first.kind, first.crucial) == ("2019", Lane.family, EventKind.decision, True)
    assert first.what_happened == "Regel een van 0;\nregel twee, met komma"
    assert (new["Gebeurtenis 1"].date, new["Gebeurtenis 1"].lane) == ("2019-03", Lane.professionals)
    assert new["Gebeurtenis 2"].kind == EventKind.family_fact  # "Feit in het gezin"
    assert new["Gebeurtenis 3"].date == "2019-03-14"  # 14-3-2019, day first
    assert (new["Gebeurtenis 4"].date, new["Gebeurtenis 4"].lane) == ("2020-03", Lane.professionals)
    assert new["Gebeurtenis 5"].date == "2021-02-01"
    assert new["Gebeurtenis 7"].kind == EventKind.other and not new["Gebeurtenis 7"].crucial


def test_dutch_excel_file_as_saved(tmp_path, run_cli, example_copy):
    # BOM, ";", CRLF, a quoted cell spanning two lines, doubled quotes and an empty row.
    before = len(load(example_copy).timeline.events)
    code, out, _ = run_cli("import-timeline", "--lang", "nl", str(example_copy), str(DATA / "excel-nl.csv"))
    assert code == 0
    assert f"4 gebeurtenissen toegevoegd aan {example_copy}" in out
    new = load(example_copy).timeline.events[before:]
    assert [e.title for e in new] == [
        "Ouders gaan uit elkaar", "Besluit uithuisplaatsing", "Lotte naar pleeggezin", "Wijkteam belt school",
    ]
    assert [e.date for e in new] == ["2018", "2019-03", "2019-03-14", "2019-09"]
    assert new[1].what_happened == "Overleg wijkteam, jeugdbescherming en school.\nMoeder was er niet bij; vader niet uitgenodigd."
    assert new[2].what_happened == 'Moeder: "Ik werd niet gehoord."'
    assert [e.crucial for e in new] == [False, True, True, False]
    assert new[3].lane == Lane.professionals and new[3].kind == EventKind.contact


def test_three_bad_rows_import_nothing_and_are_all_named(tmp_path, run_cli, example_copy):
    # Rows are counted as the spreadsheet shows them: row 3's two-line cell is one row.
    rows = [HEADER_NL] + [["2019", "gezin", "", f"Goed {n}", "", ""] for n in range(12)]
    rows[2][4] = "Eerste regel\r\ntweede regel\r\nderde regel"
    rows[4][0] = "2019-02-30"  # row 5
    rows[7][1] = "midden"  # row 8
    rows[10][3] = ""  # row 11
    source = write_csv(tmp_path / "tijdlijn.csv", rows)
    before = snapshot(tmp_path)
    code, out, err = run_cli("import-timeline", "--lang", "nl", str(example_copy), str(source))
    assert (code, out) == (2, "")
    assert rows_named(err) == [5, 8, 11]
    assert str(source) in err and "niets geïmporteerd" in err
    assert "rij 5: datum '2019-02-30' bestaat niet" in err
    assert "rij 8: baan 'midden' is onbekend" in err
    assert "rij 11: titel ontbreekt" in err
    assert snapshot(tmp_path) == before  # no change, no .bak, no temp file


def test_the_message_follows_the_language(tmp_path, run_cli, example_copy):
    source = write_csv(tmp_path / "t.csv", [HEADER_NL, ["2019-02-30", "gezin", "", "X", "", ""]])
    code, _, err = run_cli("import-timeline", "--lang", "en", str(example_copy), str(source))
    assert code == 2
    assert "row 2: date '2019-02-30' does not exist" in err


def test_english_headers_in_any_order_and_case(tmp_path, run_cli, example_copy):
    rows = [
        [" Title ", "DESCRIPTION", "lane", "Kind", "date", "Crucial", "Date label"],
        ["Mother asks for help", "At the GP", "below", "need voiced by the family", "2019-04", "yes", "spring 2019"],
        ["Team meeting", "", "above", "Decision", "2019", "no", ""],
    ]
    source = write_csv(tmp_path / "timeline.csv", rows, ",", bom=False)
    before = len(load(example_copy).timeline.events)
    code, out, _ = run_cli("import-timeline", str(example_copy), str(source))
    assert code == 0 and "2 events added" in out
    asks, meeting = load(example_copy).timeline.events[before:]
    assert (asks.lane, asks.kind, asks.crucial, asks.date_label) == (Lane.family, EventKind.family_need, True, "spring 2019")
    assert asks.what_happened == "At the GP"
    assert (meeting.lane, meeting.kind, meeting.crucial) == (Lane.professionals, EventKind.decision, False)


@pytest.mark.parametrize(
    "content,words",
    [
        (b"Datum;Baan;Titel;Beschrijvng\n2019;gezin;X;Y\n", ["Beschrijvng", "unknown column"]),
        (b"Datum;Titel\n2019;X\n", ["missing column", "lane"]),
        (b"Datum;Date;Baan;Titel\n2019;2019;gezin;X\n", ["Datum, Date"]),
        ("Datum;Baan;Titel\r\n2019;gezin;Café – één\r\n".encode("cp1252"), ["not UTF-8", "line 2"]),
        (b"", ["empty"]),
        (b"\xef\xbb\xbf\r\n\r\n", ["empty"]),
        (b"2019;gezin;Besluit\n", ["first row names no columns"]),
        (b"Datum;Baan;Titel\n;;\n", ["no events below the header"]),
        (b"Datum;Baan;Titel\n2019;gezin;X;verdwaald\n", ["row 2", "'verdwaald'", "without a header"]),
    ],
    ids=["unknown-column", "missing-column", "same-column-twice", "not-utf8", "empty", "blank-lines", "no-header", "header-only", "stray-cell"],
)
def test_a_bad_file_is_refused_and_nothing_changes(tmp_path, run_cli, example_copy, content, words):
    source = tmp_path / "tijdlijn.csv"
    source.write_bytes(content)
    before = snapshot(tmp_path)
    code, out, err = run_cli("import-timeline", str(example_copy), str(source))
    assert (code, out) == (2, "")
    assert str(source) in err and "nothing imported" in err
    for word in words:
        assert word in err
    assert snapshot(tmp_path) == before


def test_a_missing_csv_file(tmp_path, run_cli, example_copy):
    before = snapshot(tmp_path)
    code, _, err = run_cli("import-timeline", str(example_copy), str(tmp_path / "nope.csv"))
    assert code == 2 and "nope.csv" in err and "no such file" in err
    assert snapshot(tmp_path) == before


def test_a_session_that_does_not_load_gets_its_own_message(tmp_path, run_cli):
    session = tmp_path / "broken.toml"
    session.write_text("schema_version = 1\n[session]\ntitle = 3\n")
    source = write_csv(tmp_path / "t.csv", [HEADER_NL, ["2019", "gezin", "", "X", "", ""]])
    before = snapshot(tmp_path)
    code, _, err = run_cli("import-timeline", str(session), str(source))
    assert code == 2 and str(session) in err and "problems" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "cell,date",
    [("2019", "2019"), ("2019-3", "2019-03"), ("14/3/2019", "2019-03-14"), ("3-2019", "2019-03"), ("01.02.2020", "2020-02-01")],
)
def test_date_forms_from_spreadsheets(tmp_path, run_cli, example_copy, cell, date):
    source = write_csv(tmp_path / "t.csv", [HEADER_NL, [cell, "gezin", "", "X", "", ""]])
    code, out, _ = run_cli("import-timeline", str(example_copy), str(source))
    assert code == 0 and "1 event added" in out
    assert load(example_copy).timeline.events[-1].date == date


def test_a_real_process_reports_without_a_traceback(tmp_path, example_copy):
    source = tmp_path / "t.csv"
    source.write_bytes("Datum;Baan;Titel\n2019;gezin;café\n".encode("latin-1"))
    result = subprocess.run(
        [sys.executable, "-m", "retro_tui", "import-timeline", "--lang", "nl", str(example_copy), str(source)],
        capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert "geen UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_spoken_dates_keep_their_words(tmp_path, run_cli, example_copy):
    rows = [HEADER_NL, ["voorjaar 2019", "gezin", "", "Verhuizing", "", ""], ["ooit", "gezin", "", "X", "", ""]]
    source = write_csv(tmp_path / "t.csv", rows)
    code, _, err = run_cli("import-timeline", str(example_copy), str(source))
    assert code == 2 and rows_named(err) == [3] and "'ooit' is not a date" in err
    write_csv(source, rows[:2])
    assert run_cli("import-timeline", str(example_copy), str(source))[0] == 0
    event = load(example_copy).timeline.events[-1]
    assert (event.date, event.date_label) == ("2019-04", "voorjaar 2019")  # spring sits in April


def test_a_pipe_named_csv_is_refused_at_once_and_the_session_is_untouched(tmp_path):
    """A FIFO opened for reading waits for a writer for ever: the real command must say
    what it is and exit 2 instead of hanging (the timeout is the test's guard)."""
    import os
    import shutil

    from conftest import EXAMPLE

    session = tmp_path / "s.toml"
    shutil.copy(EXAMPLE, session)
    before = session.read_bytes()
    pipe = tmp_path / "gebeurtenissen.csv"
    os.mkfifo(pipe)
    result = subprocess.run([sys.executable, "-m", "retro_tui", "import-timeline", str(session), str(pipe), "--lang", "nl"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    # One line naming the CSV and what it is; not called a session file, which it never was.
    assert result.stderr.strip().splitlines() == [f"{pipe}: niets geïmporteerd: dit is een pipe (FIFO), geen gewoon bestand"]
    assert session.read_bytes() == before
