"""A second writer of one text of a session, run as its own process: it adds lines at
the end of the text (a meeting's summary, a step's notes) through the store's one write
path, as the notetaker's app does, taking in the others' saves between its own.

    python text_writer.py FILE PATH NAME COUNT

PATH is where the text lives ("meeting.summary", "step_notes.summary"). It prints, as
JSON, the lines it added."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from retro_tui.step_notes import read_notes, write_notes
from retro_tui.store import load, snapshot
from retro_tui.store.in_place import refresh_in_place
from retro_tui.store.shared import SharedFile


def main(file: Path, path: str, name: str, count: int) -> list[str]:
    rng = random.Random(name)
    session = load(file)
    shared = SharedFile.opened(file, session)
    added = []
    for i in range(count):
        found = shared.changed_on_disk()
        if found is not None:
            merged = shared.adopt(snapshot(session), *found)
            if merged is not None:
                refresh_in_place(session, merged)
        line = f"{name} {i}: oma belt de school"
        text = read_notes(session, path)
        write_notes(session, path, f"{text.rstrip(chr(10))}\n{line}" if text.strip() else line)
        shared.write(snapshot(session))
        added.append(line)
        time.sleep(rng.random() * 0.08)
    return added


if __name__ == "__main__":
    file, path, name, count = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    print("RESULT " + json.dumps(main(file, path, name, count)))
