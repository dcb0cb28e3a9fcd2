"""The big session the benches use: 2,000 timeline events, 5,000 quotes and 200 insights
(about 2 MB of TOML), generated the same way every time.

    .venv/bin/python bench/big_session.py OUT.toml [--step timeline]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

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
from retro_tui.store import new_session, save

WORDS = ["de", "het", "een", "moeder", "vader", "school", "wijkteam", "plaatsing", "gesprek", "zorg", "tijd", "samen", "gezien", "gehoord"]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def big_session(events: int = 2000, quotes: int = 5000, insights: int = 200, seed: int = 1):
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
        for i in range(insights)
    ]
    when = dt.datetime(2026, 11, 23, 9, 0)
    session.quotes = [
        Quote(id=f"q-{i}", time=when + dt.timedelta(seconds=2 * i), step=rng.choice(list(StepId)),
              speaker_id=rng.choice(people), text=sentence(rng, 18), for_report=rng.random() < 0.1)
        for i in range(quotes)
    ]
    return session


def write(path: Path, step: str = "checkin") -> Path:
    session = big_session()
    session.session.current_step = StepId(step)
    save(session, path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--step", default="checkin", choices=[s.value for s in StepId])
    args = parser.parse_args()
    write(args.out, args.step)


if __name__ == "__main__":
    main()
