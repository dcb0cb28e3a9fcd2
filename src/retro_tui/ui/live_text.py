"""Others' lines into a text area someone may be typing in, without moving their cursor.

Only the changed middle of the text is replaced, as one edit of the text area: the
cursor stays on the same text (text area edits keep the selection's offset), so a line
the other writer added above pushes the cursor down with its line, not off it, and a
line added right after the cursor leaves it where it is."""

from __future__ import annotations

from textual.widgets import TextArea
from textual.widgets.text_area import Document


def take_in(area: TextArea, text: str) -> None:
    old = area.text
    if old == text:
        return
    start = 0
    limit = min(len(old), len(text))
    while start < limit and old[start] == text[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == text[-1 - end]:
        end += 1
    document = area.document
    assert isinstance(document, Document)  # a plain or highlighted text, never another kind
    at = document.get_location_from_index(start)
    added = text[start:len(text) - end]
    # Lines added right at the cursor (the other writer's new line after the one being
    # typed at the end) go after it: the typist's next keys finish their own line, not
    # the other's. Any other edit at the cursor's place carries it along.
    stays = (area.selection.is_empty and area.selection.end == at and start == len(old) - end
             and added.startswith("\n"))
    with area.prevent(TextArea.Changed):  # the session has these words already
        area.replace(
            added,
            at,
            document.get_location_from_index(len(old) - end),
            maintain_selection_offset=True,
        )
    if stays:
        area.move_cursor(at)
    if area.has_focus:
        # Whoever is typing here keeps their line in view as others' lines come in.
        area.scroll_cursor_visible()
