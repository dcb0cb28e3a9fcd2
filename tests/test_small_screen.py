"""At 80x24, the smallest terminal: everything is reachable by keyboard, and what does
not fit is cut with "…", never silently."""

from __future__ import annotations

import shutil

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


async def checkin_shows_whole_names_and_the_line_under_follows_the_keys(pilot, lang: str) -> None:
    """The check-in as the session opens: whole names, how each takes part, and the
    highlighted person's organisation and role under the table."""
    from retro_tui.store import load

    people = load(EXAMPLE).checkin.participants
    shown = visible_text(pilot.app)
    heading = next(line for line in shown.splitlines() if t("field.name", lang=lang) in line)
    assert t("field.side_short", lang=lang) in heading and t("field.check_in", lang=lang) in heading, heading
    assert [p.name for p in people if f" {p.name} " not in shown] == [], "names cut"  # once "Esthe…"
    organisation = t("field.organisation", lang=lang)
    assert f"{organisation}: {people[0].organisation[:20]}" in shown, "first person's line"
    # Keys in a burst: the line follows the highlighted row to the third person.
    await pilot.press("down", "down")
    await pilot.pause()
    shown = visible_text(pilot.app)
    assert f"{organisation}: {people[2].organisation[:20]}" in shown, "third person's line"
    assert f"{organisation}: {people[0].organisation[:20]}" not in shown, "first person's line stayed"
    assert f"{t('field.role', lang=lang)}: {people[2].role[:12]}" in shown, "third person's role"


async def walk_every_step(pilot, lang: str) -> dict[str, dict[str, object]]:
    """Each step shown in turn, and what is wrong on it, by what: F1 help cut from the
    footer, a table's last column off screen, the step's title or first question not
    whole on the screen (the side panel wraps at 80 columns), its pane not shown."""
    from retro_tui.method import step

    app = pilot.app
    wrong: dict[str, dict[str, object]] = {"footer": {}, "columns": {}, "words": {}, "pane": {}}
    for step_id in StepId:
        app.screen.go_to(step_id)
        await settle(pilot)  # a pane built by this go_to fits its columns to its width
        footer = await footer_of(pilot)
        if f"f1 {t('key.help', lang=lang)}" not in footer:
            wrong["footer"][step_id.value] = footer
        pane = app.screen.query_one(f"#pane-{step_id.value}")
        if not pane.display:
            wrong["pane"][step_id.value] = "hidden"
        for records in pane.query(RecordTable):
            table = records.table
            used = sum(column.get_render_width(table) for column in table.columns.values())
            if used > table.scrollable_content_region.width:
                wrong["columns"][f"{step_id.value}/{records.id}"] = (used, table.scrollable_content_region.width)
        shown = visible_text(app)
        text = step(step_id).in_language(lang)
        missing = [word for word in (text.title + " " + text.questions[0]).split() if word not in shown]
        if missing:
            wrong["words"][step_id.value] = missing
    return {what: found for what, found in wrong.items() if found}


async def test_every_step_at_80x24_in_dutch_is_reachable_whole_and_cut_with_an_ellipsis(tmp_path):
    """One walk, every check on each step: F1 whole in the footer, every table's last
    column on screen, the step's title and first question whole, its pane shown; the
    check-in's names whole and what is cut marked with "…"."""
    app = example_app(tmp_path, "nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await checkin_shows_whole_names_and_the_line_under_follows_the_keys(pilot, "nl")
        assert "…" in visible_text(app), "what is cut shows it was cut"
        assert await walk_every_step(pilot, "nl") == {}


async def test_every_step_at_80x24_in_english_is_whole(tmp_path):
    app = example_app(tmp_path, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await checkin_shows_whole_names_and_the_line_under_follows_the_keys(pilot, "en")
        assert await walk_every_step(pilot, "en") == {}


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
