"""A map of the family and its relations, readable in a terminal (a geno-sociogram in text).

Each family member is a branch; each relation hangs under the person it starts from,
with its own symbol and colour so the kinds can be told apart even without colour.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from rich.tree import Tree
from textual.widgets import Static

from ..i18n import label, t
from ..model import RelationKind, Session
from ..operations import member_label

STYLE = {
    RelationKind.parent_of: ("↓", "cyan"),
    RelationKind.partners: ("═", "green"),
    RelationKind.separated: ("╳", "yellow"),
    RelationKind.close: ("♥", "green"),
    RelationKind.distant: ("┄", "bright_black"),
    RelationKind.conflict: ("⚡", "red"),
    RelationKind.cut_off: ("✂", "red"),
    RelationKind.care: ("✚", "blue"),
}


def family_tree(session: Session) -> Group:
    members = {m.id: m for m in session.family.members}
    names = {p.id: f"{p.name} ({p.organisation})" if p.organisation else p.name for p in session.checkin.participants}
    for m in session.family.members:
        names[m.id] = member_label(m)
    tree = Tree(Text(t("family.map_root"), style="bold"), guide_style="bright_black")
    branches = {}
    for ident, _member in members.items():
        branches[ident] = tree.add(Text(names[ident], style="bold"))
    professionals = None
    for rel in session.family.relations:
        parent = branches.get(rel.source)
        if parent is None:
            if professionals is None:
                professionals = tree.add(Text(t("family.map_professionals"), style="italic"))
            parent = professionals.add(Text(names.get(rel.source, rel.source)))
        symbol, colour = STYLE[rel.kind]
        line = Text.assemble((f"{symbol} {label(rel.kind)} ", colour), (names.get(rel.target, rel.target), ""))
        if rel.note:
            line.append(f"  ({rel.note})", style="dim")
        parent.add(line)
    legend = Text("  ".join(f"{s} {label(k)}" for k, (s, _) in STYLE.items()), style="dim")
    if not members:
        return Group(Text(t("family.map_empty"), style="dim italic"))
    return Group(tree, legend)


class FamilyMap(Static):
    DEFAULT_CSS = "FamilyMap { height: auto; padding: 0 1; }"

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def on_mount(self) -> None:
        self.refresh_map()

    def refresh_map(self) -> None:
        self.update(family_tree(self.session))
