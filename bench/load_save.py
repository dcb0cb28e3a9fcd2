"""Time load and save of a large session against the floor of the TOML libraries.

A large generated session (bench/big_session.py: 2,000 events, 5,000 quotes, 200
insights) is loaded through the
store (read, parse, validate, check references) and saved through it (dump, atomic
write with fsync, backup). The floor is plain `tomllib.loads` / `tomli_w.dumps` of the
very same text and data, measured in the same run. Targets: load <= 1.2x, save <= 1.3x.

    .venv/bin/python bench/load_save.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import tomli_w

from retro_tui.store import dumps, load, save

sys.path.insert(0, str(Path(__file__).resolve().parent))
from big_session import big_session
from pty_screen import summary


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
    print(summary(floor_name, floor))
    print(summary(name, ours, floor, target))


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
