"""At 80x24, the smallest terminal: everything is reachable by keyboard, and what does
not fit is cut with "…", never silently."""

from __future__ import annotations

import shutil

import pytest

from apphelpers import opened, settle, visible_text
from conftest import EXAMPLE
from retro_tui.i18n import set_language, t
from retro_tui.model import StepId
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized
from retro_tui.ui.records import RecordTable, fit_widths


def example_app(tmp_path, lang: str):
    path = tmp_path / "example.toml"
    shutil.copy(EXAMPLE, path)
    set_language(lang)
    return localized(RetroApp)(tmp_path, path, follow_session_language=False)


async def footer_of(pilot) -> str:
    """The footer's line, once the footer has put its keys back after a step change
    (it recomposes them; a screenshot taken in between shows none)."""
    for _ in range(50):
        shown = visible_text(pilot.app)
        # The text comes without the spaces between keys: "f2 Citaatf3 Pauze…f1 Hulp".
        footer = next((line for line in reversed(shown.splitlines()) if "f2 " in line), None)
        if footer is not None:
            return footer
        await pilot.pause(0.05)
    raise AssertionError(shown)


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_f1_help_is_whole_in_the_footer_of_every_step(tmp_path, lang):
    app = example_app(tmp_path, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        cut = {}
        for step_id in StepId:
            app.screen.go_to(step_id)
            await pilot.pause()
            footer = await footer_of(pilot)
            if f"f1 {t('key.help', lang=lang)}" not in footer:
                cut[step_id.value] = footer
        assert cut == {}


async def test_every_tables_last_column_is_on_screen(tmp_path):
    app = example_app(tmp_path, "nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        off = {}
        for step_id in StepId:
            app.screen.go_to(step_id)
            await settle(pilot)  # a pane built by this go_to fits its columns to its width
            pane = app.screen.query_one(f"#pane-{step_id.value}")
            for records in pane.query(RecordTable):
                table = records.table
                used = sum(column.get_render_width(table) for column in table.columns.values())
                if used > table.scrollable_content_region.width:
                    off[f"{step_id.value}/{records.id}"] = (used, table.scrollable_content_region.width)
        assert off == {}
        # What is cut shows it was cut.
        app.screen.go_to(StepId.checkin)
        await pilot.pause()
        assert "…" in visible_text(app)


def test_widths_give_way_widest_first_and_never_below_the_heading():
    assert fit_widths([14, 22, 4, 36], [10, 15, 7, 5], room=40) == [12, 12, 4, 12]
    assert fit_widths([14, 22, 8, 36], [10, 16, 8, 28], room=36) == [9, 9, 8, 10]  # long headings: cut
    assert fit_widths([14, 22], [6, 4], room=None) == [14, 22]  # not laid out yet
    assert fit_widths([10, 10], [10, 10], room=5) == [8, 8]  # too narrow even for headings: scrolls


async def test_the_family_map_below_the_fold_is_reached_by_tab_and_scrolled_into_view(tmp_path):
    from retro_tui.ui.family_map import FamilyMap

    app = example_app(tmp_path, "nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        app.screen.go_to(StepId.family)
        await pilot.pause()
        family_map = app.screen.query_one(FamilyMap)
        pane = app.screen.query_one("#pane-family")
        assert family_map.region.y >= pane.region.bottom or not family_map.region  # below the fold
        for _ in range(6):
            if app.focused is family_map:
                break
            await pilot.press("tab")
            await pilot.pause()
        assert app.focused is family_map
        assert "Sandra" in visible_text(app) and "├──" in visible_text(app)
        top = pane.scroll_y
        await pilot.press("down", "down", "down")  # the rest of a tall map
        await pilot.pause()
        assert pane.scroll_y > top


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_checkin_shows_whole_names_and_how_each_takes_part_and_the_rest_under_it(tmp_path, lang):
    from retro_tui.store import load

    people = load(EXAMPLE).checkin.participants
    app = example_app(tmp_path, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        shown = visible_text(app)
        heading = next(line for line in shown.splitlines() if t("field.name", lang=lang) in line)
        assert t("field.side_short", lang=lang) in heading and t("field.check_in", lang=lang) in heading
        assert [p.name for p in people if f" {p.name} " not in shown] == []  # once "Esthe…"
        organisation = t("field.organisation", lang=lang)
        assert f"{organisation}: {people[0].organisation[:20]}" in shown
        # Keys in a burst: the line follows the highlighted row to the third person.
        await pilot.press("down", "down")
        await pilot.pause()
        shown = visible_text(app)
        assert f"{organisation}: {people[2].organisation[:20]}" in shown
        assert f"{organisation}: {people[0].organisation[:20]}" not in shown
        assert f"{t('field.role', lang=lang)}: {people[2].role[:12]}" in shown


async def test_what_a_table_cut_is_read_under_the_table_with_the_keyboard_only(tmp_path):
    from retro_tui.store import load

    team = load(EXAMPLE).closing.core_team
    app = example_app(tmp_path, "nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        app.screen.go_to(StepId.closing)
        await pilot.pause()
        shown = visible_text(app)
        assert [m.name for m in team if f" {m.name} " not in shown] == []  # names whole
        under = f"{t('field.organisation', lang='nl')}: {team[0].organisation[:16]}"
        assert under in shown
        await pilot.press("tab")  # on to the declaration: its own words, no block of the team's
        await pilot.pause()
        assert not app.screen.query_one("#core_team").has_focus_within
        assert under not in visible_text(app)
