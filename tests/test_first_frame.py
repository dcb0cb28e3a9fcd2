"""The first frame written to the terminal is the whole screen: the session's title,
its steps and the step's questions, not a partial update that leaves the steps out
until the next frame."""

from __future__ import annotations

from terminal import Terminal


def test_the_first_frame_shows_the_steps_with_the_title(example_copy, private_state):
    term = Terminal("open", str(example_copy), env={"XDG_STATE_HOME": str(private_state)}, cols=80, rows=24,
                    controlling=False)
    try:
        term.wait_for("Vonk")  # the session is read and shown: its first frames are all out
        text = term.text()
        # A whole frame is written top down: the row of steps (second line) before the
        # step's questions beside the list. A partial first frame had the questions only.
        assert "Akkerman" in text[: text.index("Voorstellen en inchecken")]
        assert text.index("Met elkaar") < text.index("Voorstellen en inchecken"), text[:3000]
    finally:
        term.close()
