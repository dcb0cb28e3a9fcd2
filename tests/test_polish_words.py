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


@pytest.mark.parametrize(("lang", "others"), [("nl", ("toezegging", "termijn", "check-in ")),
                                              ("en", ("pledge", "promise", "time limit"))])
def test_one_word_for_one_thing_on_screen_in_reports_and_bundle(lang, others):
    """A commitment is a commitment (the method's word: "commitment in houding en
    gedrag"), the content team's deadline a deadline, in every text the app has."""
    from retro_tui.i18n import catalog

    found = {key: text for key, text in catalog(lang).items() if any(w in text.lower() for w in others)}
    assert found == {}
    set_language(lang)
    from retro_tui.i18n import t

    assert t("summary.closing", members=3, commitments=2).endswith("2 commitments")
    assert "/" not in t("checkin.round_title", number=1, count=5, name="Ann")


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_progress_step_names_the_deadline_once(tmp_path, lang):
    import datetime as dt

    from retro_tui.store import dumps, load
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    set_language(lang)
    file = write_session(tmp_path, "meeting", lang=lang, step="progress")
    session = load(file)
    session.closing.content_team = [m.id for m in session.closing.core_team[:1]]
    session.session.date = dt.date(2026, 12, 8)
    session.closing.content_deadline = (session.session.date - dt.timedelta(days=13))
    file.write_text(dumps(session), encoding="utf-8")
    app = localized(RetroApp)(tmp_path, file)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        from textual.widgets import Static

        line = str(app.screen.query_one("#deadline", Static).content)
        assert "13" in line and line.lower().count("deadline") == 1, line


async def test_the_opening_screen_keeps_each_session_on_one_line_at_80_columns(tmp_path):
    from retro_tui.store import create
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    set_language("nl")
    create(tmp_path, "Een heel lange titel van een casus die niet op een regel past bij tachtig kolommen", "nl")
    app = localized(RetroApp)(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        [line] = [line for line in visible_text(app).splitlines() if "Een heel lange" in line]
        assert "…" in line and line.rstrip(" ▎").endswith("in voorbereiding"), line


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_export_screens_choices_are_whole_at_80_columns(example_copy, tmp_path, lang):
    from retro_tui.i18n import t
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    set_language(lang)
    app = localized(RetroApp)(tmp_path, example_copy, follow_session_language=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await burst(pilot, "f9")
        await pilot.pause()
        shown = visible_text(app)
        for key in ("export_screen.pseudonymise", "export_screen.pseudonymise_hint", "export_screen.checkin_words"):
            assert t(key) in shown, key
