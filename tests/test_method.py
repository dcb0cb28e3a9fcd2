"""The method as data: the steps, their questions and the catalogues, in nl and en."""

from retro_tui.method import HALF_DAY_MINUTES, catalogue, facilitator_aids, intention_defaults, steps
from retro_tui.model import CatalogueKind, StepId


def test_five_steps_and_the_closing_in_method_order_fill_a_half_day():
    assert [s.id for s in steps()] == list(StepId)
    assert sum(s.minutes for s in steps()) == HALF_DAY_MINUTES == 240


def test_every_step_speaks_both_languages():
    for step in steps():
        nl, en = step.in_language("nl"), step.in_language("en")
        for text in (nl, en):
            assert text.title and text.purpose and len(text.questions) >= 3
            assert len(text.short) <= 14
        assert len(nl.questions) == len(en.questions)
    assert steps()[0].in_language("nl").title == "Voorstellen en inchecken"


def test_catalogues_hold_the_named_patterns_beliefs_and_elements():
    items = catalogue()
    ids = [item.id for item in items]
    assert len(ids) == len(set(ids))
    for kind in CatalogueKind:
        assert any(item.kind == kind for item in items), kind
    for required in ("pattern.islands", "pattern.hot_potato", "limiting.must_solve", "helpful.best_reason", "element.stop_button"):
        assert required in ids
    for item in items:
        assert item.id.startswith(item.kind.value + ".")
        assert item.label["nl"] and item.label["en"]


def test_facilitator_aids_and_closing_defaults_in_both_languages():
    for lang in ("nl", "en"):
        aids = facilitator_aids(lang)
        assert len(aids["helping_questions"]) >= 4
        assert aids["perspective_question"]
        defaults = intention_defaults(lang)
        assert [c["id"] for c in defaults["commitments"]] == ["course", "reliable", "calm", "transparent", "trust"]
        assert len(defaults["agenda"]) >= 5
    assert facilitator_aids("nl").keys() == facilitator_aids("en").keys()
