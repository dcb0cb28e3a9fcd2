"""The busiest pane of each kind after the retrospective, at 80x24, in Dutch and English
(shown in the small pane host until the session screen builds its tabs from the kind).
Update on purpose with `pytest --snapshot-update`."""

from __future__ import annotations

import pytest

from apphelpers import settle
from followup_sessions import filled
from panehost import PaneApp
from retro_tui.i18n import set_language
from retro_tui.store import save

BUSIEST = [("prospective", "core_team"), ("meeting", "next_steps"), ("meeting", "actions_review"),
           ("evaluation", "kept")]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind,step", BUSIEST)
def test_the_busiest_pane_of_each_kind(snap_compare, tmp_path, kind, step, lang):
    set_language(lang)
    path = tmp_path / f"{kind}.toml"
    save(filled(kind, step), path)

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.pause()

    assert snap_compare(PaneApp(path), terminal_size=(80, 24), run_before=run_before)
