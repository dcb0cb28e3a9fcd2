"""The session model: pydantic, no UI. Import from here.

The names are loaded on first use (PEP 562, by lazy_loader): the app paints its first frame from the
vocabularies in `enums` alone, before pydantic and the models are imported.
"""

from typing import TYPE_CHECKING

import lazy_loader

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
__getattr__, __dir__, __all__ = lazy_loader.attach(__name__, submod_attrs=_WHERE)

if TYPE_CHECKING:
    from .fields import Remark
    from .followup import *  # noqa: F403
    from .dates import PartialDateError, parse_partial, sort_key
    from .enums import CatalogueKind, EventKind, InsightCategory, InsightLevel, Lane, Language, RelationKind, Sense, Status, StepId
    from .enums import ActionState, CourseState, KeptState, ReviewAbout
    from .ids import new_id
    from .integrity import Problem, find_problems, format_loc
    from .session import *  # noqa: F403
