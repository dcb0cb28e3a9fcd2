"""Nothing leaked: the example family's names, planted in many variants in every free
text of the session, saved under a file name that holds the family's name, and exported
in every format from the command line. No variant may be left in any file name, any
attachment name, or any text a reader can get at: Markdown, the pictures, HTML, the Word
document (its text and its XML), every decoded part of the e-mail and the calendar."""

from __future__ import annotations

import email
import html
import io
import re
import zipfile
from email import policy
from pathlib import Path

import pytest
from docx import Document as WordDocument
from icalendar import Calendar

from conftest import EXAMPLE, made_once
from retro_tui.model import ParticipantSide
from retro_tui.report.texts import rewrite
from retro_tui.store import dumps, load

LETTER = r"[^\W\d_]"
# The family's names as people write them, and the names the test gives it on top: a
# member's other names, and two participants who are family or expert by experience.
FIRST_NAMES = ["Sandra", "Ruben", "Marco", "Lotte", "Sem", "Ria", "Charlotte", "Semmie", "Kim", "Akkerman", "Jansen"]


def variants(name: str) -> list[str]:
    last = name[-1]
    small = [name + "tje", name + "je", name + last + "etje", name + "tjes"]
    if last in "aeiou":
        small.append(name + last + "tje")  # Riaatje
    return [
        name, name.lower(), name.upper(), name + "s", name + "'s", name + "’s", name.lower() + "s",
        name + "2", name.lower() + "_a", "_" + name, name + "_2", f"({name})", f"{name}-{name}", *small,
    ]


PLANTED = [v for name in FIRST_NAMES for v in variants(name)] + ["oma Ria", "Oma Ria's", "OMA RIA", "van Akkerman"]
# What is checked for, whatever came around it: every planted form and every name.
SEARCHED = sorted({v.strip("()_") for v in PLANTED} | set(FIRST_NAMES), key=len, reverse=True)


ANY_NAME = re.compile(rf"(?i)(?<!{LETTER})(?:{'|'.join(map(re.escape, SEARCHED))})(?!{LETTER})")


def _one_branch_a_letter(forms: list[str]) -> str:
    """The forms as one alternation that branches a letter at a time ("s(?:andra|em)..."):
    the same strings, case aside. The regex engine tries each alternative in turn at
    every position of a text; with ANY_NAME's 250 forms that took 4 s over one export
    (a 5 MB mail), with some 15 first letters it takes a tenth of it."""
    tree: dict = {}
    for form in forms:
        node = tree
        for char in form.lower():
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here

    def branch(node: dict) -> str:
        alternatives = [re.escape(char) + branch(rest) for char, rest in sorted(node.items()) if char]
        alternatives += [""] if "" in node else []
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return branch(tree)


# ANY_NAME, searched faster: a hit at any place where ANY_NAME has one, and nowhere else
# (test_the_quick_search_finds_exactly_where_the_full_one_does).
QUICK = re.compile(rf"(?i)(?<!{LETTER}){_one_branch_a_letter(SEARCHED)}(?!{LETTER})")


def leaked(text: str) -> set[str]:
    # Overlapping forms ("Ria" inside "oma Ria") need no separate search: any hit fails.
    # The full search runs only to say what leaked.
    text = html.unescape(text)
    return set() if QUICK.search(text) is None else set(ANY_NAME.findall(text))


def planted_session(folder: Path) -> Path:
    session = load(EXAMPLE)
    lotte = next(m for m in session.family.members if m.pseudonym == "Lotte")
    lotte.aliases = ["Charlotte", "Lot"]
    next(m for m in session.family.members if m.pseudonym == "Sem").aliases = ["Semmie"]
    mother, expert = session.checkin.participants[-2:]
    mother.name, mother.role, mother.side = "Sandra Akkerman", "moeder", ParticipantSide.family
    expert.name, expert.role, expert.side = "Kim Jansen", "ervaringsdeskundige", ParticipantSide.expert_by_experience
    sentence = " ".join(PLANTED)
    planted = rewrite(session, lambda text: f"{text} {sentence}")
    # The names themselves stay as the family step has them: they are what is masked.
    for original, copy in zip(session.family.members, planted.family.members):
        copy.pseudonym, copy.aliases = original.pseudonym, original.aliases
    for original, copy in zip(session.checkin.participants, planted.checkin.participants):
        copy.name = original.name
    planted.family.family_names = session.family.family_names
    planted.privacy.accepted = session.privacy.accepted
    # Word keeps the title as a document property of at most 255 characters.
    planted.session.title = "Casus Lotte Akkerman: Lottetje, Semmetje en oma Ria's huis"
    planted.session.case_code = session.session.case_code  # so the names can be checked exactly
    path = folder / "2026-10-14-gezin-akkerman-lotte-en-sem.toml"
    path.write_text(dumps(planted), encoding="utf-8")
    return path


