"""The command palette offers every action: steps, adding, capture, language, help."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider

from ..i18n import current_language, t


class SessionCommands(Provider):
    def _commands(self):
        from .session_screen import SessionScreen

        screen = self.screen  # the screen the palette was opened over, not the palette
        lang = current_language()
        found = []
        if isinstance(screen, SessionScreen):
            # The steps of the session's own kind, and the lists only where its kind has them.
            steps = screen.kind.steps
            for step in steps:
                found.append((t("command.go_to", step=step.in_language(lang).title), partial(screen.go_to, step.id)))
            panes = {step.pane for step in steps}
            for pane, table, key in (("checkin", "participants", "command.add_participant"),
                                     ("family", "members", "command.add_family_member"),
                                     ("timeline", "events", "command.add_event"),
                                     ("insights", "insights", "command.add_insight")):
                if pane in panes:
                    step_id = next(s.id for s in steps if s.pane == pane)
                    found.append((t(key), partial(screen.add_in, step_id, table)))
            if screen.session is not None and screen.method_step.optional:
                name = screen.method_step.in_language(lang).short
                if screen.current in screen.session.session.skipped_steps:
                    found.append((t("host.unskip_command", step=name), partial(screen.action_skip, False)))
                else:
                    found.append((t("host.skip_command", step=name), partial(screen.action_skip, True)))
            found += [
                (t("key.quote"), screen.action_quote),
                (t("key.pause"), screen.action_pause),
                (t("key.quotes"), screen.action_quotes),
                (t("key.perspectives"), screen.action_perspectives),
                (t("key.save"), screen.action_save),
                (t("details.palette"), screen.action_details),
            ]
            if any("closing.declaration" in step.records for step in steps):
                found.append((t("command.export_intention"), screen.action_export_intention))
            found.append((t("export_screen.key_open"), screen.action_export))
            from .case_view import CaseScreen

            # Opened from a case, the facilitator goes back to it when the session is done
            # (it is saved on the way out, and the case view reads the case again).
            stack = self.app.screen_stack  # the palette is on top of it
            below = stack[stack.index(screen) - 1] if screen in stack[1:] else None
            if isinstance(below, CaseScreen):
                found.append((t("command.back_to_case", code=below.code), screen.dismiss))
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
