"""The session model: pydantic, no UI. Import from here.

The names are loaded on first use (PEP 562): the app paints its first frame from the
vocabularies in `enums` alone, before pydantic and the models are imported.
"""

from importlib import import_module
from typing import TYPE_CHECKING

_WHERE = {
    "dates": ("PartialDateError", "parse_partial", "sort_key"),
    "enums": (
        "CatalogueKind", "EventKind", "InsightCategory", "InsightLevel", "Lane", "Language", "ParticipantSide",
        "RelationKind", "Sense", "Status", "StepId", "CourseState", "ActionState", "KeptState", "ReviewAbout",
    ),
    "fields": ("Remark",),
    "followup": (
        "Action", "Backdrop", "BackdropInsight", "BackdropMoment", "CarriedAction", "CourseCheck", "CourseItem",
        "CourseStep", "EvaluationRecord", "MeetingRecord", "MemberCheckin", "Review", "UndercurrentStep",
    ),
    "ids": ("new_id",),
    "integrity": ("Problem", "find_problems", "format_loc"),
    "session": (
        "SCHEMA_VERSION", "Backing", "ConflictCopy", "CatalogueEntry", "CheckinStep", "Commitment",
        "CoreTeamMember", "FamilyMember", "FamilyStep", "Insight", "InsightsStep",
        "IntentionDeclaration", "Participant", "Pause", "Perspective", "PrivacyChoices", "Quote", "Relation", "Reopening",
        "RelateStep", "SenseRating", "Session", "SessionMeta", "TimelineEvent",
        "TimelineStep",
    ),
}
_MODULE = {name: module for module, names in _WHERE.items() for name in names}
__all__ = sorted(_MODULE)


def __getattr__(name: str):
    if name not in _MODULE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_MODULE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from .fields import Remark
    from .followup import *  # noqa: F403
    from .dates import PartialDateError, parse_partial, sort_key
    from .enums import CatalogueKind, EventKind, InsightCategory, InsightLevel, Lane, Language, RelationKind, Sense, Status, StepId
    from .enums import ActionState, CourseState, KeptState, ReviewAbout
    from .ids import new_id
    from .integrity import Problem, find_problems, format_loc
    from .session import *  # noqa: F403
