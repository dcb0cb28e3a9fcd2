"""The identifier check before anything leaves the laptop: direct identifiers in any
free text of what will be written, each with where it is (step, item, field).

Numbers with a check are validated by the libraries the field uses: python-stdnum for
citizen service numbers (BSN, also "sofinummer" in groups or with dashes), Dutch VAT
numbers (which hold a BSN) and IBANs (any case, with or without spaces); phonenumbers'
matcher for phone numbers in running text, Dutch or international. Own patterns only
for what no library covers: postcodes, dates of birth (a full date near "geboren",
"born", ...) and e-mail addresses, also written with spaces around the @. Numbers that
fail their check are not flagged."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import btw as stdnum_btw

from ..i18n import current_language, label, t
from ..model import Session, StepId
from .texts import texts

# Nine digits, grouped by spaces, dots or dashes in any way ("123 456 782",
# "1234.56.782", "123-45-6782"), not part of a longer run of digits.
_NINE_DIGITS = re.compile(r"(?<!\d)(?<!\d[ .\-])\d(?:[ .\-]?\d){8}(?![ .\-]?\d)")
_VAT = re.compile(r"(?i)(?<![a-z0-9])NL[ .]?\d{3}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}[ .]?B[ .]?\d{2}(?![a-z0-9])")
# A country code and check digits, then letters and digits with single spaces between
# them; which prefix is the IBAN is for stdnum to say.
_IBAN_START = re.compile(r"(?i)(?<![a-z0-9])[a-z]{2}\d{2}(?: ?[a-z0-9]){10,32}")
_POSTCODE = re.compile(r"(?<![\w\-/.,])([1-9]\d{3})( ?)([A-Za-z]{2})(?![\w])")
# Lower case with a space, these are words after a number ("2019 en", "12 km"), not
# postcode letters; SA, SD and SS are never given out as postcode letters.
_NOT_POSTCODE_LETTERS = {"SA", "SD", "SS"}
_WORDS_AFTER_NUMBERS = {
    "en", "in", "op", "om", "of", "is", "te", "na", "al", "ik", "je", "we", "ze", "er", "nu", "zo", "ja", "uw",
    "at", "on", "an", "as", "by", "if", "it", "to", "or", "so", "up", "no", "be", "do", "he", "me", "my", "us",
    "km", "cm", "mm", "kg", "gr", "uu", "pm", "am", "ml", "cl", "dl", "ct", "eu", "ha", "af", "ok", "oh",
}
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\s*\.\s*[\w-]+)*\s*\.\s*[A-Za-z]{2,}(?![\w@])"
)
_MONTH = (r"(?:jan|feb|maa|mrt|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?")
_FULL_DATE = rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d{{2}})"
_BIRTH = re.compile(
    rf"(?i)(?:geboren|geb\.|geboortedatum|geboortedag|born|date of birth|birth date|d\.o\.b\.|dob)\W{{0,3}}(?:\w+\W+){{0,3}}?({_FULL_DATE})"
)


@dataclass(frozen=True)
class IdentifierFinding:
    kind: str  # bsn | vat | birth_date | phone | postcode | email | iban
    text: str
    loc: tuple
    where: str
    fingerprint: str


def elfproef(digits: str) -> bool:
    """The BSN 11-check, as stdnum does it (kept for callers that test numbers)."""
    return stdnum_bsn.is_valid(digits)


def _iban_in(text: str, match: re.Match) -> tuple[int, int] | None:
    """The longest prefix of the run that is a valid IBAN and ends where a word ends."""
    start, end = match.span()
    for stop in range(end, start + 14, -1):
        if stop < len(text) and text[stop].isalnum():
            continue
        if text[stop - 1] != " " and stdnum_iban.is_valid(text[start:stop]):
            return start, stop
    return None


# Every identifier but an e-mail address holds a digit (any script's, as the patterns'
# \d and phonenumbers read them); an address holds one of these. Most texts of a
# session hold neither and need none of the searches below.
_DIGIT = re.compile(r"\d")
_AT_SIGNS = ("@", "(at)", "[at]")


def find(text: str) -> list[tuple[str, str]]:
    """(kind, matched text) for each identifier in one text."""
    if not _DIGIT.search(text):
        if not any(sign in text for sign in _AT_SIGNS):
            return []
        return [("email", m.group()) for m in _EMAIL.finditer(text)]
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if not any(a < end and start < b for a, b in taken):
            found.append((start, kind, text[start:end]))
            taken.append((start, end))

    pos = 0
    # Searched on from where each candidate ends or fails: a long run may hold two.
    while m := _IBAN_START.search(text, pos):
        span = _iban_in(text, m)
        if span:
            add("iban", *span)
        pos = span[1] if span else m.start() + 1
    for m in _VAT.finditer(text):
        if stdnum_btw.is_valid(m.group()):
            add("vat", *m.span())
    for m in _EMAIL.finditer(text):
        add("email", *m.span())
    for m in _BIRTH.finditer(text):
        add("birth_date", *m.span(1))
    for m in _NINE_DIGITS.finditer(text):
        if stdnum_bsn.is_valid(m.group()):
            add("bsn", *m.span())
    for phone in phonenumbers.PhoneNumberMatcher(text, "NL"):
        add("phone", phone.start, phone.end)
    for m in _POSTCODE.finditer(text):
        letters = m.group(3)
        spaced_lower = letters.islower() and m.group(2)
        if letters.upper() in _NOT_POSTCODE_LETTERS or (spaced_lower and letters in _WORDS_AFTER_NUMBERS):
            continue
        if letters[0].isupper() != letters[1].isupper():
            continue  # "1250 Km", a number before a word, not "1234 AB"
        add("postcode", *m.span())
    return [(kind, matched) for _, kind, matched in sorted(found)]


STEP_OF = {"checkin": StepId.checkin, "relate": StepId.relate, "family": StepId.family,
           "timeline": StepId.timeline, "insights": StepId.insights, "closing": StepId.closing}


def _step_title(loc: tuple, kind_id: str) -> str:
    """The title of the step that records `loc` in the session's kind: a finding in a
    meeting's carried actions is "Terugkoppeling acties", not a section's name."""
    from ..method import kind

    top = loc[0]
    if kind_id == "retrospective" and top in STEP_OF:
        return label(STEP_OF[top])
    try:
        steps = kind(kind_id).steps
    except KeyError:
        steps = ()
    path = f"{top}.{loc[1]}" if len(loc) > 1 and isinstance(loc[1], str) else top
    for step in steps:
        declaration = top == "closing" and "closing.declaration" in step.records
        if path in step.records or path == step.notes or declaration:
            return step.in_language(current_language()).title
    if top in STEP_OF:
        return label(STEP_OF[top])
    found = t(f"masking.part_{top}")
    return top if found == f"masking.part_{top}" else found


def _field_label(name: str) -> str:
    for key in (f"field.{name}", f"kind_report.field.{name}"):
        found = t(key)
        if found != key:
            return found
    return name


def _where(loc: tuple, owner, kind_id: str = "retrospective") -> str:
    step = _step_title(loc, kind_id)
    item = ""
    for attr in ("title", "name", "pseudonym", "text", "what", "commitment", "organisation", "person"):
        value = getattr(owner, attr, "") if owner is not None else ""
        if isinstance(value, str) and value:
            item = value if len(value) <= 40 else value[:39] + "…"
            break
    name = loc[-1] if isinstance(loc[-1], str) else loc[-2]
    notes = name == "notes" or loc[0] == "step_notes"
    field = t("side.notes") if notes else _field_label(str(name))
    # A step's notes belong to no record: "Gezin › Aantekeningen", not "Gezin › — › …".
    if not item:
        return t("masking.where_in", step=step, field=field)
    return t("masking.where", step=step, item=item, field=field)


def scan(session: Session) -> list[IdentifierFinding]:
    findings = []
    for loc, text, owner in texts(session):
        for kind, matched in find(text):
            owner_id = getattr(owner, "id", "") or ""
            field = next((p for p in reversed(loc) if isinstance(p, str)), "")
            seed = "|".join((kind, re.sub(r"\s", "", matched).casefold(), owner_id, field))
            fingerprint = hashlib.sha256(seed.encode()).hexdigest()[:16]
            findings.append(IdentifierFinding(kind, matched, loc, _where(loc, owner, session.session.kind), fingerprint))
    return findings


def unaccepted(session: Session) -> list[IdentifierFinding]:
    accepted = set(session.privacy.accepted)
    return [f for f in scan(session) if f.fingerprint not in accepted]
