"""Keys pressed the moment the first frame is up, before the session behind it has been
read, do nothing and break nothing: their footer keys are greyed until it is there."""

from __future__ import annotations


from apphelpers import opened, post_keys, settle
from retro_tui.model import StepId
from retro_tui.store import load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized
from retro_tui.ui.session_screen import SessionScreen

EARLY = ["f6", "f5", "f2", "f3", "f7", "f8", "f9", "ctrl+s", "f6", "f4"]


async def test_keys_before_the_session_is_read_do_nothing_and_are_greyed(tmp_path, minimal_file, monkeypatch):
    held = []
    monkeypatch.setattr(RetroApp, "read_for", lambda self, screen, path, shown: held.append((screen, path, shown)))
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.session is None and held
        assert screen.check_action("step", (1,)) is None  # greyed in the footer, not hidden
        assert app.check_action("switch_language", ()) is None
        post_keys(app, *EARLY)
        await settle(pilot)
        assert app.screen is screen  # no quote box, pause or export opened on nothing
        from retro_tui.store import load as read

        await screen._show_session(read(minimal_file))
        await opened(pilot)
        assert screen.check_action("step", (1,)) is True
        assert screen.current == StepId.checkin  # the early F6s did not count later
        await pilot.press("f6")
        assert screen.current == StepId.relate
        await pilot.press("ctrl+q")
    assert load(minimal_file).session.current_step == StepId.relate


async def test_keys_while_the_steps_are_being_built_do_not_crash(tmp_path, minimal_file, monkeypatch):
    """The window the crash was in: the session is read, its panes are being mounted and
    its autosave is not there yet; F6 went to `None.changed()`."""
    sent = []
    original = SessionScreen._make_panes

    def make_panes_and_press(screen, *steps):
        if screen.app is not None and not sent:
            sent.append(True)
            post_keys(screen.app, *EARLY)
        return original(screen, *steps)

    monkeypatch.setattr(SessionScreen, "_make_panes", make_panes_and_press)
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await settle(pilot)
        assert sent
        # Keys that came after the build act as usual (F7 may have opened the quotes);
        # the session screen below them is whole, and the app did not stop on an error.
        screen = next(s for s in app.screen_stack if isinstance(s, SessionScreen))
        assert screen.autosave is not None and app.is_running
        await pilot.press("ctrl+q")
    assert app.return_code in (0, None)


async def test_keys_typed_while_the_session_is_read_do_nothing_once_it_is_there(tmp_path, minimal_file, monkeypatch):
    """The session is read on the UI thread once its screen is laid out: keys typed
    meanwhile queue behind the reading, and must not act on the session it brings."""
    from retro_tui import store

    seen = []
    read = store.load_read

    def load_while_typing(path):
        app = seen[0]
        screen = app.screen
        # The screen has been laid out (its frame painted) before the reading starts.
        seen.append(screen.query_one("#title").size.width)
        post_keys(app, *EARLY)
        return read(path)

    monkeypatch.setattr(store, "load_read", load_while_typing)
    app = localized(RetroApp)(tmp_path, minimal_file)
    seen.append(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await settle(pilot)
        assert seen[1:] and seen[1] > 0, seen
        screen = app.screen
        assert isinstance(screen, SessionScreen)  # no quote box, pause or export opened
        assert screen.current == StepId.checkin  # the F6s typed while it was read did not count
        await pilot.press("f6")
        assert screen.current == StepId.relate
        await pilot.press("ctrl+q")
    assert load(minimal_file).session.current_step == StepId.relate


async def test_a_quote_typed_while_the_notetakers_session_is_read_stays_where_it_was_typed(tmp_path, minimal_file, monkeypatch):
    """The notetaker's boxes show, with the keyboard, before the file is read: a
    speaker, Enter and the words typed meanwhile land in their boxes while it is read
    (not queued behind the reading, where they ran together in the speaker's box, nor
    dropped as on the facilitator's screen), and Enter then keeps the quote."""
    import time

    from retro_tui import store

    read = store.load_read
    app = localized(RetroApp)(tmp_path, minimal_file, notetaker=True)
    seen: dict[str, str] = {}

    def load_while_typing(path):
        app.call_from_thread(post_keys, app, *"Jan", "enter", *"Het ging te snel")
        words = app.screen.query_one("#words")
        deadline = time.monotonic() + 10
        while words.value != "Het ging te snel" and time.monotonic() < deadline:
            time.sleep(0.01)  # the reading waits here: the keys are handled meanwhile or never
        seen["words while read"] = words.value
        return read(path)

    monkeypatch.setattr(store, "load_read", load_while_typing)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await settle(pilot)
        assert seen == {"words while read": "Het ging te snel"}
        assert app.screen.query_one("#speaker").value == "Jan"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+q")
    saved = [(q.speaker, q.text) for q in load(minimal_file).quotes]
    assert saved == [("Jan", "Het ging te snel")], saved
