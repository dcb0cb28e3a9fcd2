"""The export screen (F9) for every kind of session: it offers what the kind makes
(minutes: no declaration, but the next meeting's calendar file), finds an identifier
planted in the kind's own records, and writes the files once it is accepted on purpose,
all by keys."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Button, SelectionList

from apphelpers import burst, visible_text
from kind_sessions import KINDS
from retro_tui.i18n import set_language
from retro_tui.ui.export_screen import ExportScreen
from retro_tui.ui.keys import localized


class Host(App):
    """Only the export screen, over a session of any kind, as the session screen opens it."""

    def __init__(self, session, path):
        super().__init__()
        self.session, self.path, self.result = session, path, "open"

    def on_mount(self) -> None:
        self.push_screen(localized(ExportScreen)(self.session, self.path), self._done)

    def _done(self, written) -> None:
        self.result = written


OFFERED = {"prospective": {"md", "html", "docx", "pdf", "eml", "ics", "intention"},
           "meeting": {"md", "html", "docx", "pdf", "eml", "ics"},
           "evaluation": {"md", "html", "docx", "pdf", "eml"}}
PLANT = {"prospective": lambda s: s.undercurrent.pulls[0],
         "meeting": lambda s: s.meeting.carried[1],
         "evaluation": lambda s: s.evaluation.changes[0]}


@pytest.mark.parametrize("kind", KINDS)
async def test_the_export_screen_writes_each_kinds_files_once_an_identifier_is_accepted(tmp_path, kind):
    set_language("nl")
    session = KINDS[kind]()
    target = PLANT[kind](session)
    field = "in_the_way" if kind == "meeting" else "text"
    setattr(target, field, getattr(target, field) + " Bel 06-12345678.")
    app = Host(session, tmp_path / f"{kind}.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        formats = screen.query_one("#formats", SelectionList)
        assert {formats.get_option_at_index(i).value for i in range(formats.option_count)} == OFFERED[kind]
        assert set(formats.selected) == OFFERED[kind]
        if kind == "meeting":
            assert "volgende overleg" in visible_text(app)
        assert not screen.query_one("#checkin-words").display  # nobody's check-in words were noted
        findings = screen.query_one("#findings", SelectionList)
        [found] = [str(findings.get_option_at_index(i).prompt) for i in range(findings.option_count)]
        assert "06-12345678" in found
        assert screen.query_one("#export", Button).disabled
        findings.focus()
        await burst(pilot, "space", "ctrl+a")  # tick and accept on purpose, at once
        assert len(session.privacy.accepted) == 1
        assert not screen.query_one("#export", Button).disabled
        await burst(pilot, "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = {p.name for p in app.result}
    assert {n.rsplit(".", 1)[1] for n in written} == OFFERED[kind] - {"intention"} | (
        {"toml"} if "intention" in OFFERED[kind] else set())
    assert len(session.privacy.accepted) == 1
    report = next(p for p in app.result if p.suffix == ".md").read_text("utf-8")
    assert "06-12345678" in report  # accepted, so written as it is
