"""Pseudonymised text still reads as Dutch (and English): a role at the start of a
sentence has its capital, a possessive becomes the role's possessive, and headings and
pickers say each thing once. Checked on whole sentences, as they are in the report."""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLE
from retro_tui import operations as ops
from retro_tui.report.build import build
from retro_tui.report.document import Heading, Paragraph
from retro_tui.report.export import prepared
from retro_tui.report.pseudonyms import Pseudonymiser
from retro_tui.store import load

DUTCH = [
    ("Lotte heeft een brief meegegeven.", "Dochter heeft een brief meegegeven."),
    ("Daarna zei Lotte niets. Sem huilde.", "Daarna zei dochter niets. Zoon huilde."),
    ("Oma Ria bleek de enige constante in Lottes leven.", "Grootmoeder bleek de enige constante in dochters leven."),
    ("Haar huis is het enige adres in Lotte's leven.", "Haar huis is het enige adres in dochters leven."),
    ("We gingen naar oma Ria's huis.", "We gingen naar grootmoeders huis."),
    ("Wie was er voor Sem toen Lotte er niet meer was?", "Wie was er voor zoon toen dochter er niet meer was?"),
    ("Goed gedaan! Sandra belde zelf.", "Goed gedaan! Moeder belde zelf."),
    ("Esther zei: 'Lotte wil naar huis.'", "Esther zei: 'Dochter wil naar huis.'"),
    ("- Sandra zegt dat het goed gaat\n- Ruben zwijgt", "- Moeder zegt dat het goed gaat\n- Vader zwijgt"),
    ("Rubens fiets staat bij Marco's schuur.", "Vaders fiets staat bij partners schuur."),
    ("Ze noemen hem Semmetje; Lottetje zorgt voor hem.", "Ze noemen hem zoon; dochter zorgt voor hem."),
    ("Het gezin Akkerman woont er al jaren.", "Het gezin [achternaam] woont er al jaren."),
    ("Ze sliep in Akkermans oude huis, op de bank.", "Ze sliep in [achternaam] oude huis, op de bank."),
    ("Het verhaal van Ria. Rias moestuin is haar trots.", "Het verhaal van grootmoeder. Grootmoeders moestuin is haar trots."),
    ("Een eerste alinea.\n\nLotte begon.", "Een eerste alinea.\n\nDochter begon."),
    ("Een lange zin die doorloopt\nnaar Lotte op de volgende regel.", "Een lange zin die doorloopt\nnaar dochter op de volgende regel."),
]


@pytest.mark.parametrize("written,expected", DUTCH, ids=[d[0][:30] for d in DUTCH])
def test_dutch_sentences_read_right(written, expected):
    assert Pseudonymiser(load(EXAMPLE), "nl")(written) == expected


def english_session():
    session = load(EXAMPLE)
    session.session.language = "en"
    roles = {"Sandra": "mother", "Ruben": "father of Lotte and Sem", "Marco": "mother's partner since 2019",
             "Lotte": "daughter, 14", "Sem": "son (9)", "oma Ria": "grandmother"}
    for member in session.family.members:
        member.role = roles[member.pseudonym]
    return session


ENGLISH = [
    ("Lotte's letter was read aloud. Lotte wrote it herself.", "Daughter's letter was read aloud. Daughter wrote it herself."),
    ("We visited oma Ria's house with Sem.", "We visited grandmother's house with son."),
    ("Ruben's bike; Ruben fixed it.", "Father's bike; father fixed it."),
]


@pytest.mark.parametrize("written,expected", ENGLISH, ids=[e[0][:30] for e in ENGLISH])
def test_english_sentences_read_right(written, expected):
    assert Pseudonymiser(english_session(), "en")(written) == expected


def test_no_sentence_of_the_report_starts_with_a_small_role():
    doc = build(prepared(load(EXAMPLE)))
    text = "\n".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    roles = "dochter|zoon|moeder|vader|grootmoeder|partner"
    small = re.findall(rf"(?:^|[.!?]\s+|\n)((?:{roles})\b[^.]{{0,30}})", text)
    assert small == []
    assert re.search(r"(?:^|[.!?]\s)Dochter ", text)  # the example has such sentences: they are capitalised
    assert "dochters leven" in text and "grootmoeder huis" not in text and "dochter leven" not in text


def test_headings_say_each_thing_once():
    doc = build(prepared(load(EXAMPLE)))
    heads = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 3][:6]
    assert heads == [
        "Moeder, 41",
        "Vader van dochter en zoon, gescheiden van moeder, 44",
        "Partner van moeder sinds 2019, 38",
        "Dochter, 14",
        "Zoon, 9",
        "Grootmoeder, moeder van vader, 68",
    ]


def test_the_longer_label_only_where_two_share_a_kinship_word():
    session = load(EXAMPLE)
    marco = next(m for m in session.family.members if m.pseudonym == "Marco")
    marco.role = "vader van Sem"  # a second father: each keeps whose father he is
    p = Pseudonymiser(session, "nl")
    assert p("Ruben en Marco kwamen allebei.") == "Vader van dochter en zoon en vader van zoon kwamen allebei."
    assert p("Sandra kwam ook.") == "Moeder kwam ook."


def test_pickers_say_each_thing_once_and_never_nest_brackets():
    session = load(EXAMPLE)
    lotte = next(m for m in session.family.members if m.pseudonym == "Lotte")
    assert ops.member_label(lotte) == "Lotte (dochter, 14)"  # the age is in the role already
    lotte.role = "meisje (14)"
    assert ops.member_label(lotte) == "Lotte, meisje (14)"
    lotte.role, lotte.age = "dochter", 14
    assert ops.member_label(lotte) == "Lotte (dochter, 14)"
    assert dict(ops.people(prepared(session)))[lotte.id] == "Dochter, 14"
    lotte.role = ""
    assert ops.member_label(lotte) == "Lotte (14)"
    for _, name in ops.people(prepared(load(EXAMPLE))):
        words = re.findall(r"\w+", name.casefold())
        assert "(" not in name.split("(", 1)[-1], name
        assert not re.search(r"(\b\w+\b).*\(\1\b", name.casefold()), name  # "dochter (dochter, 14)"
        assert words


def test_the_family_picture_says_each_thing_once():
    from retro_tui.report.drawing import to_svg
    from retro_tui.report.pictures import family_drawing

    svg = to_svg(family_drawing(prepared(load(EXAMPLE)), "nl"), "gezin", "family")
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "Dochter" in texts and "14" in texts and "dochter, 14" not in texts
    # Under "Vader", wrapped to the box: said once, whole, not "vader van … (vader van …)".
    at = texts.index("Vader")
    assert " ".join(texts[at + 1 : at + 3]) == "van dochter en zoon, gescheiden van moeder"
    assert sum("gescheiden van moeder" in text for text in texts) == 1
