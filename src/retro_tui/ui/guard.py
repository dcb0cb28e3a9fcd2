"""A final report's session opens read-only: every way to change it asks here first."""

from __future__ import annotations

from ..i18n import t
from ..lifecycle import is_read_only


def refused(widget) -> bool:
    """True (and says why) when the session behind this widget may not change."""
    session = getattr(widget.screen, "session", None) or getattr(widget.app.screen, "session", None)
    if session is not None and is_read_only(session):
        widget.app.notify(t("lifecycle.refused"), severity="warning", timeout=4)
        return True
    return False