def readable(name: str, data: bytes) -> str:
    """Everything a reader of the file could get at."""
    if name.endswith(".docx"):
        document = WordDocument(io.BytesIO(data))
        parts = [p.text for p in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        props = document.core_properties
        parts += [props.title or "", props.author or "", props.subject or "", props.keywords or ""]
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            # Every part but the pictures' pixels: compressed, they match short names
            # ("kim") by chance; what a picture says is checked in its SVG and alt text.
            parts += [z.read(n).decode("utf-8", "replace") for n in z.namelist() if not n.startswith("word/media/")]
            parts += z.namelist()
        return "\n".join(parts)
    if name.endswith(".eml"):
        message = email.message_from_bytes(data, policy=policy.default)
        parts = [str(message["Subject"]), message.get_body(("plain",)).get_content()]
        for part in message.iter_attachments():
            parts.append(part.get_filename())
            parts.append(readable(part.get_filename(), part.get_content() if isinstance(part.get_content(), bytes)
                                  else part.get_content().encode("utf-8")))
        return "\n".join(parts)
    if name.endswith(".pdf"):
        # What a reader sees (pdftotext), and the document's properties (pdfinfo): the raw
        # bytes are compressed, and would match short names by chance.
        import subprocess

        from test_report_export import pdf_text

        info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True).stdout.decode("utf-8", "replace")
        return pdf_text(data) + "\n" + info
    if name.endswith(".ics"):
        calendar = Calendar.from_ical(data)
        return "\n".join(str(value) for component in calendar.walk() for value in component.values())
    return data.decode("utf-8")


def export_planted(folder: Path) -> None:
    from retro_tui.cli import main

    source = planted_session(folder)
    assert main(["export", str(source), "--format", "all", "--out", str(folder / "out"), "--lang", "nl"]) == 0


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    # Exported once in the run (four seconds of PDF, Word and pictures), not in every worker.
    out = made_once(tmp_path_factory, "no-names-leak", export_planted) / "out"
    return {p.name: p.read_bytes() for p in out.iterdir()}


def test_at_least_126_variants_are_planted_in_every_free_text():
    assert len(set(PLANTED)) >= 126
    session = load(planted_session(Path(__import__("tempfile").mkdtemp())))
    assert session.timeline.events[0].what_happened.endswith("OMA RIA van Akkerman")
    assert session.closing.core_team[0].name.endswith("van Akkerman")
    assert "Akkerman" in session.session.title


def test_the_quick_search_finds_exactly_where_the_full_one_does():
    """Each form, and each with a letter, digit or mark against it, in any case."""
    for form in [*SEARCHED, "ſandra", "oma  Ria", "Ria’", "criteria", "Semester"]:
        for around in (" {} ", "{}", "x{}", "{}x", "é{}", "{}é", "1{}2", "_{}_", "({})", "{}-{}"):
            for text in (around.format(form, form), around.format(form, form).upper()):
                full, quick = ANY_NAME.search(text), QUICK.search(text)
                assert (quick and quick.start()) == (full and full.start()), text


def test_no_variant_in_any_file_name(exported):
    assert {"md", "html", "docx", "pdf", "eml", "ics", "toml", "svg"} == {n.rsplit(".", 1)[1] for n in exported}
    for name in exported:
        assert name.startswith("VOORBEELD-FICTIEF-01-"), name
        assert leaked(name.replace("-", " ")) == set(), name


@pytest.mark.parametrize("suffix", [".md", ".svg", ".html", ".docx", ".pdf", ".eml", ".ics", ".toml"])
def test_no_variant_in_any_text(exported, suffix):
    files = [n for n in exported if n.endswith(suffix)]
    assert files
    for name in files:
        text = readable(name, exported[name])
        assert leaked(text) == set(), (name, leaked(text))


def test_the_mail_attaches_neutrally_named_files_and_says_their_names(exported):
    [name] = [n for n in exported if n.endswith(".eml")]
    message = email.message_from_bytes(exported[name], policy=policy.default)
    attached = [part.get_filename() for part in message.iter_attachments()]
    assert attached and all(a.startswith("VOORBEELD-FICTIEF-01-") for a in attached)
    assert "VOORBEELD-FICTIEF-01-verslag.docx" in attached
    body = message.get_body(("plain",)).get_content()
    assert all(a in body for a in attached)


def test_the_report_still_says_who_is_who(exported):
    """Masking must leave a readable report, not an empty one."""
    text = exported["VOORBEELD-FICTIEF-01-verslag.md"].decode("utf-8")
    for role in ("dochter", "zoon", "moeder", "grootmoeder", "ervaringsdeskundige"):
        assert re.search(rf"(?i)(?<!{LETTER}){role}", text), role
    assert "Esther Vonk" in text  # professionals keep their names


def test_a_name_in_the_case_code_is_masked_in_file_names_too(tmp_path):
    from retro_tui.report.export import export

    session = load(EXAMPLE)
    session.session.case_code = "Akkerman-Lotte-01"
    written = export(session, tmp_path / "lotte-akkerman.toml", tmp_path / "out", {"md", "docx"})
    assert written and all(p.name.startswith("achternaam-dochter-01-") for p in written)
