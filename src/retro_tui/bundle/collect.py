"""One case as a bundle sees it: the catalogue data of a session, already anonymous.

A `CaseRecord` holds only what a regional report may count or quote: the kind and
status of the session, its period by quarter, the types of the organisations that took
part, its insights (anonymised text, level, tags), the quotes marked for the programme
and, where an evaluation exists, which commitments were kept. It is what the index
stores, so nothing identifying is kept in the user's data folder either: the case it
belongs to is known by a keyed hash of its case code, which joins a case's sessions
(its retrospective for the insights, its evaluation for what was kept) and says
nothing without the index's own key.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from typing import TYPE_CHECKING

from ..method import catalogue, catalogue_ids

if TYPE_CHECKING:
    from ..model import Session

# Bump when what a record holds or how it is made changes: the index re-reads then.
RECORD_VERSION = 2
RETROSPECTIVE = "retrospective"
KEPT_STATES = ("kept", "partly", "not_kept")
# What an evaluation looks back on (model.ReviewAbout), and how a bundle names it: a
# commitment by catalogue id or its own (anonymised) name, the course as one whole (its
# lines are each case's own words), backing by the organisation's type.
COURSE = "course"


@dataclass
class InsightRecord:
    text: str
    level: str  # an InsightLevel value, or "" when neither the insight nor its tags place it
    tags: list[str]


@dataclass
class CommitmentReview:
    """An evaluation's answer for one commitment: kept, partly or not kept."""

    commitment: str  # the catalogue id when it is one, else the commitment's own name
    kept: str  # one of KEPT_STATES
    about: str = "commitment"  # commitment | course | backing


@dataclass
class CaseRecord:
    status: str
    kind: str
    language: str
    year: int | None
    quarter: int | None
    organisation_types: list[str]
    insights: list[InsightRecord]
    programme_quotes: list[str]
    commitments: list[str] = field(default_factory=list)
    reviews: list[CommitmentReview] = field(default_factory=list)
    masked_identifiers: int = 0
    case: str = ""  # a keyed hash of the case code; "" when the session has none
    kinds: list[str] = field(default_factory=list)  # of the case's sessions, once joined

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> CaseRecord:
        data = dict(data)
        data["insights"] = [InsightRecord(**i) for i in data["insights"]]
        data["reviews"] = [CommitmentReview(**r) for r in data.get("reviews", [])]
        return cls(**data)


@cache
def _levels() -> dict[str, str]:
    return {item.id: item.level.value for item in catalogue() if item.level}


@cache
def _commitment_ids() -> dict[str, str]:
    return {label.casefold(): item.id for item in catalogue() for label in item.label.values()}


def _level_by_tags(tags: list[str]) -> str:
    """An insight without a level of its own sits where most of its tags sit."""
    levels = _levels()
    found = Counter(levels[tag] for tag in tags if tag in levels)
    return found.most_common(1)[0][0] if found else ""


def _shipped(tags: list[str]) -> list[str]:
    """A session's own catalogue entries are its own words, and their ids may say more
    than a bundle should ("pattern.lotte_runs_away"): counted per kind, never named."""
    known = catalogue_ids()
    return list(dict.fromkeys(tag if tag in known else tag.split(".", 1)[0] + ".own" for tag in tags))


def reviews_of(session: Session, anonymous=None) -> list[CommitmentReview]:
    """An evaluation's answers, as a bundle counts them: each commitment (its catalogue
    id, else its own name through `anonymous`), the course as a whole, and each
    organisation's backing by its type. Reviews without an answer are not counted."""
    from .anonymous import organisation_type

    own_ids = _commitment_ids()
    backing = {b.id: b.organisation for b in session.closing.backing}
    out = []
    for review in session.evaluation.reviews:
        kept = review.kept.value if review.kept else ""
        if kept not in KEPT_STATES:
            continue
        about = review.about.value
        if about == "commitment":
            name = review.commitment or review.text
            if not name:
                continue
            found = name if name in catalogue_ids() else own_ids.get(name.casefold())
            out.append(CommitmentReview(found or (anonymous(name) if anonymous else name), kept, about))
        elif about == COURSE:
            out.append(CommitmentReview(COURSE, kept, about))
        else:
            organisation = review.text or backing.get(review.ref or "", "")
            out.append(CommitmentReview(organisation_type(organisation) if organisation else "other", kept, about))
    return out


def case_key(case_code: str, key: bytes) -> str:
    """The case's sessions share this; without the index's key it cannot be guessed
    back from a case code."""
    code = " ".join(case_code.split()).casefold()
    return hashlib.blake2b(code.encode(), key=key, digest_size=12).hexdigest() if code else ""


def record_of(session: Session, lang: str, key: bytes = b"") -> CaseRecord:
    # Imported here: reading records back from the index needs no pydantic.
    from .anonymous import CaseAnonymiser, organisation_type

    anonymous = CaseAnonymiser(session, lang)
    meta = session.session
    day = meta.date or meta.created.date()
    items = session.insights.items
    marked = [q.text for q in session.quotes if q.for_programme]
    own_ids = _commitment_ids()
    named = [c.name for c in session.closing.commitments]
    unknown = [name for name in named if name.casefold() not in own_ids]
    texts = anonymous.many([*(i.text for i in items), *marked, *unknown])
    insights = [
        InsightRecord(text, i.level.value if i.level else _level_by_tags(i.tags), _shipped(i.tags))
        for text, i in zip(texts, items)
    ]
    quotes = texts[len(items):len(items) + len(marked)]
    own_names = dict(zip(unknown, texts[len(items) + len(marked):]))
    commitments = [own_ids.get(name.casefold()) or own_names[name] for name in named]
    organisations = sorted({organisation_type(p.organisation) for p in session.checkin.participants if p.organisation})
    return CaseRecord(
        status=meta.status.value,
        kind=str(getattr(meta, "kind", "") or RETROSPECTIVE),
        language=meta.language.value,
        year=day.year,
        quarter=(day.month - 1) // 3 + 1,
        organisation_types=organisations,
        insights=insights,
        programme_quotes=quotes,
        commitments=commitments,
        reviews=reviews_of(session, anonymous),
        masked_identifiers=anonymous.masked_identifiers,
        case=case_key(meta.case_code, key),
    )


def session_files(paths: list[Path]) -> list[Path]:
    """The session files in the given files and folders (folders searched through),
    without backups, drafts or hidden folders; each file once."""
    found: dict[Path, None] = {}
    for path in paths:
        path = path.absolute()
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.update((Path(folder, f), None) for f in sorted(files) if f.endswith(".toml"))
        elif path.suffix == ".toml":
            found[path] = None
    return list(found)
