"""The person's language, everywhere: F4 changes the screen and the session's report;
no English word of Textual's shows on a Dutch screen."""

from __future__ import annotations

import re

import pytest

from apphelpers import opened, visible_text
from retro_tui.i18n import set_language, t
from retro_tui.model import Language, StepId
from retro_tui.report.export import render_all
from retro_tui.store import create, load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized


async def test_f4_switches_the_screen_and_the_report_of_that_session(tmp_path):
    path, _ = create(tmp_path, "Casus", "en")
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(100, 30)) as pilot:  # wide enough for the palette key
        await opened(pilot)
        assert "Check-in" in visible_text(app)
        await pilot.press("f4")
        await opened(pilot)
        shown = await settled(pilot)
        assert "Inchecken" in shown
        assert "^p Opdrachten" in shown  # the app-wide key too, not only the screen's
        await pilot.press("ctrl+q")
    session = load(path)
    assert session.session.language == Language.nl
    [(name, content)] = [(n, c) for n, c in render_all(session, "casus", {"md"}) if n.endswith(".md")]
    report = content.decode("utf-8")
    assert name == "casus-verslag.md"  # its very name in the language chosen
    assert "Intentieverklaring" in report and "Intention declaration" not in report


@pytest.mark.parametrize("start,then", [("nl", "en"), ("en", "nl")])
async def test_after_f4_the_help_says_the_apps_own_keys_in_the_new_language(tmp_path, start, then):
    """The app's own keys (ctrl+q, F10, ...) were made in the language it started in:
    after F4 the help said "^q  Stoppen" among English words, or "^q  Quit" among Dutch."""
    from retro_tui.ui.help import HelpScreen, keys_table

    path, _ = create(tmp_path, "Casus", start)
    set_language(start)
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(100, 40)) as pilot:
        await opened(pilot)
        await pilot.press("f4")
        await opened(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = visible_text(app)
        assert t("key.quit", lang=then) in shown and t("key.quit", lang=start) not in shown, shown
        # Every key of the app's own in the help's table of keys, in the new language.
        from rich.console import Console

        console = Console(record=True, width=100)
        console.print(keys_table(app.screen.below))
        lines = [line.split(None, 1)[-1].strip() for line in console.export_text().splitlines() if line.strip()]
        for key in RetroApp.KEYS:
            assert t(key.label, lang=start) not in lines or t(key.label, lang=start) == t(key.label, lang=then), key
        assert t("key.quit", lang=then) in lines and t("key.close_session", lang=then) in lines, lines


# Textual's own words that a Dutch screen must not show (whole words, as shown).
ENGLISH = re.compile(
    r"\b(Select|Dismiss menu|Search for (commands|themes)|Theme|palette|Quit|Keys|Maximize|Minimize|"
    r"Screenshot|No matches found|Focus Next|Copy selected text|Next command|Exit the command palette)\b"
)


async def settled(pilot) -> str:
    """The screen once it stops changing: the footer recomposes its keys a moment
    after focus moves, and a screenshot in between would show none of them."""
    before = visible_text(pilot.app)
    for _ in range(40):
        await pilot.pause(0.05)
        now = visible_text(pilot.app)
        if now == before:
            return now
        before = now
    return before


def english_in(shown) -> list[str]:
    """Textual's English words in a screen's text (or the app's screen as it is now)."""
    text = shown if isinstance(shown, str) else visible_text(shown)
    return [m.group(0) for m in ENGLISH.finditer(text)]


@pytest.mark.slow  # one long walk through every screen: started first in a parallel run
async def test_every_screen_in_dutch_shows_no_english_textual_words(tmp_path):
    from retro_tui.ui.session_screen import SessionScreen

    set_language("nl")
    path, _ = create(tmp_path, "Casus", "nl")
    app = localized(RetroApp)(tmp_path)
    seen: dict[str, list[str]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        seen["opening"] = english_in(app)
        await pilot.press("ctrl+p")
        seen["palette on the opening screen"] = english_in(await settled(pilot))
        await pilot.press("escape")
        app.open_session(path)
        await opened(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for step_id in StepId:
            screen.go_to(step_id)
            seen[f"step {step_id.value}"] = english_in(await settled(pilot))
            await pilot.press("ctrl+p")  # each step's palette offers the step's own commands
            seen[f"palette in {step_id.value}"] = english_in(await settled(pilot))
            if step_id == StepId.checkin:
                # The colour theme search lists the same themes over any step: once.
                await pilot.press(*"kleur", "enter")
                seen["theme search"] = english_in(await settled(pilot))
            await pilot.press("escape")
            await pilot.pause()
        screen.go_to(StepId.relate)
        await pilot.pause()
        await pilot.press("a")  # a form with required and optional drop-downs
        seen["relate form"] = english_in(await settled(pilot))
        await pilot.press("tab", "enter")  # open the optional one
        seen["relate form, list open"] = english_in(await settled(pilot))
        await pilot.press("escape")  # closes the list, not the form
        await pilot.pause()
        from retro_tui.ui.forms import RecordForm

        assert isinstance(app.screen, RecordForm)
        await pilot.press("escape")
        await pilot.pause()
        screen.query_one("#group-sense").focus()
        await pilot.press("enter")  # the group's sense, a drop-down on the step itself
        shown = await settled(pilot)
        seen["relate, group sense open"] = english_in(shown)
        assert "esc Lijst sluiten" in shown  # the open list's own key, in Dutch
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.query_one("#group-sense").expanded
        for key in ("f1", "f7", "f8", "f9"):
            await pilot.press(key)
            seen[key] = english_in(await settled(pilot))
            await pilot.press("escape")
            await pilot.pause()
    assert {where: words for where, words in seen.items() if words} == {}
    assert len(seen) > 20


async def test_required_drop_downs_never_offer_blank(tmp_path):
    from textual.widgets import Select

    path, _ = create(tmp_path, "Casus", "nl")
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        app.screen.go_to(StepId.relate)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        sense = app.screen.query_one("#field-sense", Select)  # required
        who = app.screen.query_one("#field-participant", Select)  # optional: the group
        assert sense.value is not Select.NULL
        assert who.value is Select.NULL
        assert "Kies…" in visible_text(app) and "Select" not in visible_text(app)


def test_plurals_through_the_i18n_layer():
    from retro_tui.i18n import t

    assert t("summary.timeline", lang="nl", count=1, crucial=0) == "1 gebeurtenis, 0 cruciaal"
    assert t("summary.timeline", lang="nl", count=2, crucial=1) == "2 gebeurtenissen, 1 cruciaal"
    assert t("summary.timeline", lang="en", count=1, crucial=0) == "1 event, 0 crucial"
    assert t("summary.timeline", lang="en", count=0, crucial=0) == "0 events, 0 crucial"
    assert t("timeline.count_all", lang="nl", total=1) == "1 gebeurtenis"
    assert t("summary.relate", lang="nl", observations=1, agreements=3) == "1 observatie, 3 afspraken"


def test_no_count_text_is_left_with_a_fixed_plural():
    """Every text with a count says its word through the plural form (or none at all)."""
    from retro_tui.i18n import catalog

    fixed = re.compile(r"\{(count|total|members|relations|observations|agreements|commitments|quotes|pauses)\} (?!\{)\w+(en|s)\b")
    for lang in ("nl", "en"):
        wrong = {k: v for k, v in catalog(lang).items() if fixed.search(v)}
        assert wrong == {}, lang


def test_one_word_for_one_thing_on_screen_and_in_the_report():
    from retro_tui.i18n import catalog

    dutch = "\n".join(catalog("nl").values())
    assert "Gespreksleider" not in dutch and "Uitspraken" not in dutch
    assert "Leersessiebegeleider" in dutch and "Citaten" in dutch


def test_work_card_5_someone_plays_the_child():
    from retro_tui.method import facilitator_aids

    assert "het kind wordt bij voorkeur gespeeld door iemand die het kind goed kent" in facilitator_aids("nl")[
        "perspective_switch"
    ]


async def test_undo_says_what_was_undone(tmp_path):
    from retro_tui.model import TimelineEvent

    path, _ = create(tmp_path, "Casus", "nl")
    app = localized(RetroApp)(tmp_path, path)
    said: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        app.notify = lambda message, **_: said.append(str(message))
        app.screen.go_to(StepId.timeline)
        await pilot.pause()
        await pilot.press("a", *"2019-03 besluit uithuisplaatsing", "enter")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert any(m.startswith("Ongedaan gemaakt: toevoegen van ‘") and "uithuisplaatsing" in m for m in said), said
        assert app.screen.session.timeline.events == []
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert any(m.startswith("Opnieuw gedaan: toevoegen van ‘") for m in said), said
        assert [type(e) for e in app.screen.session.timeline.events] == [TimelineEvent]


async def test_ctrl_c_explains_quitting_in_dutch(tmp_path):
    set_language("nl")
    path, _ = create(tmp_path, "Casus", "nl")
    app = localized(RetroApp)(tmp_path, path)
    said: list[tuple[str, str]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        app.notify = lambda message, title="", **_: said.append((str(message), str(title)))
        app.screen.go_to(StepId.timeline)  # no text box focused: ctrl+c is not copy there
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert said and said[-1][1] == "Afsluiten?" and "retro-tui af te sluiten" in said[-1][0], said


def test_a_field_left_empty_is_said_in_peoples_words_not_pydantics():
    import pytest
    from pydantic import ValidationError

    from retro_tui.model.session import Relation
    from retro_tui.store.codec import describe_validation

    with pytest.raises(ValidationError) as caught:
        Relation.model_validate({"id": "rel-1", "from": None, "to": "fm-b", "kind": "close"})
    [finding] = describe_validation(caught.value)
    assert finding.text("nl") == "dit veld is verplicht"
    assert "None" not in finding.describe("nl")


async def test_the_notetakers_screen_in_dutch_shows_no_english_textual_words(tmp_path):
    set_language("nl")
    path, _ = create(tmp_path, "Casus", "nl")
    app = localized(RetroApp)(tmp_path, path, notetaker=True)
    seen = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        seen["notetaker"] = english_in(app)
        assert "Leersessiebegeleider" in visible_text(app)
        await pilot.press("ctrl+p")
        seen["palette"] = english_in(await settled(pilot))
        await pilot.press("escape", "f1")
        seen["help"] = english_in(await settled(pilot))
    assert {where: words for where, words in seen.items() if words} == {}


def test_an_unforeseen_model_error_is_not_pydantics_english_on_a_dutch_screen():
    from retro_tui.store.errors import Finding

    text = Finding("other", {"value": "'x' * 5000", "detail": "String should have at most 4000 characters"}).text("nl")
    assert "should" not in text and text.startswith("deze waarde past hier niet")


def test_no_text_hedges_its_plural_with_brackets():
    """'1 bestand(en)' is what plural forms are for (a count, then a hedged word)."""
    from retro_tui.i18n import catalog

    hedged = re.compile(r"\{\w+\} (\w+ )?\w+\((s|en|sen)\)")
    for lang in ("nl", "en"):
        assert {k: v for k, v in catalog(lang).items() if hedged.search(v)} == {}, lang


async def shows(pilot, words: str) -> str:
    """The screen once it shows `words`: the palette says it found nothing only after a
    countdown of Textual's, so a screenshot taken at once would show nothing yet."""
    for _ in range(400):
        if words in (shown := visible_text(pilot.app)):
            return shown
        await pilot.pause(0.05)
    raise AssertionError(f"{words!r} never showed:\n{shown}")


@pytest.mark.parametrize(("lang", "words", "other"), [("nl", "Niets gevonden", "Nothing found"), ("en", "Nothing found", "Niets gevonden")])
async def test_a_palette_search_that_finds_nothing_says_so_in_the_persons_language(tmp_path, lang, words, other):
    from textual.command import CommandList, CommandPalette

    set_language(lang)
    path, _ = create(tmp_path, "Casus", lang)
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        found = app.screen.query_one(CommandList)
        # Textual paints its own words once before we can change them: unseen.
        assert found.get_component_styles("option-list--option-disabled").color.a == 0
        await pilot.press(*"zqxj")
        shown = await shows(pilot, words)
        assert "No matches" not in shown and other not in shown
        assert found.get_component_styles("option-list--option-disabled").color.a > 0
        await pilot.press("enter")  # nothing to choose: the palette stays open
        await pilot.pause()
        assert CommandPalette.is_open(app)
        # A search that finds, then one that does not again: the words come back.
        await pilot.press(*["backspace"] * 4, *t("key.help"))
        await shows(pilot, t("key.help"))
        assert words not in await settled(pilot)
        await pilot.press(*["backspace"] * len(t("key.help")), *"qqqq")
        shown = await shows(pilot, words)
        assert "No matches" not in shown
        # The colour theme search is a palette too.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p", *t("palette.theme"), "enter")
        await shows(pilot, t("palette.search_themes"))
        await pilot.press(*"zqxj")
        assert "No matches" not in await shows(pilot, words)
