"""The notes box: a TextArea with a keyboard way to the start and end of long notes.

End stops at the end of the wrapped screen line, so adding a line after long notes took
a dozen keys; ctrl+End and ctrl+Home go to the end and start of the whole text.
"""

from __future__ import annotations

from textual.widgets import TextArea

from .keys import Key


class NotesArea(TextArea):
    KEYS = [
        Key("ctrl+end", "notes_end", "key.notes_end", show=False),
        Key("ctrl+home", "notes_start", "key.notes_start", show=False),
    ]

    def action_notes_end(self) -> None:
        self.move_cursor(self.document.end)

    def action_notes_start(self) -> None:
        self.move_cursor((0, 0))
