"""Time load and save of a large session against the floor of the TOML libraries.

A large generated session (2,000 timeline events, 5,000 quotes) is loaded through the
store (read, parse, validate, check references) and saved through it (dump, atomic
write with fsync, backup). The floor is plain `tomllib.loads` / `tomli_w.dumps` of the
very same text and data, measured in the same run. Targets: load <= 1.2x, save <= 1.3x.

    .venv/bin/python bench/load_save.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
import tomllib
from pathlib import Path

import tomli_w

from retro_tui.method import catalogue_ids
from retro_tui.model import (
    EventKind,
    FamilyMember,
    Insight,
    InsightCategory,
    Lane,
    Participant,
    Quote,
    StepId,
    TimelineEvent,
)
from retro_tui.store import dumps, load, new_session, save

WORDS = ["de", "het", "een", "moeder", "vader", "school", "wijkteam", "plaatsing", "gesprek", "zorg", "tijd", "samen", "gezien", "gehoord"]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def big_session(events: int = 2000, quotes: int = 5000, seed: int = 1):
    rng = random.Random(seed)
    session = new_session("Groot gegenereerd voorbeeld", "nl")
    session.checkin.participants = [
        Participant(id=f"p-{i}", name=f"Deelnemer {i}", organisation="Wijkteam", role="begeleider", check_in=sentence(rng, 12))
        for i in range(12)
    ]
    session.family.members = [FamilyMember(id=f"fm-{i}", pseudonym=f"Gezinslid {i}", nature=sentence(rng, 20)) for i in range(6)]
    people = [p.id for p in session.checkin.participants] + [m.id for m in session.family.members]
    start = dt.date(2012, 1, 1)
    for i in range(events):
        day = start + dt.timedelta(days=rng.randrange(365 * 12))
        date = rng.choice([day.isoformat(), day.strftime("%Y-%m"), str(day.year)])
        session.timeline.events.append(
            TimelineEvent(
                id=f"ev-{i}", date=date, title=sentence(rng, 5), kind=rng.choice(list(EventKind)),
                lane=rng.choice(list(Lane)), people=rng.sample(people, 2),
                what_happened=sentence(rng, 30) + "\n" + sentence(rng, 20), crucial=rng.random() < 0.05,
            )
        )
    tags = sorted(catalogue_ids())
    session.insights.items = [
        Insight(id=f"in-{i}", category=rng.choice(list(InsightCategory)), text=sentence(rng, 25),
                events=[f"ev-{rng.randrange(events)}"], tags=rng.sample(tags, 2))
        for i in range(60)
    ]
    when = dt.datetime(2026, 11, 23, 9, 0)
    session.quotes = [
        Quote(id=f"q-{i}", time=when + dt.timedelta(seconds=2 * i), step=rng.choice(list(StepId)),
              speaker_id=rng.choice(people), text=sentence(rng, 18), for_report=rng.random() < 0.1)
        for i in range(quotes)
    ]
    return session


def interleaved(repeat: int, floor, ours) -> tuple[list[float], list[float]]:
    """Time floor and ours in turn, so drift in machine load hits both alike."""
    a, b = [], []
    for _ in range(repeat):
        for work, times in ((floor, a), (ours, b)):
            t0 = time.perf_counter()
            work()
            times.append(time.perf_counter() - t0)
    return a, b


def report(name: str, floor_name: str, floor: list[float], ours: list[float], target: float) -> None:
    f, o = min(floor), min(ours)
    print(f"{floor_name:<30}{f * 1000:7.1f} ms")
    print(
        f"{name:<30}{o * 1000:7.1f} ms   ratio {o / f:.2f} (best of each)"
        f"  {statistics.median(ours) / statistics.median(floor):.2f} (medians)  target <= {target:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    repeat = parser.parse_args().repeat

    session = big_session()
    text = dumps(session)
    data = session.model_dump(mode="python", by_alias=True, exclude_defaults=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.toml"
        save(session, path)
        parse_floor, loaded = interleaved(repeat, lambda: tomllib.loads(text), lambda: load(path))
        dump_floor, saved = interleaved(
            repeat, lambda: tomli_w.dumps(data, multiline_strings=True), lambda: save(session, path)
        )

    print(f"session: {len(session.timeline.events)} events, {len(session.quotes)} quotes, {len(text.encode()) / 1e6:.1f} MB")
    report("load (read+parse+validate)", "parse floor (tomllib.loads)", parse_floor, loaded, 1.2)
    report("save (dump+atomic write)", "dump floor (tomli_w.dumps)", dump_floor, saved, 1.3)

if __name__ == "__main__":
    main()
