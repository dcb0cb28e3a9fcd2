"""Four writers at once on one session, as real processes: the facilitator's app, two
notetakers' apps, and a loop of `retro-tui quote` calls, together adding hundreds of quotes
and edits with random timing (tests/live_writer.py). Afterwards every one of them is in
the file exactly once: no writer overwrote another's work."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from retro_tui.store import load

WRITER = Path(__file__).with_name("live_writer.py")
# Each writer's additions follow its own seeded random stream, so these come out the
# same every run: 150 quotes, 69 note lines and 10 events in all, from four writers
# whose saves cross many times (the apps press ctrl+s about every third action).
COUNT = 60


@pytest.mark.slow
def test_a_facilitator_two_notetakers_and_a_quote_loop_lose_nothing(example_copy):
    before = load(example_copy)
    old_quotes = Counter(q.text for q in before.quotes)
    roles = [("facilitator", "gl"), ("notetaker", "nA"), ("notetaker", "nB"), ("quotes", "sh")]
    procs = [
        subprocess.Popen([sys.executable, str(WRITER), role, str(example_copy), name, str(COUNT)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for role, name in roles
    ]
    added = {"quotes": [], "events": [], "lines": []}
    try:
        for proc, (role, name) in zip(procs, roles):
            out, err = proc.communicate(timeout=600)
            assert proc.returncode == 0, f"{role} {name}: {err[-3000:]}"
            result = json.loads(out.rsplit("RESULT ", 1)[1])
            for kind, items in result.items():
                added[kind] += items
    finally:  # one writer failed: the others end with the test, not minutes later
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    saved = load(example_copy)

    # Over a hundred quotes, dozens of lines, several events, or the test proves little.
    assert len(added["quotes"]) > 120 and len(added["lines"]) > 55 and len(added["events"]) > 8, \
        {k: len(v) for k, v in added.items()}
    quotes = Counter(q.text for q in saved.quotes)
    assert {text: quotes[text] for text in added["quotes"] if quotes[text] != 1} == {}
    assert sum(quotes.values()) == sum(old_quotes.values()) + len(added["quotes"])  # and nothing else
    # (Quick add starts a title with a capital.)
    events = Counter(e.title.lower() for e in saved.timeline.events)
    assert {title: events[title.lower()] for title in added["events"] if events[title.lower()] != 1} == {}
    # Note lines were typed into whichever step's notes were open; each is in one of
    # them, once, and nothing had to be kept aside as a clash.
    lines = Counter(line for step in ("checkin", "relate", "family", "timeline", "insights", "closing")
                    for line in getattr(saved, step).notes.split("\n"))
    assert {line: lines[line] for line in added["lines"] if lines[line] != 1} == {}
    assert saved.conflicts == []
    ids = [q.id for q in saved.quotes]
    assert len(ids) == len(set(ids))
