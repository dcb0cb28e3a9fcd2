from retro_tui.reflow import reflow

WRAPPED = (
    "Samen met Lotte, Sandra, Ruben en Marco binnen acht weken tot één gedragen perspectiefplan\n"
    "komen, gebaseerd op een brede analyse van het hele gezin (ook Sem en oma Ria), en in die\n"
    "tijd de koers vasthouden."
)


def test_lines_wrapped_to_a_width_flow_together():
    assert "\n" not in reflow(WRAPPED)
    assert "perspectiefplan komen, gebaseerd" in reflow(WRAPPED)


def test_a_notetakers_short_lines_stay_lines():
    notes = "Marloes: meer contact met vader\nHenk: school belt niet meer\nPauze na de crisisnacht"
    assert reflow(notes) == notes


def test_blank_lines_and_items_keep_their_own_lines():
    text = WRAPPED + "\n\n- een punt\n- nog een\n  loopt door\n2. genummerd"
    flowed = reflow(text).split("\n")
    assert flowed[1:] == ["", "- een punt", "- nog een loopt door", "2. genummerd"]
