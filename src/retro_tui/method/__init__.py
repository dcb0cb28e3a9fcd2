"""The method as data: the steps, the facilitator's aids, the closing defaults and the
catalogues, in Dutch and English, loaded from the TOML files beside this module."""

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
    id: StepId
    minutes: int
    text: dict[str, StepText]

    def in_language(self, lang: str) -> StepText:
        return self.text[lang]


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


@cache
def steps() -> tuple[Step, ...]:
    out = []
    for raw in _load("steps.toml")["step"]:
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
        out.append(Step(id=StepId(raw["id"]), minutes=raw["minutes"], text=text))
    return tuple(out)


def step(step_id: StepId | str) -> Step:
    return next(s for s in steps() if s.id == step_id)


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
