"""Pseudonymising a session before it leaves the laptop: every name a family member goes
by (pseudonym and other names) becomes their role, and the family's surnames become a
neutral word, in every text of the session, quotes and notes included. Participants
marked as family or as expert by experience are masked the same way, by their role.

What counts as a name:
- every name as written ("oma Ria") and every capitalised part of it ("Ria"), a part
  that two people share or that is a family surname becoming a neutral word;
- in any case, with Dutch diminutives (Semmetje, Lottetje, Riaatje: -je, -tje, -pje,
  -kje, -etje), possessives and plurals (Lottes, Lotte's, Ria’s), and next to digits or
  underscores (Lotte2, lotte_a): only a letter on either side makes it another word;
- a surname also with its Dutch particles in any spelling ("van der Berg", "vd Berg").

The replacement writes the language: a role at the start of a sentence gets a capital,
and a possessive becomes the role's own possessive ("Lottes leven" → "dochters leven",
"oma Ria's huis" → "grootmoeders huis"). Professionals' full names are left as they are,
also when a family name is part of them."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..i18n import t
from ..model import Session
from ..model.enums import ParticipantSide
from .texts import rewrite

PARTICLES = r"(?:van|de|der|den|het|ten|ter|te|v\.?\s?d\.?|vd|vander|op|in|'t|von|du|la|le|el|al|ben|bin|da|di|dos)"
DIMINUTIVE = r"(?:etje|tje|pje|kje|je)"
# Only a letter next to it makes a name part of another word: digits, underscores,
# punctuation and spaces all end it.
LETTER = r"[^\W\d_]"
# A role at the start of a sentence: at the start of the text, after a full stop,
# question or exclamation mark, or a paragraph break or bullet, maybe behind an
# opening quote or bracket; and at the start of a quotation ("zei: 'Dochter ...").
_SENTENCE_END = re.compile(r"(?:(?:^|[.!?…]|\n\s*\n|\n\s*[-*•]|^\s*[-*•])[\s\"'‘“(\[«]*|:\s*[\"'‘“«]\s*)$")


@dataclass(frozen=True)
class _Name:
    pattern: str
    label: str | None  # None: a professional's name, left as written


def _words(name: str) -> str:
    return r"\s+".join(re.escape(w) for w in name.split())


def _surname_patterns(surname: str) -> list[str]:
    words = surname.split()
    core = [w for w in words if not re.fullmatch(PARTICLES, w, re.IGNORECASE)] or words
    core_pattern = r"\s+".join(re.escape(w) for w in core)
    if core == words:
        # No particles of its own: "in Akkermans huis" keeps its "in".
        return [core_pattern]
    # With its particles in any spelling ("van der Berg", "vd Berg"), and the core alone.
    return [rf"(?:{PARTICLES}\s+)+{core_pattern}", core_pattern]


def _name_parts(name: str) -> list[str]:
    """The parts of a longer name that are names themselves: capitalised, not a particle
    ("oma Ria" → Ria; "Fatima El Idrissi" → Fatima, Idrissi)."""
    words = name.split()
    if len(words) < 2:
        return []
    return [w for w in words if len(w) > 1 and w[0].isupper() and not re.fullmatch(PARTICLES, w, re.IGNORECASE)]


# Words that only lead up to a date or number ("partner van moeder sinds 2019").
_TRAILING = r"(?:sinds|vanaf|tot|in|van|en|of|since|from|until|to|in|of|and|or)"


def clean_role(role: str) -> str:
    """The kinship word of a role as a label: its first part, up to a number or a
    remark in brackets ("meisje (14)" → "meisje", "partner van moeder sinds 2019" →
    "partner van moeder")."""
    first = re.split(r"[(\d]", role.split(",")[0])[0]
    first = re.sub(rf"(?:\s+{_TRAILING})+\s*$", "", " ".join(first.split()), flags=re.IGNORECASE)
    if len(first) > 1 and first[1:2].islower():
        first = first[0].lower() + first[1:]  # a role is a common noun in running text
    return first


def genitive(label: str, lang: str) -> str:
    """The possessive of a role: "dochters", "oma's", "daughter's". A label of several
    words ("vader van dochter en zoon") gives its head word's possessive, which reads
    right where the long form would not."""
    if label.startswith("["):
        return label
    word = label.split()[0] if len(label.split()) > 1 else label
    if lang == "en":
        return word + ("'" if word.endswith("s") else "'s")
    if word.endswith(("s", "x", "z", "sch")):
        return word + "'"
    if word[-1:] in "aiouyé" and not word.endswith(("ie", "ee")):
        return word + "'s"
    return word + "s"


class Pseudonymiser:
    def __init__(self, session: Session, lang: str):
        self.lang = lang
        members = session.family.members
        hidden_surname = t("masking.family_name", lang)
        hidden_name = t("masking.name", lang)

        # A member's label is the kinship word of their role, with the names in it
        # replaced by the others' kinship words ("vader van Lotte en Sem" → "vader van
        # dochter en zoon").
        first = {m.id: clean_role(m.role) or t("masking.member", lang, number=i)
                 for i, m in enumerate(members, start=1)}
        kin = {m.id: first[m.id].split()[0] for m in members}
        people = [(m.id, (m.pseudonym, *m.aliases)) for m in members]
        short = self._compile(self._entries(people, kin, [], {}, hidden_surname, hidden_name))
        labels = {m.id: short(first[m.id]) for m in members}
        labels = {k: v[0].lower() + v[1:] if v[1:2].islower() else v for k, v in labels.items()}
        # In running text the kinship word alone reads best ("vader zegt weinig"); the
        # longer label only where two members share it (two fathers in a blended family).
        shared = {word for word in kin.values() if list(kin.values()).count(word) > 1}
        labels = {k: v if kin[k] in shared else kin[k][0].lower() + kin[k][1:] for k, v in labels.items()}

        masked = [p for p in session.checkin.participants if p.side != ParticipantSide.professional]
        for p in masked:
            labels[p.id] = short(clean_role(p.role)) or t(f"privacy.side_{p.side.value}", lang)
            people.append((p.id, (p.name,)))
        keep = {p.name: None for p in session.checkin.participants if p.side == ParticipantSide.professional}
        entries = self._entries(people, labels, session.family.family_names, keep, hidden_surname, hidden_name)
        self._replace = self._compile(entries)

    @staticmethod
    def _entries(people, labels, surnames, keep, hidden_surname, hidden_name) -> list[_Name]:
        entries: list[_Name] = []
        surname_cores = set()
        for surname in surnames:
            if surname.strip():
                entries += [_Name(p, hidden_surname) for p in _surname_patterns(surname.strip())]
                surname_cores |= {w.casefold() for w in surname.split()}
        whole: dict[str, set[str]] = defaultdict(set)
        parts: dict[str, set[str]] = defaultdict(set)
        for ident, names in people:
            for name in names:
                name = " ".join(name.split())
                if len(name) < 2:
                    continue  # a one-letter "name" would mask every "a" and "I"
                whole[name.casefold()].add(ident)
                for part in _name_parts(name):
                    parts[part.casefold()].add(ident)

        def label(owners: set[str]) -> str:
            # A name two people go by would give one of them the other's role: neutral.
            return labels[next(iter(owners))] if len(owners) == 1 else hidden_name

        for name, owners in whole.items():
            entries.append(_Name(_words(name), label(owners)))
        for part, owners in parts.items():
            if part in whole or part in surname_cores:
                continue  # the whole name or the surname says it already
            entries.append(_Name(_words(part), label(owners)))
        entries += [_Name(_words(name), None) for name in keep if name.strip()]
        return entries

    def _compile(self, entries: list[_Name]):
        if not entries:
            return lambda text: text
        # One pass over the text, longest name first ("oma Ria" before "Ria"), so a
        # role put in is never read again as a name.
        entries = sorted(entries, key=lambda e: len(e.pattern), reverse=True)
        alternatives = []
        for i, entry in enumerate(entries):
            last = re.escape(entry.pattern[-1]) if entry.pattern[-1:].isalpha() else ""
            # Semmetje, Riaatje: the last letter doubled before a diminutive.
            double = rf"(?:{last}(?={DIMINUTIVE}))?" if last else ""
            alternatives.append(rf"(?P<n{i}>{entry.pattern}){double}")
        pattern = re.compile(
            rf"(?<!{LETTER})(?:{'|'.join(alternatives)})(?P<dim>{DIMINUTIVE})?(?P<poss>['’]s|s)?(?!{LETTER})",
            re.IGNORECASE,
        )
        groups = [pattern.groupindex[f"n{i}"] for i in range(len(entries))]
        lang = self.lang

        def one(m: re.Match) -> str:
            spans = m.regs
            entry = next(entries[i] for i, g in enumerate(groups) if spans[g][0] >= 0)
            if entry.label is None:
                return m.group(0)
            word = genitive(entry.label, lang) if m.group("poss") else entry.label
            written = m.group(0)
            if written.isupper() and len(written) > 1:
                return word.upper()
            # A short look back is enough to see a sentence end, and keeps long texts linear.
            if _SENTENCE_END.search(m.string, max(0, m.start() - 40), m.start()) and word[:1].islower():
                return word[0].upper() + word[1:]
            return word

        return lambda text: pattern.sub(one, text)

    def __call__(self, text: str) -> str:
        return self._replace(text)

    def session(self, session: Session) -> Session:
        return rewrite(session, self)
