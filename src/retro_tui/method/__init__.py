"""The method as data: the kinds of session and their steps, the facilitator's aids, the
closing defaults and the catalogues, in Dutch and English, loaded from the TOML files
beside this module (`kinds/` holds one file per kind of session)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import rtoml

from ..model.enums import CatalogueKind, InsightLevel, StepId

HALF_DAY_MINUTES = 240


def _load(name: str) -> dict[str, Any]:
    text = resources.files(__name__).joinpath(name).read_text("utf-8")
    return rtoml.loads(text)  # the app's own file: the fast parser, as for its texts (i18n.py)


@dataclass(frozen=True)
class StepText:
    title: str
    short: str
    purpose: str
    questions: tuple[str, ...]
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    # A retrospective step's id equals its StepId (a StrEnum); other kinds' steps are
    # named in their own file.
    id: str
    minutes: int
    text: dict[str, StepText]
    # Paths into the session file of what the step records ("meeting.actions").
    records: tuple[str, ...] = ()
    # Where the step's notes live: a section's `notes`, or `step_notes.<step id>`.
    notes: str = ""
    # A pane made for this step (ui/panes.py); "" shows the step's records as lists.
    pane: str = ""
    optional: bool = False

    def in_language(self, lang: str) -> StepText:
        return self.text[lang]


@dataclass(frozen=True)
class KindText:
    name: str
    short: str
    about: str


@dataclass(frozen=True)
class Kind:
    """A kind of session: its steps in order, with their texts and records."""

    id: str
    order: int
    minutes: int
    text: dict[str, KindText]
    steps: tuple[Step, ...]

    def in_language(self, lang: str) -> KindText:
        return self.text[lang]

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    @property
    def step_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps)


RETROSPECTIVE = "retrospective"


@dataclass(frozen=True)
class CatalogueItem:
    id: str
    kind: CatalogueKind
    label: dict[str, str]
    explain: dict[str, str]
    # Where the seed places it (patterns by the section that names them); None for
    # beliefs and elements that hold at every level.
    level: InsightLevel | None = None


_CATALOGUE_TABLES = {
    "patterns": CatalogueKind.pattern,
    "limiting": CatalogueKind.limiting,
    "helpful": CatalogueKind.helpful,
    "elements": CatalogueKind.element,
    "commitments": CatalogueKind.commitment,
}


def _step(raw: dict[str, Any]) -> Step:
    text = {
        lang: StepText(
            title=raw[lang]["title"],
            short=raw[lang]["short"],
            purpose=raw[lang]["purpose"],
            questions=tuple(raw[lang]["questions"]),
            prompts=tuple(raw[lang].get("prompts", ())),
        )
        for lang in ("nl", "en")
    }
    # A step named like a retrospective step is that StepId (a str), as before kinds.
    ident = StepId(raw["id"]) if raw["id"] in StepId._value2member_map_ else raw["id"]
    return Step(
        id=ident, minutes=raw["minutes"], text=text, records=tuple(raw.get("records", ())),
        notes=raw.get("notes", f"step_notes.{raw['id']}"),
        pane=raw.get("pane", ""), optional=raw.get("optional", False),
    )


@cache
def kinds() -> tuple[Kind, ...]:
    """Every kind of session, in the order a case goes through them."""
    out = []
    for entry in resources.files(__name__).joinpath("kinds").iterdir():
        if not entry.name.endswith(".toml"):
            continue
        data = rtoml.loads(entry.read_text("utf-8"))
        head = data["kind"]
        text = {lang: KindText(**head[lang]) for lang in ("nl", "en")}
        out.append(Kind(head["id"], head["order"], head["minutes"], text, tuple(_step(r) for r in data["step"])))
    return tuple(sorted(out, key=lambda k: k.order))


def kind(kind_id: str) -> Kind:
    """The kind named `kind_id`; KeyError when there is no such kind."""
    for found in kinds():
        if found.id == kind_id:
            return found
    raise KeyError(kind_id)


@cache
def kind_steps() -> dict[str, frozenset[str]]:
    """Each kind's step ids, for checking a file without the method's texts."""
    return {k.id: frozenset(k.step_ids) for k in kinds()}


def steps() -> tuple[Step, ...]:
    """The retrospective's steps (the kind every older file is)."""
    return kind(RETROSPECTIVE).steps


def step(step_id: StepId | str, kind_id: str = RETROSPECTIVE) -> Step:
    return kind(kind_id).step(step_id)


@cache
def catalogue() -> tuple[CatalogueItem, ...]:
    data = _load("catalogue.toml")
    items = []
    for table, kind in _CATALOGUE_TABLES.items():
        for raw in data.get(table, []):
            items.append(
                CatalogueItem(
                    id=raw["id"],
                    kind=kind,
                    label={"nl": raw["nl"], "en": raw["en"]},
                    explain={"nl": raw.get("nl_explain", ""), "en": raw.get("en_explain", "")},
                    level=InsightLevel(raw["level"]) if "level" in raw else None,
                )
            )
    return tuple(items)


@cache
def catalogue_ids() -> frozenset[str]:
    return frozenset(item.id for item in catalogue())


@cache
def facilitator_aids(lang: str) -> dict[str, Any]:
    return _load("facilitator.toml")[lang]


@cache
def intention_defaults(lang: str) -> dict[str, Any]:
    return _load("intention.toml")[lang]


@dataclass(frozen=True)
class OrganisationType:
    id: str
    label: dict[str, str]
    words: tuple[str, ...]


@cache
def organisation_types() -> tuple[OrganisationType, ...]:
    return tuple(
        OrganisationType(raw["id"], {"nl": raw["nl"], "en": raw["en"]}, tuple(raw["words"]))
        for raw in _load("organisation_types.toml")["type"]
    )
