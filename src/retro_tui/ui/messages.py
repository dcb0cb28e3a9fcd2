"""Messages up: widgets that change the session say so; the screen saves."""

from textual.message import Message


class SessionChanged(Message):
    """Something in the session was changed by the widget that posts this."""
