"""The identifier check before anything leaves the laptop: direct identifiers in any
free text of what will be written, each with where it is (step, item, field).

Found: citizen service numbers (BSN) that pass the 11-check, dates of birth (a full
date near "geboren", "born", ...), Dutch phone numbers, postcodes, email addresses and
IBANs that pass their mod-97 check. Numbers that fail their check are not flagged."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..i18n import label, t
from ..model import Session, StepId
from .texts import texts

# 123456782, 123 456 782, 123.456.782 or 1234.56.782: nine digits, grouped or not.
_BSN = re.compile(r"(?<![\d\-/+])(\d{3}[ .]?\d{3}[ .]?\d{3}|\d{4}[ .]\d{2}[ .]\d{3})(?![\d\-/])")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+31[\s\-]?(?:\(0\)[\s\-]?)?|0031[\s\-]?|0)"
    r"(?:[1-9](?:[\s\-]?\d){8})(?!\d)"
)
_POSTCODE = re.compile(r"(?<![\w-])([1-9]\d{3})(?: ?([A-Z]{2})|([a-z]{2}))(?!\w)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?!\w)")
_IBAN = re.compile(r"(?<!\w)([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?!\w)")
_MONTH = (r"(?:jan|feb|maa|mrt|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?")
_FULL_DATE = rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d{{2}})"
_BIRTH = re.compile(
    rf"(?i)(?:geboren|geb\.|geboortedatum|geboortedag|born|date of birth|birth date|d\.o\.b\.|dob)\W{{0,3}}(?:\w+\W+){{0,3}}?({_FULL_DATE})"
)


@dataclass(frozen=True)
class IdentifierFinding:
    kind: str  # bsn | birth_date | phone | postcode | email | iban
    text: str
    loc: tuple
    where: str
    fingerprint: str


def elfproef(digits: str) -> bool:
    if len(digits) != 9 or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def iban_ok(text: str) -> bool:
    code = text.replace(" ", "")
    if not 15 <= len(code) <= 34:
        return False
    moved = code[4:] + code[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


def find(text: str) -> list[tuple[str, str]]:
    """(kind, matched text) for each identifier in one text."""
    found: list[tuple[str, str]] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, match: re.Match, group: int = 0) -> None:
        span = match.span(group)
        if not any(a < span[1] and span[0] < b for a, b in taken):
            found.append((kind, match.group(group)))
            taken.append(span)

    for m in _IBAN.finditer(text):
        if iban_ok(m.group(1)):
            add("iban", m, 1)
    for m in _EMAIL.finditer(text):
        add("email", m)
    for m in _BIRTH.finditer(text):
        add("birth_date", m, 1)
    for m in _PHONE.finditer(text):
        add("phone", m)
    for m in _BSN.finditer(text):
        if elfproef(re.sub(r"\D", "", m.group(1))):
            add("bsn", m, 1)
    for m in _POSTCODE.finditer(text):
        letters = (m.group(2) or m.group(3) or "").upper()
        if letters not in ("SA", "SD", "SS"):
            add("postcode", m)
    return found


STEP_OF = {"checkin": StepId.checkin, "relate": StepId.relate, "family": StepId.family,
           "timeline": StepId.timeline, "insights": StepId.insights, "closing": StepId.closing}


def _where(loc: tuple, owner) -> str:
    top = loc[0]
    step = label(STEP_OF[top]) if top in STEP_OF else t(f"masking.part_{top}")
    item = ""
    for attr in ("title", "name", "pseudonym", "text", "organisation", "person"):
        value = getattr(owner, attr, "") if owner is not None else ""
        if isinstance(value, str) and value:
            item = value if len(value) <= 40 else value[:39] + "…"
            break
    name = loc[-1] if isinstance(loc[-1], str) else loc[-2]
    field = t("side.notes") if name == "notes" else t(f"field.{name}")
    if field.startswith("field."):
        field = str(loc[-1] if isinstance(loc[-1], str) else loc[-2])
    return t("masking.where", step=step, item=item or "—", field=field)


def scan(session: Session) -> list[IdentifierFinding]:
    findings = []
    for loc, text, owner in texts(session):
        for kind, matched in find(text):
            owner_id = getattr(owner, "id", "") or ""
            field = next((p for p in reversed(loc) if isinstance(p, str)), "")
            seed = "|".join((kind, re.sub(r"\s", "", matched).casefold(), owner_id, field))
            fingerprint = hashlib.sha256(seed.encode()).hexdigest()[:16]
            findings.append(IdentifierFinding(kind, matched, loc, _where(loc, owner), fingerprint))
    return findings


def unaccepted(session: Session) -> list[IdentifierFinding]:
    accepted = set(session.privacy.accepted)
    return [f for f in scan(session) if f.fingerprint not in accepted]
