"""A corpus of sessions for bundling: N variations on the example, each a whole session
(its family, timeline and quotes kept, so the files are as big as real ones) with its
own date, status, organisations, insight tags and levels, and quotes marked for the
programme. Seeded, so the same N gives the same corpus.

    .venv/bin/python bench/bundle_corpus.py DIR [--count 1000] [--seed 16]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

from retro_tui.method import catalogue
from retro_tui.model import InsightLevel, Status
from retro_tui.store import dumps, example_source, load, write_atomic

ORGANISATIONS = [
    "Jeugdbescherming Noordwaard", "Wijkteam Oosterhoek", "Jeugd-GGZ De Linde", "Het Anker, residentiële jeugdzorg",
    "Basisschool De Regenboog", "Gemeente Zuidveen, team Jeugd", "Regionaal Expertiseteam (RET) Westland-Noord",
    "Huisartsenpraktijk Centrum", "Politie basisteam Oost", "Stichting Samen Verder",
]


def make_corpus(folder: Path, count: int, seed: int = 16, final_share: float = 0.9) -> list[Path]:
    rng = random.Random(seed)
    base = load(example_source())
    items = catalogue()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        session = base.model_copy(deep=True)
        meta = session.session
        meta.title = f"Casus {n:04d} gezin Akkerman"
        meta.case_code = f"BENCH-{n:04d}"
        meta.date = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        meta.status = Status.final if rng.random() < final_share else Status.report_draft
        meta.finalized = dt.datetime.combine(meta.date, dt.time(17)) if meta.status == Status.final else None
        for participant in session.checkin.participants:
            participant.organisation = rng.choice(ORGANISATIONS)
        for insight in session.insights.items:
            insight.tags = sorted({rng.choice(items).id for _ in range(rng.randint(1, 4))})
            insight.level = rng.choice([*InsightLevel, None])
        for quote in session.quotes:
            quote.for_programme = rng.random() < 0.1
        path = folder / f"casus-{n:04d}.toml"
        write_atomic(path, dumps(session).encode("utf-8"), keep_backup=False)
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    paths = make_corpus(args.folder, args.count, args.seed)
    print(f"{len(paths)} sessions in {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
