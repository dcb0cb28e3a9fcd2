from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from retro_tui.cli import main
from retro_tui.i18n import set_language

# Hypothesis's per-example deadline is a timing assert: on a busy machine (or with
# the tests running in parallel) it fails tests that are right.
settings.register_profile("retro-tui", deadline=None)
settings.load_profile("retro-tui")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "sessions" / "example.toml"

MINIMAL = """\
schema_version = 1

[session]
title = "Test session"
language = "en"
status = "preparing"
created = 2026-01-01T10:00:00
updated = 2026-01-01T10:00:00

[[checkin.participants]]
id = "p-ann"
name = "Ann"

[[family.members]]
id = "fm-mother"
pseudonym = "Mother"

[[timeline.events]]
id = "ev-1"
date = "2019-03"
title = "Placement"
lane = "professionals"
people = ["fm-mother"]

[[insights.items]]
id = "in-1"
category = "stands_out"
text = "Everyone worked alone"
events = ["ev-1"]
tags = ["pattern.islands"]
"""


def pytest_xdist_auto_num_workers(config) -> int | None:
    """`-n auto`: two workers a core. A test driving an app spends about half its time
    asleep, waiting for the app to go idle after each key (Textual's pilot sleeps in
    steps of 20 ms until it does); with one worker a core, that half of the machine
    stays unused. PYTEST_XDIST_AUTO_NUM_WORKERS still decides when it is set."""

    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own hook reads it
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 2 * cores


def pytest_collection_modifyitems(items) -> None:
    """The long tests first, on every worker: a long test that starts last keeps the
    whole run waiting for it alone. `--dist worksteal` hands each worker an equal,
    unbroken share of this list (and later moves tests from the end of one share to
    an idle worker), so the long tests are dealt out one by one to the front of each
    share; the rest keep their order, so a module's tests stay together."""

    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    slow = [item for item in items if item.get_closest_marker("slow")]
    rest = [item for item in items if not item.get_closest_marker("slow")]
    shares: list[list[pytest.Item]] = [[] for _ in range(workers)]
    for n, item in enumerate(slow):
        shares[n % workers].append(item)
    left = len(items)
    for n, share in enumerate(shares):
        size = left // (workers - n)  # as xdist's worksteal divides what is left
        take = max(0, size - len(share))
        share += rest[:take]
        rest = rest[take:]
        left -= len(share)
    items[:] = [item for share in shares for item in share] + rest


@pytest.fixture(autouse=True)
def english(monkeypatch) -> None:
    # The CLI sets the process-wide language from the locale; each test starts from
    # English, whatever the machine's locale (a C locale would mean Dutch).
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    set_language("en")


