"""The prospective analysis's own panes: the retrospective behind it (read-only), the
core team picked from the participants with its declaration, and the commitments
towards the family from the catalogue."""

from __future__ import annotations

from typing import cast

from textual.app import ComposeResult
from textual.widgets import Static

from .. import operations as ops
from ..i18n import t
from ..method import catalogue, intention_defaults
from ..model import Commitment, CoreTeamMember
from ..model.enums import CatalogueKind
from ..model.fields import Model
from .declaration import DeclarationPanel
from .field_spec import FieldError, FieldSpec
from .guard import refused
from .keys import Key, localized
from .messages import SessionChanged
from .panes import StepPane
from .records import Column, RecordTable
from .records_pane import records_table


class BackdropPane(StepPane):
    """What the retrospective found, as the group looks forward from it: shown, not edited
    (it is a copy; the retrospective's own file is where it is changed)."""

    def compose(self) -> ComposeResult:
        source = self.session.backdrop.source
        yield Static(t("panes.backdrop_from", source=source) if source else t("panes.backdrop_none"),
                     classes="backdrop-source")
        for path in self.step.records:
            yield records_table(self.session, path)


class CoreTeamPane(StepPane):
    DEFAULT_CSS = """
    CoreTeamPane .hint-line { color: $text-muted; margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        s = self.session
        yield localized(RecordTable)(
            "closing.core_team",
            lambda: s.closing.core_team,
            [
                Column("field.name", lambda m: m.name, 18, keep=True),
                Column("field.organisation", lambda m: m.organisation, 16),
                Column("panes.field.core_role_short", lambda m: m.role, 16),
            ],
            [
                FieldSpec("participant", "field.participant", "choice", self.participant_choices(), optional=False),
                FieldSpec("role", "field.core_role", hint="panes.hint.core_role"),
            ],
            lambda: CoreTeamMember.model_construct(id=ops.fresh_id(s, "ct"), name=""),
            on_remove=lambda m: ops.remove_core_member(s, cast(CoreTeamMember, m).id),
            normalise=self._from_participant,
            id="core_team",
        )
        yield localized(DeclarationPanel)(s, team=True)
        yield records_table(s, "closing.backing")

    def _from_participant(self, values: dict) -> dict:
        """Name and organisation come from the participant picked: typed once, in the check-in."""
        person = next((p for p in self.session.checkin.participants if p.id == values.get("participant")), None)
        if person is None:
            raise FieldError("participant", t("panes.pick_participant"))
        if any(m.participant == person.id and m.id != values.get("id") for m in self.session.closing.core_team):
            raise FieldError("participant", t("panes.in_core_team", name=person.name))
        role = (values.get("role") or "").strip() or person.role
        return values | {"name": person.name, "organisation": person.organisation, "role": role}

    def on_show(self) -> None:
        # A participant renamed in the check-in shows here under the new name.
        self.others_saved()


class CataloguePick(Model):
    chosen: list[str] = []


def catalogue_commitments(lang: str) -> list[tuple[str, str, str]]:
    """(id, name, sentence) of the commitments to start from: the declaration's five,
    then those towards the family (seed 004 ch. 4). Ids as a new session gives them."""
    found = [(f"cm-{c['id']}", c["name"], c["sentence"]) for c in intention_defaults(lang)["commitments"]]
    for item in catalogue():
        if item.kind == CatalogueKind.commitment:
            found.append((f"cm-{item.id.split('.', 1)[1]}", item.label[lang], item.explain[lang]))
    return found


class CommitmentsPane(StepPane):
    KEYS = [Key("c", "from_catalogue", "panes.key_catalogue", id="commitments_catalogue")]

    def compose(self) -> ComposeResult:
        yield records_table(self.session, "closing.commitments")

    def on_show(self) -> None:
        self.others_saved()  # the core team may have changed in the step before

    def action_from_catalogue(self, values: dict | None = None) -> None:
        """Commitments the method offers, each added once; its holder picked after (e)."""
        if refused(self):
            return
        # In the session's language, as the declaration's own defaults: they become its words.
        lang = self.session.session.language.value
        have = {c.id for c in self.session.closing.commitments}
        offered = [(name, ident) for ident, name, _ in catalogue_commitments(lang) if ident not in have]
        spec = [FieldSpec("chosen", "panes.field.catalogue", "many", lambda: offered)]

        def picked(result) -> None:
            if result is None or not result.chosen:
                return
            items = self.session.closing.commitments
            present = {c.id for c in items}
            # In the catalogue's order, whatever order they were ticked in.
            added = [Commitment(id=ident, name=name, sentence=sentence)
                     for ident, name, sentence in catalogue_commitments(lang)
                     if ident in result.chosen and ident not in present]
            items.extend(added)
            if added:
                self.query_one(RecordTable).reload(added[0].id)
            self.post_message(SessionChanged())

        from .forms import RecordForm
        form = localized(RecordForm)(t("panes.catalogue_title"), CataloguePick(), spec, values=values)
        form.origin = {"catalogue": True}
        self.app.push_screen(form, picked)

    def reopen(self, origin: dict, values: dict) -> bool:
        self.action_from_catalogue(values)
        return True
