"""Pseudonymising a session before it leaves the laptop: every name a family member goes
by (pseudonym and other names) becomes their role, and the family's surnames become a
neutral word, in every text of the session, quotes and notes included.

A name matches as a whole word in any case, with a possessive or plural s ("Lottes",
"Lotte's", "Sandra’s"); a surname also with its Dutch particles in any spelling ("van
der Berg", "Van der Berg", "v.d. Berg", "vd Berg") and on its own ("Berg"). Longer
names go first, so "oma Ria" becomes one role, not "oma" and a role."""

from __future__ import annotations

import re

from ..i18n import t
from ..model import Session
from .texts import rewrite

PARTICLES = r"(?:van|de|der|den|het|ten|ter|te|v\.?\s?d\.?|vd|vander|op|in|'t|von|du|la|le)"
SUFFIX = r"(?:'s|’s|s)?"


def _name_pattern(name: str) -> str:
    words = [re.escape(w) for w in name.split()]
    return r"\s+".join(words)


def _surname_patterns(surname: str) -> list[str]:
    words = surname.split()
    core = [w for w in words if not re.fullmatch(PARTICLES, w, re.IGNORECASE)] or words
    core_pattern = r"\s+".join(re.escape(w) for w in core)
    # With any particles before it ("van der Berg", "vd Berg"), and the core alone.
    return [rf"(?:{PARTICLES}\s+)+{core_pattern}", core_pattern]


class Pseudonymiser:
    def __init__(self, session: Session, lang: str):
        members = session.family.members
        # A member's label is the first part of their role ("vader van Lotte en Sem,
        # gescheiden van Sandra" -> "vader van Lotte en Sem"), with the names in it
        # replaced by the others' kinship words ("vader van dochter en zoon").
        first = {m.id: m.role.split(",")[0].strip() or t("masking.member", lang, number=i)
                 for i, m in enumerate(members, start=1)}
        kin = {m.id: first[m.id].split()[0] for m in members}
        short = self._build(members, kin, [], lang)
        labels = {m.id: short(first[m.id]) for m in members}
        self._replace = self._build(members, labels, session.family.family_names, lang)

    @staticmethod
    def _build(members, words: dict[str, str], surnames, lang):
        pairs: list[tuple[str, str]] = []
        for member in members:
            for name in (member.pseudonym, *member.aliases):
                if name.strip():
                    pairs.append((_name_pattern(name.strip()), words[member.id]))
        hidden = t("masking.family_name", lang)
        for surname in surnames:
            if surname.strip():
                pairs += [(p, hidden) for p in _surname_patterns(surname.strip())]
        if not pairs:
            return lambda text: text
        # One pass over the text, longest name first ("oma Ria" before "Ria"), so a
        # role put in is never read again as a name.
        pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
        pattern = re.compile(
            "|".join(rf"(?P<n{i}>(?<![\w]){p}{SUFFIX}(?![\w]))" for i, (p, _) in enumerate(pairs)), re.IGNORECASE
        )
        replacement = [role for _, role in pairs]
        return lambda text: pattern.sub(lambda m: replacement[int(str(m.lastgroup)[1:])], text)

    def __call__(self, text: str) -> str:
        return self._replace(text)

    def session(self, session: Session) -> Session:
        return rewrite(session, self)