@pytest.fixture(autouse=True)
def private_state(tmp_path_factory, monkeypatch) -> Iterator[Path]:
    """Draft journals, settings and sessions go to folders of the test's own, never the
    user's; so does the user's home, so tests run in parallel (pytest -n) and on a
    developer's own machine see nothing of each other or of the developer's settings."""
    from retro_tui.settings import current

    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(state / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(state / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg_cache_home"))
    monkeypatch.delenv("RETRO_TUI_SESSIONS", raising=False)
    monkeypatch.delenv("RETRO_TUI_SETTINGS", raising=False)
    current.cache_clear()
    yield state
    current.cache_clear()


@pytest.fixture(autouse=True)
def no_animations(monkeypatch) -> None:
    """Apps made in a test move at once where Textual would animate (a tab's underline
    sliding to the next step, a scroll into view): as TEXTUAL_ANIMATIONS=none does,
    which Textual reads once, at its import. The frames in between were a fifth of
    the CPU of a step change (every snapshot comes out the same without them). Apps
    run as processes by a test keep the user's setting."""
    from textual import constants

    monkeypatch.setattr(constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def fresh_collector() -> None:
    """Each test's app starts with the garbage collector as a new process has it.

    retro_tui.ui.heap collects in full when a session settles after an earlier one was
    given back; in the user's process that pass walks one app. In a test worker the
    "earlier session" is the previous test's, and the pass walks the whole worker (every
    test module, pytest, all that earlier tests left): 0.2-0.6 s a test, a sixth of an
    app test's CPU. Within a test, closing one session and opening the next still goes
    through that collection as a user's does."""
    import gc

    from retro_tui.ui import heap

    if heap._frozen:  # a test that ended with its session still on screen
        gc.unfreeze()
    heap._frozen = heap._given_back = False
    gc.enable()  # and one that ended while a session was being read


def made_once(tmp_path_factory, name: str, make) -> Path:
    """The folder `make(folder)` fills, made once in a whole run, whichever of the
    parallel workers asks first; the others wait for it and read the same files.
    (xdist runs a module-scoped fixture again in every worker that gets one of its
    tests, and a module's tests are spread over workers.) For results that depend
    only on their input, such as one export of a fixed session."""
    from filelock import FileLock

    run = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run = run.parent  # the folder all the run's workers share
    folder = run / f"made-once-{name}"
    with FileLock(str(folder) + ".lock"):
        if not (folder / ".done").exists():
            if folder.exists():  # a worker that failed half-way
                shutil.rmtree(folder)
            folder.mkdir()
            make(folder)
            (folder / ".done").touch()
    return folder


@pytest.fixture
def run_cli(capsys):
    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def minimal_file(tmp_path: Path) -> Path:
    path = tmp_path / "minimal.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the example session to change freely; the bundled file stays as it is."""
    path = tmp_path / "example.toml"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.fixture(params=["idle", "busy"])
def load(request):
    """Run a test as is, and again on a busy CPU, as on a laptop that is also projecting
    and on a call.

    Busy is a process spinning on the very core the test runs on, both held to that one
    core: the app gets half of it at most, less than beside two spinning processes spread
    over two cores (two thirds), for half the CPU they burned. It spins only while the
    test's process wants to run (tests/cpu_hog.py): waiting for the app, the test would
    leave it the core, and the CPU it burned then proved nothing. Where a process cannot
    be held to a core (macOS, no /proc), two spin for ever beside it as before."""
    import subprocess
    import sys

    if request.param == "idle":
        yield request.param
        return
    pinned = hasattr(os, "sched_setaffinity") and os.path.isdir(f"/proc/{os.getpid()}/task")
    if pinned:
        allowed = os.sched_getaffinity(0)
        worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0")[2:] or 0)
        core = sorted(allowed)[worker % len(allowed)]  # workers spread over the cores
        os.sched_setaffinity(0, {core})  # this thread, and what it starts from now on
    if pinned:
        hogs = [subprocess.Popen([sys.executable, str(Path(__file__).with_name("cpu_hog.py")), str(os.getpid())])]
    else:
        hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        yield request.param
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
        if pinned:
            os.sched_setaffinity(0, allowed)


def pytest_configure(config) -> None:
    """The collector's full passes a quarter as often as in a new process. A test
    worker holds some 330,000 objects of its own (pytest, hypothesis, every module the
    tests import) besides the app under test, and each full pass walked them all: 0.15
    to 0.3 s a pass, 40 passes in fifty app tests, a fifth of their CPU. Young passes
    come as before; what the app's own heap module does with the collector is as it is."""
    import gc

    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 40)


def pytest_sessionfinish(session) -> None:
    """pytest's check for exceptions raised where nobody could catch them collects
    five times over at the end of a worker's run, each pass over everything the worker
    holds (some 0.2 s apiece by then). Collected here until a pass finds nothing, which
    is all those five passes can find, and what lives on frozen: their passes then walk
    nothing. Anything raised while collecting is still reported by pytest."""
    import gc

    for _ in range(5):
        if gc.collect() == 0:
            break
    gc.freeze()
