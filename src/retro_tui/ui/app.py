"""The app: wires the screens together and owns nothing but the open session."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import App
from textual.screen import ModalScreen

from ..i18n import current_language, set_language, t
from ..platform_calls import stop_signals
from . import heap
from .commands import SessionCommands
from .help import HelpScreen
from .keys import Key, localized
from .opening import LoadErrorScreen, OpeningScreen
from .session_host import SessionHost
from .session_screen import SessionScreen
from .textual_words import open_palette, open_theme_search, quit_hint, system_commands
from .type_ahead import TypeAhead

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..model import Session
    from ..store import Peek, SessionError

# The exit status of a command whose file could not be read (as the command line's).
USER_ERROR = 2
# After a stop signal, with everything kept: how long the ending may take at most.
STOP_SECONDS = 1.5


class RetroApp(TypeAhead):
    TITLE = "retro-tui"
    COMMANDS = App.COMMANDS | {SessionCommands}
    KEYS = [
        Key("f1", "help", "key.help", show=False, id="help"),
        Key("ctrl+q", "quit", "key.quit", show=False, priority=True, id="quit"),
        # Ours, so the footer's "palette" is in the person's language (Textual adds its
        # own English one only when the app has none).
        Key("ctrl+p", "command_palette", "palette.open", show=False, priority=True, id="command_palette"),
        # On the app, so it works with a form open over the session too (the form's words
        # go to the journal as at the way out).
        Key("f10", "close_session", "key.close_session", show=False, priority=True, id="close_session"),
    ]

    def __init__(
        self,
        folder: Path,
        path: Path | None = None,
        follow_session_language: bool = True,
        notetaker: bool = False,
        bundle: tuple[list[Path], bool] | None = None,
    ):
        super().__init__()
        self.bundle = bundle  # (paths, include drafts): start on the bundle view
        self.notetaker = notetaker  # the second person's compact view (notetaker.py)
        self.folder = folder
        self.start_path = path
        self.follow_session_language = follow_session_language
        self.start_failed = False  # the file it was started on could not be read
        self.painted = False  # the first frame is on the screen
        self.closing = False

    def on_mount(self) -> None:
        from ..settings import current

        self.set_keymap(current().keymap)  # the person's own keys, by binding id
        for sig in stop_signals(interrupt=True):
            # A closed terminal, a logout, a kill: keep what is typed, then stop.
            try:
                asyncio.get_running_loop().add_signal_handler(sig, self.stop_for_signal, sig)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # not the main thread (tests)
        if not self.is_headless and sys.__stdin__ is not None and sys.__stdin__.isatty():
            self._terminal = sys.__stdin__.fileno()
            self.set_interval(1, self._watch_terminal, name="terminal-watch")
        if self.bundle is not None:
            from .bundle_view import BundleScreen

            self.push_screen(localized(BundleScreen)(*self.bundle))
        elif self.start_path is not None:
            self.open_session(self.start_path, replace=False)
        else:
            self.push_screen(localized(OpeningScreen)(self.folder))

    def on_ready(self) -> None:
        # The session is read only now: the first frame must not wait for pydantic.
        self.painted = True
        if isinstance(self.screen, SessionScreen):
            self.screen.read_session()
        screen = self.screen
        if not (isinstance(screen, SessionHost) and screen.session is None):
            # No session being read, whose screen settles the collector: the command
            # held it for the start (cli.py), and it is needed from here on.
            heap.release()

    def _watch_terminal(self) -> None:
        # A terminal closed without a SIGHUP to us ends as a closed window does.
        from ..platform_calls import terminal_gone

        if not self.closing and terminal_gone(self._terminal):
            self.stop_for_signal(getattr(signal, "SIGHUP", signal.SIGTERM))

    def stop_for_signal(self, sig: int) -> None:
        """The terminal is gone or the system asks us to stop: keep everything, then
        end. The words are on disk before anything else is tried; whatever then hangs
        (a terminal that takes no more output) cannot keep the process alive with the
        file open."""
        import os
        import threading

        # First: the last save may wait for another writer's lock, on this thread.
        # A daemon: it never holds the process up, it only ends one that hangs.
        deadline = threading.Timer(STOP_SECONDS, os._exit, (128 + sig,))
        deadline.daemon = True
        deadline.start()
        self.exit()  # journals what is typed, then saves

    def keep_everything(self) -> None:
        """What is typed anywhere: the notes into the session file, forms and boxes
        into the draft journal, on this thread, before the screens are taken down."""
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_everything", None)
            if keep is not None:
                try:
                    keep()
                except Exception:  # one screen's failure must not stop the rest
                    pass

    async def action_quit(self) -> None:
        # A step's pane still being built (a second after the start, or behind F6) is
        # let finish first: taken down mid-mount, Textual's Select looked for parts of
        # itself already gone, and quitting ended on a traceback.
        for screen in self.screen_stack:
            built = getattr(screen, "panes_built", None)
            if built is not None:
                await built()
        self.exit()

    def exit(self, *args, **kwargs) -> None:
        from ..store.render_process import stop

        if not self.closing:
            self.closing = True
            stop()  # the last save happens on this thread
            self.keep_everything()
            heap.release()  # quit while a session was being read
        super().exit(*args, **kwargs)

    def open_session(self, path: Path, replace: bool = True, session: Session | None = None) -> None:
        from ..store import peek

        if self.notetaker:
            from .notetaker import NotetakerScreen

            peeked = peek(path) if session is None else None
            if self.follow_session_language and (session or peeked):
                set_language(session.session.language if session else cast("Peek", peeked).language)
            self.push_screen(localized(NotetakerScreen)(session, path))
            return
        peeked, digest = None, None
        if session is None:
            peeked = peek(path)
            if peeked is None:  # not even its title reads: the full load says why
                from ..store import SessionError, load_read

                try:
                    session, digest = load_read(path)
                except SessionError as error:
                    self.open_failed(error)
                    return
        if self.follow_session_language:
            set_language(session.session.language if session else cast("Peek", peeked).language)
        screen = localized(SessionScreen)(session, path, peeked)
        screen.read_digest = digest
        if replace and len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def read_for(self, screen, path: Path, shown) -> None:
        """Read and validate a session once `screen` has painted its frame, then
        `await shown(session)`; or the file's error in place of the screen.

        On this thread, not a worker: the work is CPU-bound under the GIL, and in a
        thread of its own it shared the interpreter with the event loop's timers and
        frames. Interleaved against the thread on a shared 2-core machine, the first
        step's list and the second step after an F6 came 5 to 10 % sooner (median)
        and the slowest runs a third sooner. Keys typed meanwhile are dropped once it is
        shown (`on_event`): before it is read they do nothing, as ever.

        A screen whose boxes take typing before its session is there (the
        notetaker's: `TYPED_BEFORE_READ`) has it read in a thread beside it instead: its
        keys must neither wait behind the reading (a quote typed then would run
        together in the speaker's box) nor be dropped."""
        heap.hold()
        if getattr(screen, "TYPED_BEFORE_READ", False):

            def beside() -> None:
                read = self._read(screen, path, lambda error: self.call_from_thread(self.open_failed, error))
                if read is not None:
                    self.call_from_thread(shown, read)  # whose screen settles the heap

            screen.run_worker(beside, thread=True, exit_on_error=False)
            return

        async def after_frame() -> None:
            if not screen.is_attached:
                heap.release()  # closed before its frame came: nothing to read it for
                return
            read = self._read(screen, path, self.open_failed)
            if read is not None:
                await shown(read)  # whose screen settles the heap

        screen.call_after_refresh(after_frame)

    def _read(self, screen, path: Path, failed: Callable[[SessionError], object]) -> Session | None:
        """The session at `path`, its bytes' digest kept on `screen`; None once
        `failed` was given the file's error. The collector `read_for` held is given
        back if no session comes."""
        from ..platform_calls import big_blocks_from_the_system
        from ..store import SessionError, load_read

        big_blocks_from_the_system()
        try:
            session, screen.read_digest = load_read(path)
        except SessionError as error:
            heap.release()
            failed(error)
            return None
        except BaseException:
            heap.release()
            raise
        return session

    async def on_event(self, event: events.Event) -> None:
        # Keys typed while a session was read on this thread were queued behind the
        # reading; they were pressed before it was there, when they do nothing (their
        # footer keys greyed). The app's own priority keys (quit) still count.
        if isinstance(event, events.Key) and not self._bypasses(event.key):
            screen = self.screen if self.screen_stack else None
            shown_at = getattr(screen, "shown_at", None)
            if shown_at is not None and event.time < shown_at and not getattr(screen, "TYPED_BEFORE_READ", False):
                return
        await super().on_event(event)

    def open_failed(self, error: SessionError) -> None:
        """The file could not be read: say why, in place of the session, file untouched."""
        if error.path == self.start_path:
            self.start_failed = True
        screen = localized(LoadErrorScreen)(error)
        if isinstance(self.screen, SessionScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def action_new_session(self) -> None:
        """A new session starts from its details: the title first, Enter creates it. The
        facilitator's name and organisation come filled in from their settings."""
        from ..settings import current
        from .details_form import DetailsForm

        def filled(fields: dict | None) -> None:
            if fields is not None:
                from ..store import create, save

                path, session = create(self.folder, fields.pop("title", "") or None, current_language())
                if any(fields.values()):
                    for name, value in fields.items():
                        setattr(session.session, name, value)
                    save(session, path)
                self.open_session(path)

        form = localized(DetailsForm)()
        mine = current()
        for name, value in (("facilitator", mine.name), ("organisation", mine.organisation)):
            form.values[name] = form.values.get(name) or value
        self.push_screen(form, filled)

    def _session_below(self) -> SessionScreen | None:
        """The facilitator's session screen on top or under the forms open over it."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, SessionScreen):
                return screen
            if not isinstance(screen, ModalScreen):
                return None
        return None

    def action_close_session(self) -> None:
        """Back to where the session was opened from (the case view, the opening screen),
        everything kept as at the way out: what is typed in an open form to the journal
        before that form goes, the notes into the file."""
        host = self._session_below()
        if host is None:
            return
        # The keys typed just before are still queued at the widget they went to (this
        # key, a priority one, overtook them): close once that widget has taken them.
        (self.screen.focused or self.screen).call_later(self._close, host)

    def _close(self, host: SessionScreen) -> None:
        if host not in self.screen_stack:
            return  # pressed twice
        host.keep_everything()
        while self.screen is not host:
            self.pop_screen()
        if len(self.screen_stack) > 2:  # Textual's default screen, what it came from, this
            self.pop_screen()
        else:  # opened from the command line or in place of the opening screen
            self.switch_screen(localized(OpeningScreen)(self.folder))

    def action_open_bundle(self) -> None:
        """The sessions folder as a bundle: what its cases show together."""
        from .bundle_view import BundleScreen

        self.push_screen(localized(BundleScreen)([self.folder]))

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        # The step's guidance, on the facilitator's screen and the notetaker's alike.
        step = screen.guidance() if isinstance(screen, SessionHost) else None
        self.push_screen(localized(HelpScreen)(screen, step))

    # Textual's own words in the person's language (textual_words.py).
    def action_command_palette(self) -> None:
        open_palette(self)

    def search_themes(self) -> None:
        open_theme_search(self)

    def get_system_commands(self, screen):
        return system_commands(self, screen)

    def action_help_quit(self) -> None:
        quit_hint(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_session":
            # False, not None: where no session is open, F1 does not list it either.
            return self._session_below() is not None
        # A session screen is rebuilt from its session: not before it has one.
        screen = self.screen
        if action == "switch_language" and isinstance(screen, SessionScreen) and not screen.ready.is_set():
            return None
        return True

    def action_switch_language(self) -> None:
        set_language("en" if current_language() == "nl" else "nl")
        screen = self.screen
        if isinstance(screen, SessionScreen) and screen.session is not None and screen.autosave is not None:
            # The person's choice holds for the session: its report comes out in it too.
            from ..model import Language

            if screen.session.session.language != Language(current_language()):
                screen.session.session.language = Language(current_language())
                screen.autosave.changed()
        if isinstance(screen, SessionScreen):
            # The old screen saves as it goes (SessionScreen.on_unmount).
            self.switch_screen(localized(SessionScreen)(screen.session, screen.path))
        elif isinstance(screen, OpeningScreen):
            self.switch_screen(localized(OpeningScreen)(self.folder))
        elif self.notetaker:
            from .notetaker import NotetakerScreen

            if isinstance(screen, NotetakerScreen):
                self.switch_screen(localized(NotetakerScreen)(screen.session, screen.path))
        self.notify(t("language.switched"), timeout=2)


THREAD_TURN = 0.0005  # seconds the UI thread runs before a waiting thread's turn


def run(
    folder: Path,
    path: Path | None = None,
    follow_session_language: bool = True,
    notetaker: bool = False,
    bundle: tuple[list[Path], bool] | None = None,
) -> int:
    app = localized(RetroApp)(folder, path, follow_session_language, notetaker, bundle)
    # Textual reads the keys and writes each frame in threads of their own, and each
    # waits for the interpreter while the UI thread works on (the rest of a key's
    # messages, the next frame): up to 5 ms per turn by default, several turns per
    # frame. Measured on `a` on the big session: frame ready to frame written 2 to 7 ms
    # (median of 8), 1.5 to 4 ms at 0.5 ms.
    sys.setswitchinterval(THREAD_TURN)
    app.run()
    return USER_ERROR if app.start_failed else 0
