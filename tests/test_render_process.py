"""Autosave renders big sessions in a helper process; the text must be the very same,
and a helper that fails must never cost a save."""

from conftest import EXAMPLE
from retro_tui.store import load, snapshot
from retro_tui.store import render_process as rp


def test_the_helper_renders_exactly_what_this_process_would():
    data = snapshot(load(EXAMPLE))
    try:
        assert rp.render_elsewhere(data) == rp.render_toml(data)
        first = rp._child
        assert first is not None and first.poll() is None  # kept for the next save
        assert rp.render_elsewhere(data) == rp.render_toml(data)
        assert rp._child is first
    finally:
        rp.stop()
    assert rp._child is None


def test_a_helper_that_died_falls_back_and_is_started_again():
    data = snapshot(load(EXAMPLE))
    try:
        rp.render_elsewhere(data)
        dead = rp._child
        dead.kill()
        dead.wait()
        assert rp.render_elsewhere(data) == rp.render_toml(data)
        started_again = rp._child
        assert started_again is not None and started_again is not dead and started_again.poll() is None
        started_again.stdin.close()  # broken mid-way: rendered here instead
        assert rp.render_elsewhere(data) == rp.render_toml(data)
    finally:
        rp.stop()
