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


def _answered_with(state: type[Enum], field: str, ids: tuple[str, str, str]) -> type[StateTable]:
    """A table whose keys 1, 2 and 3 answer each row with the state's three values, in
    their order; `ids` are the keys' binding ids, which people's keymaps name."""
    answers = [
        Key(str(n), f"state({n - 1})", f"enum.{state.__name__}.{value.value}", id=ident)
        for n, (value, ident) in enumerate(zip(state, ids, strict=True), start=1)
    ]
    namespace = {"STATE": state, "FIELD": field, "KEYS": [*LIST_KEYS, *answers], "__module__": __name__}
    return type(f"{state.__name__}Table", (StateTable,), namespace)


CourseStateTable = _answered_with(CourseState, "state", ("on_course", "partly_on_course", "off_course"))
ActionStateTable = _answered_with(ActionState, "state", ("action_done", "action_partly", "action_not_done"))
KeptStateTable = _answered_with(KeptState, "kept", ("kept", "kept_partly", "not_kept"))


STATE_TABLES: dict[type[Enum], type[StateTable]] = {
    CourseState: CourseStateTable,
    ActionState: ActionStateTable,
    KeptState: KeptStateTable,
}
