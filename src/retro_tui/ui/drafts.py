"""What is being typed but not kept yet goes to this writer's draft journal about once
a second (store/recovery.py), so a crash or a power cut loses at most that second; an
ordinary end (ctrl+q, a closed terminal, SIGTERM) journals it before the process goes.

A form counts once any field differs from what it showed as it opened (the form takes
that when it opens, so a name typed in its first second counts too), a quote being
captured once anything is typed, any other text box once it holds text it did not
open with. The notes boxes do not, as every key in them is in the session already.

On the next start the drafts go back where they were typed: the form opens again
with every field as it was, the quote box or the quick-add line holds the words again.
Where that place is gone (the record was removed since), they go to the end of the
step's notes, marked. The dead writer's journal is removed only once its drafts are
in the session file or in this writer's own journal."""

from __future__ import annotations

import itertools
from collections.abc import Callable
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
# A box typed straight into a text of the session (a meeting's summary), at its `path`:
# no draft either, but kept like the notes when the file does not have it yet.
IN_SESSION_CLASS = "in-session"


def given_back(box: Input, words: str) -> None:
    """Put words given back after a stop into a box, to be typed on: the cursor at their
    end, and not all selected when the keyboard comes to the box (Textual's default),
    or the next letter typed replaced them all. Forms and the quote box, made with the
    words, are made with `select_on_focus` off instead."""
    box.value = words
    box.select_on_focus = False
    box.cursor_position = len(words)


def _where(widget) -> str:
    screen = widget.screen
    title = getattr(screen, "form_title", None)
    if title is None:
        for node in widget.ancestors_with_self:
            title = getattr(node, "border_title", None)
            if title:
                break
    label = getattr(widget, "draft_label", None) or (widget.placeholder if isinstance(widget, Input) else "")
    return " · ".join(str(part) for part in (title, label) if part) or t("recovery.typing")


class DraftKeeper:
    def __init__(self, screen: Screen, path: Path, step):
        """`screen`: the session's host (ui/session_host.py: the facilitator's screen or
        the notetaker's); `step()`: the id of the step the session is in now."""
        self.screen = screen
        self.app = screen.app
        self.step = step
        self.journal = DraftJournal(path)
        self._order = itertools.count(1)
        self.finished = False
        self._kept: tuple | None = None  # _where_typing_goes() at the last keep
        screen.set_interval(SECONDS, self.keep)

    def drafts(self) -> list[Draft]:
        """Everything typed and not kept, on every open screen (UI thread only)."""
        found = []
        step = str(self.step())
        for screen in self.app.screen_stack:
            if hasattr(screen, "draft"):
                typed = screen.draft()
                if typed is not None:
                    text, values = typed
                    where = getattr(screen, "form_title", None) or t("quote.title")
                    origin = getattr(screen, "origin", None)  # None: only the notes can take it
                    restore = {"step": step, "origin": origin, "values": values} if origin else None
                    found.append(Draft(step, str(where), text, restore))
                continue
            opening = getattr(screen, "opening", {})
            for widget in screen.query("Input, TextArea"):
                if (widget.id in IN_SESSION or widget.has_class(IN_SESSION_CLASS) or widget.disabled
                        or not widget.display or widget.has_class("search")):
                    continue
                text = widget.value if isinstance(widget, Input) else cast(TextArea, widget).text
                if text.strip() and text != opening.get(widget.id, ""):
                    restore = None
                    if screen is self.screen and widget.id:
                        restore = {"step": step, "origin": {"box": widget.id}, "values": {"text": text}}
                    found.append(Draft(step, _where(widget), text, restore))
        return found

    def _where_typing_goes(self) -> tuple:
        """What the drafts can have changed by since the last keep: text changes where
        the keyboard is, so which screens are open, which box has the focus and what
        it holds. Looking through every box of every screen each second cost more than
        all the rest of an idle second."""
        focused = self.app.focused
        text = focused.value if isinstance(focused, Input) else focused.text if isinstance(focused, TextArea) else None
        return tuple(map(id, self.app.screen_stack)), id(focused), text

    def keep(self) -> None:
        """The journal written in a thread: its fsync must not hold up the keys."""
        if self.finished:
            return
        state = self._where_typing_goes()
        if state == self._kept:
            return
        self._kept = state
        drafts, order = self.drafts(), next(self._order)
        self.app.run_worker(lambda: self._write(drafts, order), thread=True, group="drafts", exit_on_error=False)

    def _write(self, drafts: list[Draft], order: int | None = None) -> None:
        try:
            self.journal.write(drafts, order)
        except OSError:
            pass  # the journal is a safety net; the session's own saving says its errors

    def keep_now(self) -> None:
        """On this thread, durable on return (the app is about to stop)."""
        self._write(self.drafts(), next(self._order))

    def finish(self, save: Callable[[], None]) -> None:
        """The app ends: what is typed goes to the journal first, the notes not yet in
        the file too; then `save()` writes the session, and what it got into the file
        leaves the journal. With nothing left outside the file the journal goes. (The
        save may wait for another writer's lock; if the process is ended meanwhile, the
        journal has everything already.)"""
        if self.finished:
            return
        self.finished = True
        try:
            drafts = self.drafts()
        except Exception:  # screens half taken down: keep what was last journalled
            drafts = None
        if drafts is not None:
            self._write(drafts + unsaved_notes(self.screen), next(self._order))
        save()
        if drafts is not None:
            self._write(drafts + unsaved_notes(self.screen), next(self._order))


