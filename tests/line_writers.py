"""Two writers on one text of one session file, without the app: each with its own
session and shared file, typing its own line a key at a time while the other's saves
come in, as the facilitator's and the notetaker's apps do (ui/follow.py, Autosave.adopt)."""

from __future__ import annotations

import random
from pathlib import Path

from retro_tui.step_notes import read_notes, write_notes
from retro_tui.store import load, snapshot
from retro_tui.store.in_place import refresh_in_place
from retro_tui.store.shared import SharedFile


class Writer:
    """One app's writing side on one text (`timeline.notes`, `step_notes.summary`...):
    its session, its shared file, its own line."""

    def __init__(self, file: Path, path: str):
        self.session = load(file)
        self.shared = SharedFile.opened(file, self.session)
        self.path = path
        self.typing: str | None = None

    @property
    def text(self) -> str:
        return read_notes(self.session, self.path)

    def start(self, line: str) -> None:
        self.typing, self.line = "", line
        if self.text:
            write_notes(self.session, self.path, self.text + "\n")  # Enter at the end

    def key(self) -> bool:
        """One more character of its line, where its line is now; False when done."""
        if len(self.typing) == len(self.line):
            return False
        lines = self.text.split("\n")
        at = max(i for i, t in enumerate(lines) if t == self.typing) if self.typing else len(lines) - 1
        self.typing = self.line[: len(self.typing) + 1]
        lines[at] = self.typing
        write_notes(self.session, self.path, "\n".join(lines))
        return True

    def save(self) -> None:
        self.shared.write(snapshot(self.session))

    def take_in(self) -> None:
        """What the app's follower does twice a second."""
        found = self.shared.changed_on_disk()
        if found is not None:
            merged = self.shared.adopt(snapshot(self.session), *found)
            if merged is not None:
                refresh_in_place(self.session, merged)


def type_at_once(lines: dict[Writer, str], rng: random.Random) -> None:
    """Each writer types its line while the others type theirs, keys interleaved at
    random, each saving or taking the others' saves in between; then all settle."""
    for writer, line in lines.items():
        writer.start(line)
    busy = list(lines)
    while busy:
        writer = rng.choice(busy)
        if not writer.key():
            busy.remove(writer)
        roll = rng.random()
        if roll < 0.15:
            writer.save()
        elif roll < 0.3:
            writer.take_in()
    for writer in [*lines, *lines]:
        writer.save()
        writer.take_in()


def clash(file: Path, path: str, before: str, first: str, second: str) -> None:
    """`before` saved; then two writers change its last line at once, to `first` and
    to `second`, the second saving first."""
    start = Writer(file, path)
    write_notes(start.session, path, before)
    start.save()
    one, other = Writer(file, path), Writer(file, path)
    head = before.rsplit("\n", 1)[0] + "\n" if "\n" in before else ""
    write_notes(one.session, path, head + first)
    write_notes(other.session, path, head + second)
    other.save()
    one.save()
