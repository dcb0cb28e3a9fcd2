from retro_tui.reflow import reflow


def test_lines_of_a_paragraph_flow_together():
    assert reflow("Samen met Lotte\nbinnen acht weken\ntot een plan.") == "Samen met Lotte binnen acht weken tot een plan."


def test_blank_lines_and_items_keep_their_own_lines():
    text = "Eerst dit,\ndan dat.\n\n- een punt\n- nog een\n  loopt door\n2. genummerd"
    assert reflow(text) == "Eerst dit, dan dat.\n\n- een punt\n- nog een loopt door\n2. genummerd"
