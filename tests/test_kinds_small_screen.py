"""Every step of every kind at 80x24, in Dutch and then (F4) in English: one app per
kind. The retrospective's steps also have snapshots of their own."""

from __future__ import annotations

import re

import pytest

from apphelpers import opened, visible_text
from host_sessions import PEOPLE, write_session
from textual.widgets import Tab, Tabs

from retro_tui.i18n import set_language, t
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized

# Words of the app's own that belong to one language only (content is names alone).
ENGLISH = re.compile(r"\b(Select|Name|Notes|Quotes|Help|saved|session|step|New|Pause|Dismiss|Search|None)\b")
DUTCH = re.compile(r"\b(Hulp|Nieuw|Aantekeningen|Citaten|opgeslagen|sessie|stap|Pauze|Inchecken|Naam|Geen)\b")
DEVELOPER = re.compile(r"Traceback|validation error|Field required|object at 0x|\{[a-z_]+\}|model_|<[a-zA-Z]+")


async def walk(pilot, lang: str) -> dict[str, list[str]]:
    """What is wrong on each step's screen, by step."""
    app = pilot.app
    wrong: dict[str, list[str]] = {}
    other = ENGLISH if lang == "nl" else DUTCH
    for step in app.screen.kind.step_ids:
        app.screen.go_to(step)
        await pilot.pause()
        await pilot.pause()
        lines = visible_text(app).splitlines()
        shown = "\n".join(lines[2:])  # under the title: the session's own words
        found = [f"{lang}: {m.group()}" for m in other.finditer(shown)]
        found += [f"developer: {m.group()}" for m in DEVELOPER.finditer(shown)]
        footer = next((line for line in reversed(lines) if line.strip()), "")
        if f"f1 {t('key.help', lang=lang)}" not in footer:
            found.append(f"footer: {footer}")
        if app.focused is None:
            found.append("no keyboard focus")
        tabs = list(app.screen.query_one(Tabs).query(Tab))
        if tabs[-1].region.right > 80 or not all(tab.region.width > 0 for tab in tabs):
            found.append(f"tabs past 80 columns: {[str(tab.label) for tab in tabs]}")
        here = next(tab for tab in tabs if tab.id == f"tab-{step}")
        if app.screen.kind.step(step).in_language(lang).short not in str(here.label):
            found.append(f"the step's tab is cut: {here.label}")
        cut = [name for _, name, _ in PEOPLE if any(f"{name[:k]}…" in shown for k in range(4, len(name)))]
        found += [f"name cut: {name}" for name in cut]
        if found:
            wrong[step] = found
    return wrong


@pytest.mark.slow  # a walk through every step twice: started first in a parallel run
@pytest.mark.parametrize("kind_id", ["retrospective", "prospective", "meeting", "evaluation"])
async def test_every_step_of_a_kind_at_80x24_in_both_languages(tmp_path, kind_id):
    set_language("nl")
    path = write_session(tmp_path, kind_id, "nl")
    app = localized(RetroApp)(tmp_path, path, follow_session_language=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        wrong = await walk(pilot, "nl")
        await pilot.press("f4")
        await opened(pilot)
        wrong.update({f"{step}/en": found for step, found in (await walk(pilot, "en")).items()})
        assert wrong == {}
