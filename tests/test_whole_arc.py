"""The whole arc of a case as a facilitator goes through it, in one app, by keyboard:
a retrospective whose closing was passed over, then from the case view the prospective
analysis, three core-team meetings (an action not done in the first meeting's follow-up
stays open until the third), and the evaluation. After each session the real
`retro-tui case` says where the case stands and the real `retro-tui export --format all`
writes the kind's own document without the family's name.

Keys go in bursts (apphelpers.burst posts them all before the app handles any); a form
is waited for once it opens, as a person waits to see it, and a step of one-key answers
once it shows. RACE: answers typed in the same burst as the F6 that shows their step
now and then land on the wrong row (the course's second answer on the first row, seen
in about one run in three; after main's merge, f6 f6 f6 f6 1 3 kept the answers but
left the cursor off the row the last answer moved it to in 2 of 4 runs), within this
test only: a burst of f6 f6 f6 1 1 1 on a meeting opened straight from its file kept
every answer in ten runs. Cause not found yet."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from apphelpers import burst, opened, settle, visible_text
from retro_tui.i18n import set_language
from retro_tui.model.enums import Language
from retro_tui.store import copy_example, load, save
from retro_tui.ui.app import RetroApp
from retro_tui.ui.case_view import CaseScreen
from retro_tui.ui.forms import RecordForm
from retro_tui.ui.keys import localized
from retro_tui.ui.session_screen import SessionScreen

pytestmark = pytest.mark.slow

CODE = "VOORBEELD-FICTIEF-01"
RETRO_TUI = Path(sys.executable).with_name("retro-tui")  # the installed command, as a user runs it
FAMILY = ("Akkerman", "Lotte")


def cli(folder: Path, lang: str, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    done = subprocess.run([str(RETRO_TUI), "--lang", lang, "--sessions-dir", str(folder), *args],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def case_says(folder: Path, lang: str = "nl") -> str:
    # The printout wraps at the terminal's width; joined again, a line reads whole.
    return " ".join(cli(folder, lang, "case", CODE).split())


def exported(folder: Path, session: Path, lang: str = "nl") -> dict[str, str]:
    """Every format written; the text ones read back (docx and pdf are checked for
    names by the privacy tests; here they must exist)."""
    out = folder.parent / "out" / session.stem
    said = cli(folder, lang, "export", str(session), "--format", "all", "--out", str(out))
    files = sorted(out.iterdir())
    assert {f.suffix for f in files} >= {".md", ".html", ".docx", ".pdf", ".eml"}, said
    texts = {f.suffix: f.read_text("utf-8") for f in files if f.suffix in (".md", ".html", ".eml", ".ics")}
    for suffix, text in texts.items():
        for name in FAMILY:
            assert name not in text, (session.name, suffix, name)
    return texts


async def until(pilot, ready) -> None:
    async def wait() -> None:
        while not ready():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(wait(), timeout=20)  # a guard against hanging, not a measurement
    await settle(pilot)


async def form(pilot) -> RecordForm:
    await until(pilot, lambda: isinstance(pilot.app.screen, RecordForm))
    return pilot.app.screen


async def saved_form(pilot, *keys: str) -> None:
    """The rest of a form typed and ctrl+s: it closes, or the test shows why not."""
    shown = await form(pilot)
    await burst(pilot, *keys, "ctrl+s")
    assert pilot.app.screen is not shown, shown.query_one("#form-error").render()


async def case_view(pilot) -> CaseScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, CaseScreen) and pilot.app.screen.state is not None)
    return pilot.app.screen


async def start_next(pilot, downs: int) -> SessionScreen:
    """From the case view: n, the kind (downs from the prospective analysis), Enter."""
    await case_view(pilot)
    await burst(pilot, "n", *["down"] * downs, "enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, SessionScreen))
    await opened(pilot)
    assert load(pilot.app.screen.path).session.case_code == CODE
    return pilot.app.screen


async def back_to_case(pilot) -> None:
    """F10, as F1 and the palette name it: the session is kept and closed, and the case
    view it was opened from comes back (read again)."""
    assert isinstance(pilot.app.screen, SessionScreen), visible_text(pilot.app)
    await burst(pilot, "f10")
    await case_view(pilot)


def day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).strftime("%d-%m-%Y")


def retrospective(folder: Path) -> Path:
    """The example's retrospective with its closing passed over: the declaration is to
    be made in the prospective analysis (and the rest of the example's case taken away)."""
    path = copy_example(folder)
    for other in folder.glob("2026-*.toml"):
        other.unlink()
    session = load(path)
    session.closing = type(session.closing)()
    session.session.skipped_steps = ["closing"]
    save(session, path)
    return path


async def test_a_whole_case_from_retrospective_to_evaluation_by_keys(tmp_path):
    set_language("nl")
    folder = tmp_path / "sessions"
    retro = retrospective(folder)

    said = case_says(folder)
    assert "1 sessie" in said and "De intentieverklaring die geldt" in said
    md = exported(folder, retro)[".md"]
    assert "De intentieverklaring volgt in de perspectieve analyse." in md

    app = localized(RetroApp)(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await burst(pilot, "c", "enter")  # the case choice, then its only case
        await case_view(pilot)

        # --- the prospective analysis -------------------------------------------------
        screen = await start_next(pilot, 0)
        prospective = screen.path
        assert screen.session.session.kind == "prospective" and screen.current == "checkin"
        await burst(pilot, "f6", "f6", "a")  # past the check-in and the backdrop
        assert screen.current == "undercurrent"
        await saved_form(pilot, "Ieder trekt aan een eigen touw als de druk stijgt")
        await burst(pilot, "f6", "a")
        await saved_form(pilot, "We bellen elkaar eerst, dan pas de rechter")
        await burst(pilot, "tab", "a")
        await saved_form(pilot, "We zeggen het hardop als we twijfelen")
        await burst(pilot, "f6")
        for line in ("Eén plan voor het hele gezin", "De stem van Lotte is leidend"):
            await burst(pilot, "a")
            await saved_form(pilot, line)
        # The core team, picked from the participants (Esther, Fatima, Henk): no name typed.
        await burst(pilot, "f6")
        assert screen.current == "core_team"
        for downs, role in ((0, "casusregisseur"), (2, "inhoud"), (4, "onderwijs")):
            await burst(pilot, "a")
            await saved_form(pilot, "enter", *["down"] * downs, "enter", "tab", role)
        await burst(pilot, "tab", "e")  # the declaration: Esther's content team with a deadline
        await saved_form(pilot, "Samen één plan voor het gezin", "tab", "Inhoud en proces apart",
                         "tab", "space", "tab", day(42))
        # The declaration's five commitments come pre-filled; each gets its holder.
        await burst(pilot, "f6", "e")
        await saved_form(pilot, "tab", "tab", "enter", "down", "down", "enter")  # the course: Fatima
        await burst(pilot, "down", "e")
        await saved_form(pilot, "tab", "tab", "enter", "down", "enter")  # reliable and open: Esther
        await back_to_case(pilot)

        closing = load(prospective).closing
        assert [m.participant for m in closing.core_team] == ["p-esther", "p-fatima", "p-henk"]
        esther, fatima, _henk = (m.id for m in closing.core_team)
        assert closing.content_team == [esther]
        assert [(c.id, c.member) for c in closing.commitments][:3] == [
            ("cm-course", fatima), ("cm-reliable", esther), ("cm-calm", None)]
        said = case_says(folder)
        assert "uit de perspectieve analyse van" in said
        assert "Kernteam: Esther Vonk, Fatima El Idrissi, Henk Oosterveld" in said
        assert "Koers (Fatima El Idrissi)" in said
        assert "1. Eén plan voor het hele gezin" in said and "2. De stem van Lotte is leidend" in said
        md = exported(folder, prospective)[".md"]
        assert "## De onderstroom van onze samenwerking" in md and "## Een stevig kernteam" in md
        assert "## Commitment in houding en gedrag" in md and "Samen één plan voor het gezin" in md

        # --- meeting 1: the course answered, an action each for Esther and Henk -----------
        screen = await start_next(pilot, 1)
        first = screen.path
        assert screen.session.session.kind == "meeting"
        # The step is looked at before it is answered (see RACE below).
        await burst(pilot, "f6", "f6", "f6")
        assert screen.current == "course_check"
        await burst(pilot, "1", "2")  # course: on course, partly
        assert [c.state for c in screen.session.meeting.course_checks] == ["on_course", "partly"]
        await burst(pilot, "f6", "f6", "a")
        await saved_form(pilot, "enter", "down", "enter", "tab", "Oma uitnodigen voor het overleg",
                         "tab", "Een afspraak", "tab", day(7))
        await burst(pilot, "a")
        await saved_form(pilot, "enter", "down", "down", "down", "enter", "tab", "School bellen over Lotte",
                         "tab", "Een rooster", "tab", day(7))
        await burst(pilot, "tab", "e")
        await saved_form(pilot, day(7), "tab", "9u", "tab", "Wijkteam")
        await back_to_case(pilot)

        said = case_says(folder)
        assert "Eén plan voor het hele gezin · op koers" in said and "De stem van Lotte is leidend · deels" in said
        assert "Open acties (2 open, 0 gedaan)" in said
        assert "Esther Vonk · Oma uitnodigen voor het overleg" in said
        assert "Henk Oosterveld · School bellen over Lotte" in said
        assert f"Volgend overleg {dt.date.today() + dt.timedelta(days=7)} 09:00" in said
        md = exported(folder, first)[".md"]
        assert "## Zijn we nog op koers?" in md and "## Volgende stappen" in md

        # --- meeting 2: Esther's done, Henk's not, and why --------------------------------
        screen = await start_next(pilot, 1)
        second = screen.path
        assert [a.what for a in screen.session.meeting.carried] == [
            "Oma uitnodigen voor het overleg", "School bellen over Lotte"]
        await burst(pilot, "f6", "f6", "f6", "f6")
        assert screen.current == "actions_review"
        await burst(pilot, "1", "3")
        await burst(pilot, "e")  # the answer kept the row: what got in the way of Henk's
        await saved_form(pilot, "tab", "De school was met herfstvakantie")
        await back_to_case(pilot)

        said = case_says(folder)
        assert "Open acties (1 open, 1 gedaan)" in said
        assert "Henk Oosterveld · School bellen over Lotte" in said and "De school was met herfstvakantie" in said
        assert "Oma uitnodigen" not in said.split("Open acties")[1]
        md = exported(folder, second)[".md"]
        assert "## Terugkoppeling acties" in md and "De school was met herfstvakantie" in md

        # --- meeting 3: the carried one done ----------------------------------------------
        screen = await start_next(pilot, 1)
        third = screen.path
        assert [a.what for a in screen.session.meeting.carried] == ["School bellen over Lotte"]
        await burst(pilot, "f6", "f6", "f6", "f6")
        await burst(pilot, "1")
        await back_to_case(pilot)

        said = case_says(folder)
        assert "Open acties (0 open, 2 gedaan)" in said and "School bellen" not in said
        md = exported(folder, third)[".md"]
        assert "## Terugkoppeling acties" in md and "School bellen over" in md

        # --- the evaluation ---------------------------------------------------------------
        screen = await start_next(pilot, 2)
        evaluation = screen.path
        assert screen.session.session.kind == "evaluation"
        await burst(pilot, "f6")
        assert screen.current == "kept"
        await burst(pilot, "1", "2", "3")  # kept, partly, not kept
        await burst(pilot, "f6", "shift+tab", "enter", "down", "down", "enter")  # the group: mostly side by side
        assert screen.current == "relate_again"
        await burst(pilot, "f6", "Moeder: eindelijk luistert iemand naar ons.")
        assert screen.current == "family_view"
        await burst(pilot, "f6", "a")
        await saved_form(pilot, "Eens per maand bij het gezin thuis")
        await back_to_case(pilot)

        again = load(evaluation).evaluation
        assert [r.kept for r in again.reviews][:3] == ["kept", "partly", "not_kept"]
        said = case_says(folder)
        assert "Evaluatie van" in said and "Commitment: 1 nagekomen, 1 deels, 1 niet nagekomen" in said
        assert "toen vooral naast elkaar, nu vooral naast elkaar" in said and "Eens per maand bij het gezin thuis" in said
        md = exported(folder, evaluation)[".md"]
        assert "## Nagekomen?" in md and "## Naast of tegenover elkaar, opnieuw" in md and "## Wat veranderen we?" in md
        assert "Moeder: eindelijk luistert iemand naar ons." in md

        assert len(app.screen.state.case.sessions) == 6
        assert [s.kind for s in app.screen.state.case.sessions] == [
            "retrospective", "prospective", "meeting", "meeting", "meeting", "evaluation"]


async def test_the_case_view_and_a_meeting_in_english(tmp_path):
    """The shorter pass for the other language: the example's whole case, a fourth
    meeting started from the case view, answered, and the case and minutes in English."""
    set_language("en")
    folder = tmp_path / "sessions"
    copy_example(folder)
    for path in folder.glob("*.toml"):  # a case kept in English: its sessions say so
        session = load(path)
        session.session.language = Language.en
        save(session, path)
    app = localized(RetroApp)(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await burst(pilot, "c", "enter")
        await case_view(pilot)
        shown = visible_text(app)
        assert "Case VOORBEELD-FICTIEF-01" in shown and "The intention declaration in force" in shown
        screen = await start_next(pilot, 1)
        meeting = screen.path
        assert "Check-in" in visible_text(app)
        await burst(pilot, "f6", "f6", "f6")
        assert screen.current == "course_check" and "Are we still on course?" in visible_text(app)
        await burst(pilot, "3")  # the first item off course; the answer moves on a row
        await burst(pilot, "up", "e")
        await saved_form(pilot, "tab", "Sem was not heard again")
        await back_to_case(pilot)
    said = case_says(folder, "en")
    assert "Meeting · Core-team meeting 4" in said
    assert "Open actions (3 open, 5 done)" in said
    assert "off course" in said and "Sem was not heard again" in said
    md = exported(folder, meeting, "en")[".md"]
    assert "## Are we still on course?" in md and "## Feedback on actions" in md
    assert "was not heard again" in md and "Sem" not in md  # the family's first names masked too
