"""The floor under "loaded and interactive": a Textual app with nothing of retro-tui's
interface that does what the stack makes unavoidable. It reads the session file,
validates it with the session model (pydantic), and shows the first two steps with
Textual's own widgets: the step tabs, the participants' table and the notes box, then on
F6 the group's Select and the three tables of "how we relate", with the same words the
bench waits for. Run as `python bench/_floor.py SESSION [--no-model]`; with --no-model
the tables come from the parsed TOML as it is, which leaves Textual's part alone."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import rtoml
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Label, Select, Tabs, TextArea

STEPS = ["Inchecken", "Met elkaar", "Gezin", "Tijdlijn", "Inzichten", "Afsluiting"]
WITH_MODEL = "--no-model" not in sys.argv


def as_objects(value: object) -> object:
    """The parsed TOML with attribute access, so both kinds of floor share the code."""
    if isinstance(value, dict):
        return SimpleNamespace(**{key: as_objects(item) for key, item in value.items()})
    if isinstance(value, list):
        return [as_objects(item) for item in value]
    return value


def plain(data: dict) -> object:
    relate = {"notes": "", "senses": [], "observations": [], "agreements": [], **data.get("relate", {})}
    for rating in relate["senses"]:
        rating.setdefault("participant", "")
        rating.setdefault("note", "")
    checkin = {"notes": "", "participants": [], **data.get("checkin", {})}
    for person in checkin["participants"]:
        for key in ("organisation", "role", "check_in"):
            person.setdefault(key, "")
    return as_objects({"session": data["session"], "checkin": checkin, "relate": relate})


class Floor(App):
    BINDINGS = [Binding("f6", "next", "Volgende stap")]

    def compose(self) -> ComposeResult:
        yield Tabs(*STEPS)
        yield Label("", id="title")
        yield VerticalScroll(id="pane")
        yield TextArea(id="notes")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.load)  # as retro-tui: the frame first, then the file

    def load(self) -> None:
        with open(sys.argv[1], encoding="utf-8") as file:
            data = rtoml.load(file)  # the fastest parser at hand, as retro-tui reads
        if WITH_MODEL:
            from retro_tui.model.session import Session

            self.session = session = Session.model_validate(data)
        else:
            self.session = session = plain(data)
        self.query_one("#title", Label).update(session.session.title)
        table: DataTable = DataTable()
        self.query_one("#pane").mount(table)
        table.add_columns("Naam", "Organisatie", "Rol", "Inchecken")
        for person in session.checkin.participants:
            table.add_row(person.name, person.organisation, person.role, person.check_in)
        self.query_one("#notes", TextArea).text = session.checkin.notes
        table.focus()

    def action_next(self) -> None:
        relate = self.session.relate
        pane = self.query_one("#pane")
        pane.remove_children()
        tables: list[DataTable] = [DataTable() for _ in range(3)]
        senses = Select([(word, word) for word in ("goed", "gemengd", "moeizaam")], prompt="Nog niet")
        pane.mount(Label("De groep als geheel:"), senses, *tables)
        tables[0].add_columns("Wie", "Gevoel", "Toelichting")
        for rating in relate.senses:
            tables[0].add_row(rating.participant or "", str(rating.sense), rating.note)
        for table, remarks in zip(tables[1:], (relate.observations, relate.agreements)):
            table.add_columns("Tekst")
            for remark in remarks:
                table.add_row(remark.text)
        self.query_one("#notes", TextArea).text = relate.notes
        self.query_one(Tabs).action_next_tab()
        tables[0].focus()


if __name__ == "__main__":
    Floor().run()
