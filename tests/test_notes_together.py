"""Two people typing at the end of the same notes at once, as the facilitator and the
notetaker do: each finishes their own last line while the other's saves come in. Every
line is kept, in both writers' sessions and in the file, and nothing is set aside as a
conflict; a real clash (the very same line changed by both) is kept where the notes
are, to be taken either way or both."""

from __future__ import annotations

import random

from retro_tui.store import load, snapshot
from retro_tui.store.in_place import refresh_in_place
from retro_tui.store.shared import SharedFile


class Writer:
    """One app's writing side: its session, its shared file, and its own line."""

    def __init__(self, path, name: str):
        self.session = load(path)
        self.shared = SharedFile.opened(path, self.session)
        self.name = name
        self.typing: str | None = None  # the line being typed, as far as typed

    def start(self, line: str) -> None:
        self.typing = ""
        notes = self.session.timeline.notes
        self.session.timeline.notes = notes + "\n"  # Enter at the end of the notes
        self.line = line

    def key(self) -> bool:
        """One more character of its line, where its line is now; False when done."""
        if len(self.typing) == len(self.line):
            return False
        lines = self.session.timeline.notes.split("\n")
        at = max(i for i, text in enumerate(lines) if text == self.typing) if self.typing else len(lines) - 1
        self.typing = self.line[: len(self.typing) + 1]
        lines[at] = self.typing
        self.session.timeline.notes = "\n".join(lines)
        return True

    def save(self) -> None:
        self.shared.write(snapshot(self.session))

    def take_in(self) -> None:
        """What the app's follower does twice a second (ui/follow.py, Autosave.adopt)."""
        found = self.shared.changed_on_disk()
        if found is not None:
            merged = self.shared.adopt(snapshot(self.session), *found)
            if merged is not None:
                refresh_in_place(self.session, merged)


def test_two_people_adding_lines_at_the_end_keep_every_line(example_copy):
    rng = random.Random(11)
    facilitator, notetaker = Writer(example_copy, "F"), Writer(example_copy, "N")
    said = []
    for round_ in range(6):
        lines = {facilitator: f"Gespreksleider {round_}: de moeder was er niet bij",
                 notetaker: f"Notulist {round_}: Jeroen knikt en zegt niets"}
        for writer, line in lines.items():
            writer.start(line)
            said.append(line)
        busy = [facilitator, notetaker]
        while busy:
            writer = rng.choice(busy)
            if not writer.key():
                busy.remove(writer)
            roll = rng.random()
            if roll < 0.15:
                writer.save()
            elif roll < 0.3:
                writer.take_in()
        for writer in (facilitator, notetaker, facilitator, notetaker):
            writer.save()
            writer.take_in()
    saved = load(example_copy)
    lines = saved.timeline.notes.split("\n")
    assert [line for line in said if line not in lines] == []
    assert saved.conflicts == []
    for writer in (facilitator, notetaker):
        assert writer.session.timeline.notes == saved.timeline.notes
    # In time order: each round's two lines after the round before.
    rounds = [int(line.split()[1].rstrip(":")) for line in lines if line.startswith(("Gespreksleider ", "Notulist "))]
    assert rounds == sorted(rounds)