def unsaved_notes(screen) -> list[Draft]:
    """Each step's notes as typed, where the file does not have them yet, with the
    text they were typed on (given back by a three-way merge, so nothing doubles); and
    so each box typed straight into a text of the session (class `in-session`)."""
    from ..step_notes import notes_on_disk, read_notes

    saving = getattr(screen, "autosave", None)
    if saving is None or not saving.dirty:
        return []
    found, seen = [], set()
    for step in screen.kind.steps:
        if step.notes in seen:
            continue
        seen.add(step.notes)
        base = notes_on_disk(saving.shared.on_disk, step.notes)
        text = read_notes(screen.session, step.notes)
        if text != base:
            found.append(Draft(str(step.id), t("side.notes"), text,
                               {"step": str(step.id), "origin": {"notes": step.notes},
                                "values": {"base": base, "text": text}}))
    for box in screen.query(f".{IN_SESSION_CLASS}"):
        path = getattr(box, "path", None)
        pane = next((n for n in box.ancestors if str(n.id or "").startswith("pane-")), None)
        if not isinstance(path, str) or pane is None or not box.id:
            continue
        base, text = notes_on_disk(saving.shared.on_disk, path), box.text
        if text != base:
            step_id = str(pane.id).removeprefix("pane-")
            # Given back to the box itself, which merges it with what the file has then.
            found.append(Draft(step_id, str(box.border_title or _where(box)), text,
                               {"step": step_id, "origin": {"node": f"#{box.id}"},
                                "values": {"base": base, "text": text}}))
    return found


def give_back_notes(session, restore: dict) -> bool:
    """Notes journalled at a stop, merged into the notes as the file has them now."""
    from ..method import kind
    from ..step_notes import read_notes, write_notes
    from ..store.text_merge import merge_text

    where, values = (restore.get("origin") or {}).get("notes"), restore.get("values") or {}
    if not isinstance(where, str):
        return False
    # A journal of an older version names the retrospective step ("checkin").
    path = where if "." in where else f"{where}.notes"
    if path not in {s.notes for s in kind(session.session.kind).steps}:
        return False  # a place this session's kind has no notes in
    merged = merge_text(values.get("base", ""), values.get("text", ""), read_notes(session, path))[0]
    write_notes(session, path, merged)
    return True


def _by_box(places: list[str]) -> list[str]:
    """Places ("box · field", `_where`) with the fields of one box said after it once:
    "Citaat · Wie zei het, De woorden", not the box's name again before each field."""
    fields: dict[str, list[str]] = {}
    for place in places:
        box, _, field = place.rpartition(" · ")
        fields.setdefault(box, []).append(field)
    return [", ".join(f for f in found if f) if not box else f"{box} · {', '.join(found)}"
            for box, found in fields.items()]


def give_back(screen, found: Recovered) -> None:
    """Put a stopped writer's drafts back where they were typed; what has no place any
    more goes to the end of the notes of its step, marked. Then say what came back."""
    from ..i18n import current_language
    from ..lifecycle import is_read_only
    from ..step_notes import read_notes, write_notes

    session = screen.session
    steps: list[str] = []
    reopened: list[str] = []
    to_notes = 0
    if found.drafts and not is_read_only(session):
        stamp = found.when.strftime("%H:%M") if found.when else ""
        for draft in found.drafts:
            if draft.restore and screen.reopen(draft.restore):
                reopened.append(draft.where)
                continue
            if _kept_already(session, draft.text):
                continue  # killed between keeping it and clearing the box
            step = screen.kind.step(draft.step if draft.step in screen.kind.step_ids else screen.current)
            head = t("recovery.line", when=stamp, where=draft.where)
            notes = read_notes(session, step.notes)
            write_notes(session, step.notes, "\n".join(part for part in (notes.rstrip("\n"), head, draft.text) if part))
            to_notes += 1
            name = step.in_language(current_language()).short
            if name not in steps:
                steps.append(name)
        if steps:
            screen.autosave.changed()
            screen.autosave.save_now()  # in the file before the dead writer's journal goes
    parts = []
    if reopened:
        parts.append(t("recovery.reopened", where=", ".join(_by_box(reopened))))
    if steps:
        parts.append(t("recovery.drafts", count=to_notes, steps=", ".join(steps)))
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
