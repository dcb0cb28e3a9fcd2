"""The command palette offers every action: steps, adding, capture, language, help."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider

from ..i18n import current_language, t
from ..method import steps


class SessionCommands(Provider):
    def _commands(self):
        from .session_screen import SessionScreen

        screen = self.screen  # the screen the palette was opened over, not the palette
        lang = current_language()
        found = []
        if isinstance(screen, SessionScreen):
            for _number, step in enumerate(steps(), start=1):
                found.append((t("command.go_to", step=step.in_language(lang).title), partial(screen.go_to, step.id)))
            found += [
                (t("command.add_participant"), partial(screen.add_in, "checkin", "participants")),
                (t("command.add_family_member"), partial(screen.add_in, "family", "members")),
                (t("command.add_event"), partial(screen.add_in, "timeline", "events")),
                (t("command.add_insight"), partial(screen.add_in, "insights", "insights")),
                (t("key.quote"), screen.action_quote),
                (t("key.pause"), screen.action_pause),
                (t("key.quotes"), screen.action_quotes),
                (t("key.perspectives"), screen.action_perspectives),
                (t("key.save"), screen.action_save),
                (t("details.palette"), screen.action_details),
                (t("command.export_intention"), screen.action_export_intention),
                (t("export_screen.key_open"), screen.action_export),
            ]
        else:
            from .case_view import CaseScreen
            from .opening import OpeningScreen

            if isinstance(screen, OpeningScreen):
                found.append((t("case_view.palette"), screen.action_case))
            if isinstance(screen, CaseScreen):
                found.append((t("case_view.choose_kind", code=screen.code), screen.action_next_session))
            found.append((t("command.open_bundle"), self.app.action_open_bundle))
        found += [
            (t("key.language"), self.app.action_switch_language),
            (t("key.help"), self.app.action_help),
        ]
        return found

    async def discover(self) -> Hits:
        for name, callback in self._commands():
            yield Hit(1.0, name, callback)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name)
