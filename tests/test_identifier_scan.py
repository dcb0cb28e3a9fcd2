"""The identifier check against the forms people really write, and against numbers that
only look like identifiers. Each planted form is put in a sentence, in three different
fields of the example, and must be found there as written."""

from __future__ import annotations

import pytest

from conftest import EXAMPLE
from retro_tui.report.identifier_scan import find, scan
from retro_tui.store import load

# (kind, how it is written in the text, what must be reported as found)
PLANTED = [
    ("bsn", "BSN 123456782", "123456782"),
    ("bsn", "bsn: 123 456 782", "123 456 782"),
    ("bsn", "BSN 123.456.782", "123.456.782"),
    ("bsn", "BSN 1234.56.782", "1234.56.782"),
    ("bsn", "burgerservicenummer 123-45-6782", "123-45-6782"),
    ("bsn", "sofinummer 111-222-333", "111-222-333"),
    ("bsn", "sofi-nr 1112 22 333", "1112 22 333"),
    ("bsn", "BSN:999999990", "999999990"),
    ("vat", "btw NL123456782B01", "NL123456782B01"),
    ("vat", "btw-nummer nl 123.45.67.82.B01", "nl 123.45.67.82.B01"),
    ("phone", "bel 06-12345678", "06-12345678"),
    ("phone", "bel 06 1234 5678", "06 1234 5678"),
    ("phone", "bel 06 12 34 56 78", "06 12 34 56 78"),
    ("phone", "tel. 06 12 34 56 78", "06 12 34 56 78"),
    ("phone", "tel: (020) 123 45 67", "(020) 123 45 67"),
    ("phone", "bel 020-1234567", "020-1234567"),
    ("phone", "bel 020 - 123 45 67", "020 - 123 45 67"),
    ("phone", "mobiel +31 6 12345678", "+31 6 12345678"),
    ("phone", "mobiel +31(0)6-12345678", "+31(0)6-12345678"),
    ("phone", "bel 0031 20 123 4567", "0031 20 123 4567"),
    ("phone", "bel +31 20 123 4567", "+31 20 123 4567"),
    ("phone", "bel 0612345678", "0612345678"),
    ("phone", "haar Belgische nummer +32 470 12 34 56", "+32 470 12 34 56"),
    ("phone", "in Londen +44 20 7946 0958", "+44 20 7946 0958"),
    ("phone", "tel (06) 123 456 78", "(06) 123 456 78"),
    ("postcode", "woont op 1234 AB", "1234 AB"),
    ("postcode", "woont op 1234AB", "1234AB"),
    ("postcode", "woont op 1234 ab Lindeland", "1234 ab"),
    ("postcode", "woont op 1234ab", "1234ab"),
    ("postcode", "woont op 9999 ZZ", "9999 ZZ"),
    ("email", "mail moeder@example.nl", "moeder@example.nl"),
    ("email", "mail moeder @ example.nl", "moeder @ example.nl"),
    ("email", "mail vader.akkerman@mail.example.com", "vader.akkerman@mail.example.com"),
    ("email", "mail oma (at) example.nl", "oma (at) example.nl"),
    ("iban", "rekening NL91ABNA0417164300", "NL91ABNA0417164300"),
    ("iban", "rekening NL91 ABNA 0417 1643 00", "NL91 ABNA 0417 1643 00"),
    ("iban", "rekening nl91abna0417164300", "nl91abna0417164300"),
    ("iban", "rekening nl91 abna 0417 1643 00", "nl91 abna 0417 1643 00"),
    ("iban", "rekening BE71 0961 2345 6769", "BE71 0961 2345 6769"),
    ("iban", "rekening DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),
    ("birth_date", "geboren op 14-03-2011", "14-03-2011"),
    ("birth_date", "geb. 3 maart 2012", "3 maart 2012"),
    ("birth_date", "geboortedatum: 2011-03-14", "2011-03-14"),
    ("birth_date", "born on 14/03/2011", "14/03/2011"),
]

LOOK_ALIKES = [
    "dossiernummer 123456789",  # nine digits that fail the 11-check
    "zaaknummer 123 456 789",
    "van 2019-2021 bij het wijkteam",
    "om 08.30 uur",
    "een rekening van € 1.250,00",
    "om 14:30",
    "17.00-18.30 uur",
    "in groep 8",
    "op 2019-03-14 was er overleg",  # a date, but no birth
    "100 000 euro",
    "1.250.000 euro",
    "rekening NL91ABNA0417164301",  # fails mod-97
    "in 2020 op zaterdag",
    "tussen 2019 en 2021",
    "1250 km gereden",
    "1234 SS",  # SS is never given out as postcode letters
    "versie 3.2.1",
    "overleg 8-12-2026",
    "sinds 06-2020",
    "0,5 fte",
    "€ 45,- per uur",
]


@pytest.mark.parametrize("kind,written,found", PLANTED, ids=[p[1] for p in PLANTED])
def test_each_written_form_is_found_in_every_field_it_is_in(kind, written, found):
    session = load(EXAMPLE)
    sentence = f" Volgens het dossier: {written}."
    session.quotes[2].text += sentence
    session.timeline.events[5].emotions += sentence
    session.relate.notes += sentence
    hits = [f for f in scan(session) if f.kind == kind and f.text == found]
    assert {f.loc for f in hits} == {("quotes", 2, "text"), ("relate", "notes"), ("timeline", "events", 5, "emotions")}


def test_the_table_holds_the_forms_the_issue_names():
    assert len(PLANTED) >= 40
    assert {kind for kind, _, _ in PLANTED} == {"bsn", "vat", "phone", "postcode", "email", "iban", "birth_date"}


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_are_not_flagged(text):
    assert find(f"Volgens het dossier: {text}.") == []


def test_two_identifiers_in_one_run_are_both_found():
    text = "NL91ABNA0417164300 en nl91 abna 0417 1643 00 en bel 06-12345678 of 020-1234567"
    assert [k for k, _ in find(text)] == ["iban", "iban", "phone", "phone"]


def test_a_step_s_notes_are_named_without_a_record():
    """Notes belong to the step, not to a record: the place said was "Gezin › — ›
    Aantekeningen", with a bare dash where a record's name goes."""
    session = load(EXAMPLE)
    session.family.notes += "\nBSN van moeder: 123456782."
    [hit] = [f for f in scan(session) if f.text == "123456782"]
    from retro_tui.i18n import t

    assert " — " not in hit.where and hit.where.endswith(f" › {t('side.notes')}"), hit.where
    assert hit.where.count(" › ") == 1
