"""The words a newcomer met going through the whole case: one record's form named as
one ("Nieuwe actie", not "Nieuw: Nieuwe acties"), in Dutch and English."""

from __future__ import annotations

import pytest

from apphelpers import burst, opened, visible_text
from host_sessions import write_session
from retro_tui.i18n import set_language


@pytest.mark.parametrize(("lang", "title", "wrong"), [("nl", "Nieuwe actie", "Nieuw: Nieuwe acties"),
                                                      ("en", "New action", "New: New actions")])
async def test_the_new_action_form_is_named_as_one_action(tmp_path, lang, title, wrong):
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.forms import RecordForm
    from retro_tui.ui.keys import localized

    set_language(lang)
    file = write_session(tmp_path, "meeting", lang=lang, step="next_steps")
    app = localized(RetroApp)(tmp_path, file)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await burst(pilot, "a")
        assert isinstance(app.screen, RecordForm)
        shown = visible_text(app)
        assert title in shown and wrong not in shown
