"""The session model: pydantic, no UI. Import from here."""

from .dates import PartialDateError, parse_partial, sort_key
from .enums import (
    CatalogueKind,
    EventKind,
    InsightCategory,
    Lane,
    Language,
    RelationKind,
    Sense,
    Status,
    StepId,
)
from .ids import new_id
from .integrity import Problem, find_problems, format_loc
from .session import (
    SCHEMA_VERSION,
    Backing,
    CatalogueEntry,
    CheckinStep,
    Commitment,
    CoreTeamMember,
    FamilyMember,
    FamilyStep,
    Insight,
    InsightsStep,
    IntentionDeclaration,
    Participant,
    Pause,
    Perspective,
    Quote,
    Relation,
    RelateStep,
    Remark,
    SenseRating,
    Session,
    SessionMeta,
    TimelineEvent,
    TimelineStep,
)

__all__ = [name for name in dir() if not name.startswith("_")]
