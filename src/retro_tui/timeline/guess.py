"""Quick add: one typed line becomes an event, its date, kind and lane guessed from the
words, in Dutch or English (people mix them), so a facilitator can keep up with the
room and refine later.

Rules, in order:
- the date is the longest run of words at the start that is a date (`spoken_dates`);
- `speaker: words`, the speaker one known person or side, is something said: by the
  family it is their need when it opens with a wish ("ik wil naar huis"), else their
  experience ("niemand vraagt wat ik wil"); by a professional a contact;
- otherwise the kind is the first kind whose words occur, in the order of KIND_ORDER:
  a decision word wins over a placement word ("besluit uithuisplaatsing" is a decision).
  The subject, an actor among the first words and before the act's word, shifts
  this: the family's own acts are family kinds first ("ouders besluiten te scheiden"
  is a family fact, "besluit uithuisplaatsing Lotte" a decision about her), and a
  professional's acts are never the family's ("school wil een gesprek" is a contact);
- the lane: a family kind is the family's; a crisis too when the family or home is
  named (the police coming is the response to it); a named professional or
  organisation, or a placement, puts it above the line; a decision as well unless
  the family takes it; else the family when named, else above.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..model.enums import EventKind, Lane
from .spoken_dates import split_when

FAMILY_KINDS = (EventKind.family_need, EventKind.family_experience, EventKind.family_fact)
KIND_ORDER = (EventKind.decision, EventKind.placement, EventKind.crisis, *FAMILY_KINDS, EventKind.contact)
FAMILY_FIRST = (*FAMILY_KINDS, EventKind.decision, EventKind.placement, EventKind.crisis, EventKind.contact)
# The subject of a line is the actor named in its first words; a quote's wish opens it.
OPENING_WORDS = 3
_SAID = re.compile(r"""^(?P<who>[^:"“”'‘„]{1,40}?)\s*:\s*(?P<words>.+)$""", re.S)


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


@dataclass(frozen=True)
class _Actor:
    start: int
    end: int
    lane: Lane
    ids: tuple[str, ...]


@cache
def _pattern(terms: tuple[str, ...], names: bool = False) -> re.Pattern | None:
    # Words match at their start ("escaleer" in "escaleert"); short ones only whole
    # ("gi" must not match "gisteren"), and names whole or as "Lottes".
    parts = [rf"{re.escape(term)}(?:'?s)?(?!\w)" if names or len(term) <= 3 else re.escape(term)
             for term in sorted({t.casefold().strip() for t in terms if t.strip()}, key=len, reverse=True)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})") if parts else None


def _has(text: str, terms) -> bool:
    pattern = _pattern(tuple(terms))
    return pattern is not None and pattern.search(text) is not None


def _role_words(role: str) -> list[str]:
    """What the room calls a family member by role, in either language ("vader", "dad")."""
    first = re.findall(r"[^\W\d_]+", role.casefold())[:1]
    return next((ws for ws in words()["roles"].values() if first and first[0] in ws), first)


def _actors(text: str, session) -> list[_Actor]:
    """Who the text names, in order; of overlapping names the longest ("Veilig Thuis", not "thuis")."""
    w = words()
    named: list[tuple[list[str], bool, Lane, tuple[str, ...]]] = [([m.pseudonym, *m.aliases, *_role_words(m.role)], True, Lane.family, (m.id,))
             for m in session.family.members]
    named.append((w["family"]["words"], False, Lane.family, ()))
    for p in session.checkin.participants:
        named.append(([p.name, *p.name.split()[:1]], True, Lane.professionals, (p.id,)))
        # "Het Kompas, residentiële jeugdzorg": the room says the name before the comma.
        organisation = re.sub(r"\(.*?\)", "", p.organisation).strip()
        named.append(([organisation, organisation.split(",")[0]], True, Lane.professionals, ()))
    named.append((w["professionals"]["words"], False, Lane.professionals, ()))
    found = [_Actor(m.start(), m.end(), lane, ids) for terms, whole, lane, ids in named
             if (pattern := _pattern(tuple(terms), whole)) for m in pattern.finditer(text)]
    kept: list[_Actor] = []
    for actor in sorted(found, key=lambda a: (a.start, a.start - a.end)):
        if not kept or actor.start >= kept[-1].end:
            kept.append(actor)
    return kept


