"""Others' lines into a text area someone may be typing in, without moving their cursor.

Only the changed middle of the text is replaced, as one edit of the text area: the
cursor stays on the same text (text area edits keep the selection's offset), so a line
the other writer added above pushes the cursor down with its line, not off it."""

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
    with area.prevent(TextArea.Changed):  # the session has these words already
        area.replace(
            text[start:len(text) - end],
            document.get_location_from_index(start),
            document.get_location_from_index(len(old) - end),
            maintain_selection_offset=True,
        )
    if area.has_focus:
        # Whoever is typing here keeps their line in view as others' lines come in.
        area.scroll_cursor_visible()
