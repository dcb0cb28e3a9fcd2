"""Driving the app in tests: fill a form the way a user would, then save it with ctrl+s.

Long texts are set on the widgets directly (pressing 200 keys one by one only makes the
suite slow); the keys that matter (a, ctrl+s, f2, f6, tab...) are pressed for real.
"""

from __future__ import annotations

from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea

from retro_tui.ui.forms import RecordForm


async def fill(pilot, **values) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, RecordForm), type(screen)
    for name, value in values.items():
        widget = screen.query_one(f"#field-{name}")
        if isinstance(widget, Input):
            widget.value = str(value)
        elif isinstance(widget, TextArea):
            widget.load_text("\n".join(value) if isinstance(value, list) else value)
        elif isinstance(widget, (Select, Checkbox)):
            widget.value = value
        elif isinstance(widget, SelectionList):
            widget.deselect_all()
            for item in value:
                widget.select(item)
    await pilot.press("ctrl+s")
    await pilot.pause()
    # The form closed (a check-in round may open the next person's form at once).
    assert pilot.app.screen is not screen, screen.query_one("#form-error").render()


async def add(pilot, **values) -> None:
    await pilot.press("a")
    await pilot.pause()
    await fill(pilot, **values)


async def quote(pilot, speaker: str, words: str) -> None:
    await pilot.press("f2")
    await pilot.pause()
    await pilot.press(*speaker, "enter", *words, "enter")
    await pilot.pause()


def visible_text(app) -> str:
    """The text on the screen as a user sees it, taken from the app's own screenshot."""
    import html
    import re

    svg = app.export_screenshot()
    body = svg[svg.index("<g class=\"terminal"):] if "<g class=\"terminal" in svg else svg
    return html.unescape(re.sub(r"<[^>]+>", "", body)).replace("\xa0", " ")


async def opened(pilot) -> None:
    """Wait until the session screen has read its file and built its steps' panes: it
    paints first and reads the session right after its first frame."""
    import asyncio

    async def settled() -> None:
        # Ready, or replaced by the message of a file that could not be read. (The
        # facilitator's and the notetaker's screens both say when they are ready.)
        while (ready := getattr(pilot.app.screen, "ready", None)) is not None and not ready.is_set():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(settled(), timeout=30)
    await pilot.pause()


async def add_event(pilot, **values) -> None:
    """The timeline's full form: a opens the quick-add line, Tab turns it into the form."""
    await pilot.press("a", "tab")
    await pilot.pause()
    await fill(pilot, **values)


def _key_event(key: str):
    """The Key event a terminal sends for one key name or one character."""
    import unicodedata

    from textual import events

    names = {" ": "space", "-": "minus", "+": "plus", ":": "colon", ".": "full_stop", ",": "comma", '"': "quotation_mark"}
    if len(key) == 1:
        return events.Key(names.get(key, key), key)
    char = {"space": " ", "enter": "\r", "tab": "\t", "escape": "\x1b"}.get(key)
    if char is None and len(key) > 1 and "+" not in key:
        try:
            char = unicodedata.lookup(key.replace("_", " "))
        except KeyError:
            char = None
    return events.Key(key, char)


def post_keys(app, *keys: str) -> None:
    """Each key (a name or one character) posted at once, and no wait at all: the
    caller waits for what the keys lead to."""
    for key in keys:
        app.post_message(_key_event(key))


async def burst(pilot, *keys: str) -> None:
    """Keys as a fast typist on a busy machine sends them: all queued at once, with no
    wait for the app between them (`pilot.press` waits for idle after every key, which
    hides every race between focus and typing). Each argument is a key name, or a string
    whose characters are typed one by one ('Marieke', 'tab', ...)."""
    app = pilot.app
    for key in keys:
        for name in ([key] if len(key) == 1 or key in KEY_NAMES or "+" in key else list(key)):
            app.post_message(_key_event(name))
    await settle(pilot)


KEY_NAMES = {"tab", "enter", "escape", "space", "backspace", "delete", "up", "down", "left", "right",
             "home", "end", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12", "insert"}


async def settle(pilot) -> None:
    """Wait until every key sent has been handled and the app is idle."""
    import asyncio

    async def done() -> None:
        while getattr(pilot.app, "keys_waiting", False):
            await asyncio.sleep(0.01)

    for _ in range(3):
        await asyncio.wait_for(done(), timeout=60)
        await pilot.pause()


async def until(pilot, ready, timeout: float = 120) -> None:
    """Wait until `ready()` holds; the timeout guards against hanging, it is no measurement."""
    import asyncio

    async def wait() -> None:
        while not ready():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(wait(), timeout=timeout)
    await pilot.pause()


async def palette_offers(pilot, words: str) -> None:
    """Wait until the command palette's highlighted command is the one with `words`: the
    palette searches in the background, so an Enter sent before it is done picks nothing,
    or what an earlier letter found."""
    from textual.command import CommandList

    def offered() -> bool:
        found = pilot.app.screen.query(CommandList)
        at = found.first().highlighted if found else None
        return at is not None and words.lower() in str(found.first().get_option_at_index(at).prompt).lower()

    await until(pilot, offered)


def notices(app) -> list[str]:
    """Every notification the app gives from now on, recorded on its way through the
    public `notify` (still shown), so no test reads Textual's private list of them."""
    said: list[str] = []
    shown = app.notify

    def notify(message, *args, **kwargs):
        said.append(str(message))
        return shown(message, *args, **kwargs)

    app.notify = notify
    return said


async def on_timeline(pilot):
    """The session read, then its timeline step, with the keyboard on the view."""
    from retro_tui.model import StepId
    from retro_tui.ui.timeline_view import TimelineView

    await opened(pilot)
    pilot.app.screen.go_to(StepId.timeline)
    await pilot.pause()
    view = pilot.app.screen.query_one("#pane-timeline TimelineView", TimelineView)
    assert pilot.app.focused is view
    return view


async def member_typed_behind_f6(pilot, screen) -> None:
    """From the step before the family: F6, `a` and a new member's two fields in one
    burst. The form opens in the family step, holds each word in its field, and saves."""
    from retro_tui.model import StepId

    await burst(pilot, "f6", "a", "Marieke", "tab", "tab", "moeder")
    form = pilot.app.screen
    assert screen.current == StepId.family
    assert isinstance(form, RecordForm)
    assert form.query_one("#field-pseudonym", Input).value == "Marieke"
    assert form.query_one("#field-role", Input).value == "moeder"
    await burst(pilot, "ctrl+s")
    assert [m.pseudonym for m in screen.session.family.members][-1] == "Marieke"