def _names(session) -> set[str]:
    w = words()
    terms = [*w["family"]["words"], *w["professionals"]["words"], *(n for ws in w["roles"].values() for n in ws)]
    terms += [n for m in session.family.members for n in (m.pseudonym, *m.aliases)]
    terms += [p.name for p in session.checkin.participants]
    return {word for term in terms for word in re.findall(r"\w+", term.casefold())}


def _speaker(title: str, session) -> tuple[Lane, str] | None:
    """The side of the speaker and the words of a `speaker: words` line."""
    said = _SAID.match(title)
    if not said:
        return None
    who = said.group("who").casefold()
    actors = _actors(who, session)
    if len(actors) != 1:
        return None
    # Only the actor and articles left of the colon: "de moeder:", not "besluit:".
    rest = (who[:actors[0].start] + who[actors[0].end:]).split()
    if any(word not in words()["dates"]["stopwords"] for word in rest):
        return None
    return actors[0].lane, said.group("words").strip("\"“”'‘’ ").casefold()


def _kind(text: str, subject: Lane | None) -> EventKind:
    kinds = words()["kinds"]
    order: tuple[EventKind, ...] = FAMILY_FIRST if subject is Lane.family else KIND_ORDER
    if subject is Lane.professionals:
        order = tuple(k for k in order if k not in FAMILY_KINDS)
    return next((k for k in order if _has(text, kinds[k.value])), EventKind.other)


def _first_kind_word(text: str) -> int | None:
    """Where the first word of any kind (an act: "besluit", "belt", "verhuist") starts."""
    kinds = words()["kinds"]
    found = [m.start() for k in EventKind if (p := _pattern(tuple(kinds.get(k.value, ())))) and (m := p.search(text))]
    return min(found, default=None)


def _lane(kind: EventKind, actors: list[_Actor], subject: Lane | None) -> Lane:
    family = any(a.lane is Lane.family for a in actors)
    professional = any(a.lane is Lane.professionals for a in actors)
    if kind in FAMILY_KINDS or (kind is EventKind.crisis and (family or not professional)):
        return Lane.family
    if professional or kind is EventKind.placement:
        return Lane.professionals
    if family and (subject is Lane.family or kind is EventKind.other):
        return Lane.family
    return Lane.professionals


def guess_event(line: str, session, anchor: str | None = None) -> Guess:
    when, rest = split_when(line.strip(), session.timeline.events, anchor, _names(session))
    title = rest or line.strip()
    title = title[:1].upper() + title[1:]
    text = title.casefold()
    actors = _actors(text, session)
    spoken = _speaker(title, session)
    if spoken is not None:
        lane, quote = spoken
        kind = EventKind.contact
        if lane is Lane.family:
            wish = _has(" ".join(quote.split()[:OPENING_WORDS]), words()["kinds"]["family_need"])
            kind = EventKind.family_need if wish else EventKind.family_experience
    else:
        words_before = re.match(rf"(?:\S+\s+){{0,{OPENING_WORDS - 1}}}", text)
        opening = words_before.end() if words_before else 0  # where word 3 starts
        # The subject is who acts: named among the first words, before the act itself.
        # "ouders besluiten te scheiden" is the family's act; in "besluit
        # uithuisplaatsing Noor" Noor is who it is about, and the decision is above.
        acted = _first_kind_word(text)
        subject = (actors[0].lane if actors and actors[0].start <= opening
                   and (acted is None or actors[0].start < acted) else None)
        kind = _kind(text, subject)
        lane = _lane(kind, actors, subject)
    people = tuple(dict.fromkeys(i for actor in actors for i in actor.ids))
    date = when.date if when else (anchor or "")
    return Guess(date, when.label if when else "", title, kind, lane, people, when is not None)
