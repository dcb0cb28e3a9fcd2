"""Lists whose rows are answered with one key each: on course / partly / off course,
done / partly / not done, kept / partly / not kept.

The core team goes down the list in the meeting, row by row: a key sets the answer and
moves to the next row, so a whole round is a few keys and the why is filled in after.
"""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from ..model.enums import ActionState, CourseState, KeptState
from .guard import refused
from .keys import Key
from .records import RecordTable


# Rows are made from what the session looks back on, so adding one is rare: in the
# help, not the footer, which at 80 columns needs the room for the three answers.
LIST_KEYS = [
    Key("a,insert", "add", "key.add", show=False, id="add"),
    *(key for key in RecordTable.KEYS if key.id != "add"),
]


class StateTable(RecordTable):
    STATE: ClassVar[type[Enum]]
    FIELD: ClassVar[str]

    def action_state(self, index: int) -> None:
        if refused(self):
            return
        record = self.current()
        if record is None:
            return
        value = list(self.STATE)[index]
        items = self.items()
        # By id: another writer's changes may have replaced the list since the row was shown.
        kept = next((r for r in items if r.id == record.id), None)
        if kept is None:
            record = record.model_copy(update={self.FIELD: value})
            items.append(record)  # a row that stood for a record not made yet
        else:
            setattr(kept, self.FIELD, value)
        rows = self.rows()
        at = next((i for i, r in enumerate(rows) if r.id == record.id), 0)
        self._changed(rows[min(at + 1, len(rows) - 1)].id)


class CourseStateTable(StateTable):
    STATE = CourseState
    FIELD = "state"
    KEYS = [
        *LIST_KEYS,
        Key("1", "state(0)", "enum.CourseState.on_course", id="on_course"),
        Key("2", "state(1)", "enum.CourseState.partly", id="partly_on_course"),
        Key("3", "state(2)", "enum.CourseState.off_course", id="off_course"),
    ]


class ActionStateTable(StateTable):
    STATE = ActionState
    FIELD = "state"
    KEYS = [
        *LIST_KEYS,
        Key("1", "state(0)", "enum.ActionState.done", id="action_done"),
        Key("2", "state(1)", "enum.ActionState.partly", id="action_partly"),
        Key("3", "state(2)", "enum.ActionState.not_done", id="action_not_done"),
    ]


class KeptStateTable(StateTable):
    STATE = KeptState
    FIELD = "kept"
    KEYS = [
        *LIST_KEYS,
        Key("1", "state(0)", "enum.KeptState.kept", id="kept"),
        Key("2", "state(1)", "enum.KeptState.partly", id="kept_partly"),
        Key("3", "state(2)", "enum.KeptState.not_kept", id="not_kept"),
    ]


STATE_TABLES: dict[type[Enum], type[StateTable]] = {
    CourseState: CourseStateTable,
    ActionState: ActionStateTable,
    KeptState: KeptStateTable,
}
