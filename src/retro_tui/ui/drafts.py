"""What is being typed but not kept yet goes to this writer's draft journal about once
a second (store/recovery.py), so a crash or a power cut loses at most that second.

Any text box on any open screen counts, once its text differs from what it showed when
it appeared; the notes boxes do not, as every key in them is in the session already."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.widgets import Input, TextArea

from ..i18n import t
from ..store.recovery import Draft, DraftJournal

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..store.recovery import Recovered

SECONDS = 1.0
IN_SESSION = {"notes", "step-notes"}  # their text is the session's own


def _where(widget) -> str:
    screen = widget.screen
    title = getattr(screen, "form_title", None)
    if title is None:
        for node in widget.ancestors_with_self:
            title = getattr(node, "border_title", None)
            if title:
                break
    label = widget.placeholder if isinstance(widget, Input) else ""
    return " · ".join(str(part) for part in (title, label) if part) or t("recovery.typing")


class DraftKeeper:
    def __init__(self, screen: Screen, path: Path, step):
        """`step()`: the step the session is in now."""
        self.app = screen.app
        self.step = step
        self.journal = DraftJournal(path)
        self._first: dict[int, str] = {}  # what each text box showed when it appeared
        screen.set_interval(SECONDS, self.keep)

    def drafts(self) -> list[Draft]:
        found = []
        alive = set()
        for screen in self.app.screen_stack:
            for widget in screen.query("Input, TextArea"):
                if widget.id in IN_SESSION or widget.disabled:
                    continue
                text = widget.value if isinstance(widget, Input) else cast(TextArea, widget).text
                alive.add(id(widget))
                first = self._first.setdefault(id(widget), text)
                if text.strip() and text != first:
                    found.append(Draft(self.step().value, _where(widget), text))
        self._first = {k: v for k, v in self._first.items() if k in alive}
        return found

    def keep(self) -> None:
        try:
            self.journal.write(self.drafts())
        except OSError:
            pass  # the journal is a safety net; the session's own saving says its errors

    def close(self) -> None:
        self.journal.close()


def give_back(screen, found: Recovered) -> None:
    """Put a crashed writer's drafts where they are seen and kept: at the end of the
    notes of the step they were typed in, marked; then say what was recovered."""
    from ..i18n import current_language
    from ..lifecycle import is_read_only
    from ..method import step as method_step
    from ..model.enums import StepId

    session = screen.session
    steps: list[str] = []
    if found.drafts and not is_read_only(session):
        stamp = found.when.strftime("%H:%M") if found.when else ""
        for draft in found.drafts:
            if _kept_already(session, draft.text):
                continue  # killed between keeping it and clearing the box
            step = StepId(draft.step) if draft.step in StepId._value2member_map_ else screen.current
            model = getattr(session, step.value)
            head = t("recovery.line", when=stamp, where=draft.where)
            model.notes = "\n".join(part for part in (model.notes.rstrip("\n"), head, draft.text) if part)
            name = method_step(step).in_language(current_language()).short
            if name not in steps:
                steps.append(name)
        screen.autosave.changed()
    parts = []
    if steps:
        parts.append(t("recovery.drafts", count=len(found.drafts), steps=", ".join(steps)))
    if found.temp_files:
        parts.append(t("recovery.temp_files", count=found.temp_files))
    if parts:
        screen.notify(" ".join([t("recovery.title"), *parts]), timeout=20)


def _kept_already(session, text: str) -> bool:
    from ..store import snapshot

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)

    return any(text in s for s in strings(snapshot(session)))
