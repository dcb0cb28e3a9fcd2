"""Quick add: one typed line becomes an event, its date, kind and lane guessed from the
words, in Dutch or English (people mix them), so a facilitator can keep up with the
room and refine later.

Rules, in order:
- the date is the longest run of words at the start that is a date (`spoken_dates`);
- `speaker: "words"` is something said: by a family member it is the family's
  experience, by a professional a contact;
- otherwise the kind is the first kind whose words occur, in the order of KIND_ORDER:
  a decision word wins over a placement word ("besluit uithuisplaatsing" is a decision);
- the lane: a professional or organisation acting puts it above the line; else a
  family member, a family word, or a family kind puts it below; else above.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..model.enums import EventKind, Lane
from .spoken_dates import split_when

KIND_ORDER = (
    EventKind.decision, EventKind.placement, EventKind.crisis, EventKind.family_need,
    EventKind.family_experience, EventKind.family_fact, EventKind.contact,
)
FAMILY_KINDS = {EventKind.family_fact, EventKind.family_need, EventKind.family_experience}
_SAID = re.compile(r"""^(?P<who>[^:"“”']{1,40}?)\s*:\s*["“'‘](?P<words>.+?)["”'’]?\s*$""")


@cache
def words() -> dict:
    return tomllib.loads(resources.files(__package__).joinpath("guess_words.toml").read_text("utf-8"))


@dataclass(frozen=True)
class Guess:
    date: str
    date_label: str
    title: str
    kind: EventKind
    lane: Lane
    people: tuple[str, ...]
    dated: bool


def _has(text: str, terms) -> bool:
    # Words match at their start ("escaleer" in "escaleert"); short ones only whole
    # ("gi" must not match "gisteren", "ret" not "retour").
    return any(re.search(rf"(?<!\w){re.escape(term)}" + (r"(?!\w)" if len(term) <= 3 else ""), text)
               for term in terms)


def _people(text: str, session) -> tuple[list[str], list[str]]:
    """Ids of the family members and of the professionals the line names."""
    family, professionals = [], []
    for m in session.family.members:
        names = [m.pseudonym, *m.aliases, *(r.strip() for r in m.role.split(",")[:1] if r.strip())]
        if any(re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", text) for n in names if n):
            family.append(m.id)
    for p in session.checkin.participants:
        first = p.name.split()[0] if p.name.split() else p.name
        if any(re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", text) for n in (p.name, first) if n):
            professionals.append(p.id)
    return family, professionals


def guess_event(line: str, session, anchor: str | None = None) -> Guess:
    when, rest = split_when(line.strip(), session.timeline.events, anchor)
    title = rest or line.strip()
    title = title[:1].upper() + title[1:]
    text = title.casefold()
    w = words()
    family, professionals = _people(text, session)
    organisation = _has(text, w["professionals"]["words"]) or bool(professionals)

    kind = next((k for k in KIND_ORDER if _has(text, w["kinds"][k.value])), EventKind.other)
    said = _SAID.match(title)
    if said:
        who = said.group("who").casefold()
        speaker_family, speaker_professional = _people(who, session)
        if speaker_family or _has(who, w["family"]["words"]):
            kind, lane = EventKind.family_experience, Lane.family
        elif speaker_professional or _has(who, w["professionals"]["words"]):
            kind, lane = EventKind.contact, Lane.professionals
        else:
            lane = Lane.family
    elif organisation and kind not in FAMILY_KINDS:
        lane = Lane.professionals
    elif kind in FAMILY_KINDS or family or _has(text, w["family"]["words"]):
        lane = Lane.family
    else:
        lane = Lane.professionals
    if kind == EventKind.other and lane == Lane.family and _has(text, w["kinds"]["family_fact"]):
        kind = EventKind.family_fact
    date = when.date if when else (anchor or "")
    return Guess(date, when.label if when else "", title, kind, lane, tuple(family + professionals), when is not None)
