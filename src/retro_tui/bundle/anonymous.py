"""What of one case may go into a regional bundle, and in what words.

A bundle is read far beyond the room: no family name, participant name, place,
organisation name, session title, case code or exact date may reach it. Every text
first goes through the report's own pseudonymiser (the family's names become their
roles), then the case's other names and places are put out of sight here, dates are
made no finer than a year, and whatever the report's identifier check still finds is
masked. Organisations are known only by their type (method/organisation_types.toml).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..i18n import t
from ..method import organisation_types
from ..model import Session
from ..report.identifier_scan import find as find_identifiers
from ..report.pseudonyms import PARTICLES, Pseudonymiser

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "january|february|march|may|june|july|august|october|"
    r"jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec"
)
_YEAR = r"((?:19|20)\d{2})"
# Finest first: a day with month and year, then month and year, then a day and month.
_DATES = [
    (re.compile(rf"(?<!\d)\d{{1,2}}[-/.]\d{{1,2}}[-/.]{_YEAR}(?!\d)"), r"\1"),
    (re.compile(rf"(?<!\d){_YEAR}-\d{{1,2}}-\d{{1,2}}(?!\d)"), r"\1"),
    (re.compile(rf"(?<!\w)\d{{1,2}}\s+(?:{_MONTHS})\.?\s+{_YEAR}(?!\d)", re.IGNORECASE), r"\1"),
    (re.compile(rf"(?<!\w)(?:{_MONTHS})\.?\s+{_YEAR}(?!\d)", re.IGNORECASE), r"\1"),
    (re.compile(rf"(?<!\w){_YEAR}-\d{{1,2}}(?!\d)"), r"\1"),
    (re.compile(rf"(?<!\w)\d{{1,2}}\s+((?:{_MONTHS}))(?!\w)", re.IGNORECASE), r"\1"),
]

# Capitalised words in an organisation's name or a place that say what, not which.
_GENERIC = {
    "het", "de", "den", "der", "van", "en", "voor", "the", "of", "and", "for", "team", "jeugd", "regionaal",
    "regionale", "stichting", "centrum", "buurthuis", "dorpshuis", "wijkcentrum", "gemeentehuis", "locatie",
    "kantoor", "vestiging", "afdeling", "zorg", "hulp", "instelling", "gecertificeerde", "residentiële",
    "fictieve", "fictief", "regio", "sociaal", "basisschool", "kindcentrum", "praktijk",
}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def organisation_type(name: str) -> str:
    """The id of the organisation's type; `other` when no type's words are in it."""
    folded = name.casefold()
    for kind in organisation_types():
        for word in kind.words:
            if len(word) <= 3:
                if re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", folded):
                    return kind.id
            elif word in folded:
                return kind.id
    return "other"


@cache
def _is_generic(word: str) -> bool:
    folded = word.casefold()
    if folded in _GENERIC or re.fullmatch(PARTICLES, folded):
        return True
    return any(w in folded if len(w) > 3 else w == folded for kind in organisation_types() for w in kind.words)


def proper_words(text: str) -> set[str]:
    """The capitalised words of a name or place that point at one organisation or place:
    "Lindeland" and "Kompas" in "Jeugd-GGZ Lindeland" and "Het Kompas, jeugdzorg"."""
    return {w for w in _WORD.findall(text) if w[0].isupper() and len(w) > 2 and not _is_generic(w)}


def _person_parts(name: str) -> tuple[str, set[str]]:
    """A person's name without what is added in brackets, and its own words."""
    whole = re.sub(r"\(.*?\)", "", name).strip()
    parts = {w for w in _WORD.findall(whole) if len(w) > 2 and w[0].isupper() and not re.fullmatch(PARTICLES, w, re.I)}
    return whole, parts


class CaseAnonymiser:
    """Callable on any text of one case: the text as a bundle may show it."""

    def __init__(self, session: Session, lang: str):
        self._family = Pseudonymiser(session, session.session.language.value)
        self.masked_identifiers = 0
        meta = session.session
        people: list[str] = [meta.facilitator, meta.notetaker]
        people += [p.name for p in session.checkin.participants]
        people += [m.name for m in session.closing.core_team]
        # Free-text speakers ("moeder (uit het voorgesprek)") are left out on purpose:
        # they hold roles, and the family's names in them are the pseudonymiser's.
        organisations = [p.organisation for p in session.checkin.participants]
        organisations += [m.organisation for m in session.closing.core_team]
        organisations += [b.organisation for b in session.closing.backing]
        places = [part for part in re.split(r"[,()]", meta.place) if part.strip()]

        # Whole phrases in any case; single words only as written with a capital, so
        # "Wit" (a surname) goes and "wit" (white) stays.
        phrases: dict[str, str] = {}
        words: dict[str, str] = {}
        name, place, case = t("bundle.mask_name", lang), t("bundle.mask_place", lang), t("bundle.mask_case", lang)
        for person in filter(None, people):
            whole, parts = _person_parts(person)
            if whole:
                phrases[whole] = name
            words.update({w: name for w in parts})
        for text in filter(None, (*organisations, *places)):
            if proper_words(text):
                phrases[text.strip()] = place
            words.update({w: place for w in proper_words(text)})
        for text in (meta.title, meta.case_code):
            if text.strip():
                phrases[text.strip()] = case
        self._phrases = _alternation(phrases, re.IGNORECASE)
        self._words = _alternation(words, 0)

    def __call__(self, text: str) -> str:
        return self.many([text])[0]

    def many(self, texts: list[str]) -> list[str]:
        """Several texts in one pass: a case's texts go through every pattern together,
        joined by a mark no pattern reaches across."""
        if not texts:
            return []
        text = self._family(_APART.join(texts))
        for pattern in (self._phrases, self._words):
            if pattern is not None:
                regex, replace = pattern
                text = regex.sub(replace, text)
        if _DIGIT.search(text):  # no digit, no date
            for regex, year in _DATES:
                text = regex.sub(year, text)
        for _kind, matched in find_identifiers(text):
            self.masked_identifiers += 1
            text = text.replace(matched, "[…]")
        out = []
        for part in text.split(_APART):
            part = " ".join(part.split())
            # A role put in at the start of a sentence ("zoon is het stille kind").
            out.append(part[:1].upper() + part[1:])
        return out


_APART = "\n\u2063\u241e\u2063\n"  # invisible separators around a record-separator sign
_DIGIT = re.compile(r"\d")


def _alternation(terms: dict[str, str], flags: int) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]] | None:
    """One pattern for all terms, longest first ("Esther Vonk" before "Esther"), and
    what each match becomes."""
    if not terms:
        return None
    ordered = sorted(terms, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in term.split()) for term in ordered)
    regex = re.compile(rf"(?<![\w])(?:{body})(?:'s|’s|s)?(?![\w])", flags)
    replacement: dict[str, str] = {}
    for term in ordered:
        replacement.setdefault(_key(term), terms[term])
    fallback = terms[ordered[0]]

    def replace(match: re.Match[str]) -> str:
        # A match may differ from its term in spacing, case or a possessive s.
        key = _key(match.group(0))
        return replacement.get(key) or replacement.get(re.sub(r"(?:'s|’s|s)$", "", key)) or fallback

    return regex, replace


def _key(text: str) -> str:
    return " ".join(text.casefold().split())
