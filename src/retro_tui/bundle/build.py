"""The regional report of a bundle of cases, in the chapter order of seed 004: the
programme and how participants experienced it; the patterns by level, the limiting
beliefs and which patterns go together; breaking a pattern (commitments and whether
they were kept); the directions (helpful beliefs and working elements); and the case ×
catalogue matrix. Built as the report's neutral `Document`, so the report's own
writers make Markdown, HTML and Word of it."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable
from functools import cache

from ..i18n import label, t
from ..method import catalogue, organisation_types
from ..model import CatalogueKind, InsightLevel
from ..report.document import Bullets, Document, Heading, Paragraph, Picture, Table
from ..report.drawing import Box, Drawing, Label, Line
from .counts import (
    MIN_GROUP, Case, ItemCount, all_tags, by_level, groups, item_counts, matrix, named_with, ranked, together,
)

EVIDENCE_SHOWN = 5  # per item; the rest is counted, and in the CSV


def item_label(item_id: str, lang: str) -> str:
    kind, _, name = item_id.partition(".")
    if name == "own" and kind in CatalogueKind.__members__:
        return t("bundle.own_item", lang, kind=label(CatalogueKind(kind), lang))
    labels = _labels(lang)
    return labels.get(item_id) or item_id.split(".", 1)[-1].replace("_", " ")


@cache
def _labels(lang: str) -> dict[str, str]:
    return {c.id: c.label[lang] for c in catalogue()}


def build_bundle(cases: list[Case], lang: str, *, left_out: dict[str, int] | None = None) -> Document:
    """`left_out` counts sessions not bundled, by reason (not final, unreadable)."""
    T: Callable[..., str] = lambda key, **kw: t(key, lang, **kw)  # noqa: E731
    doc = Document(title=T("bundle.title", count=len(cases)), language=lang)
    doc.add(Paragraph(T("bundle.intro", count=len(cases))))
    doc.add(Paragraph(T("bundle.anonymous", least=MIN_GROUP), "muted"))
    for reason, n in (left_out or {}).items():
        if n:
            doc.add(Paragraph(T(f"bundle.skipped_{reason}", count=n), "muted"))
    masked = sum(c.record.masked_identifiers for c in cases)
    if masked:
        doc.add(Paragraph(T("bundle.masked", count=masked), "muted"))
    _programme(doc, cases, lang, T)
    _experiences(doc, cases, T)
    counts = item_counts(cases)
    _patterns(doc, cases, counts, lang, T)
    _breaking(doc, cases, lang, T)
    _directions(doc, counts, lang, T)
    _matrix_chapter(doc, cases, lang, T)
    return doc


def _note_left_out(doc: Document, n: int, T) -> None:
    if n:
        doc.add(Paragraph(T("bundle.group_left_out", count=n, least=MIN_GROUP), "muted"))


def _programme(doc: Document, cases: list[Case], lang: str, T) -> None:
    doc.add(Heading(T("bundle.ch_programme")))
    # By the kinds of session a case went through: how many went on after the analysis.
    kinds, hidden = groups(cases, lambda c: c.record.kinds or [c.record.kind])
    doc.add(Paragraph(T("bundle.kinds"), "label"))
    _table(doc, (T("bundle.kind"), T("bundle.cases")), [(T(f"bundle.kind_{k}"), str(n)) for k, n in kinds])
    _note_left_out(doc, hidden, T)

    doc.add(Paragraph(T("bundle.period"), "label"))
    years = sorted({c.record.year for c in cases if c.record.year})
    if years:
        doc.add(Paragraph(T("bundle.period_years", first=years[0], last=years[-1])))
    # By quarter where each quarter holds enough cases, else by year: never finer
    # than a group of MIN_GROUP.
    quarters, hidden = groups(cases, lambda c: f"{c.record.year} Q{c.record.quarter}" if c.record.year else "?")
    if not quarters:
        quarters, hidden = groups(cases, lambda c: str(c.record.year or "?"))
    _table(doc, (T("bundle.quarter"), T("bundle.analyses")), [(q, str(n)) for q, n in sorted(quarters)])
    _note_left_out(doc, hidden, T)

    types = {o.id: o.label[lang] for o in organisation_types()}
    orgs, hidden = groups(cases, lambda c: c.record.organisation_types)
    doc.add(Paragraph(T("bundle.organisations"), "label"))
    _table(doc, (T("bundle.organisation_type"), T("bundle.cases_with")), [(types.get(o, o), str(n)) for o, n in orgs])
    _note_left_out(doc, hidden, T)


def _table(doc: Document, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    if rows:  # a header alone says nothing; the note under it says why
        doc.add(Table(header, tuple(rows)))


def _experiences(doc: Document, cases: list[Case], T) -> None:
    doc.add(Heading(T("bundle.ch_experiences")))
    quotes = [q for c in cases for q in c.record.programme_quotes]
    if not quotes:
        doc.add(Paragraph(T("bundle.no_programme_quotes"), "muted"))
    for quote in quotes:
        # No case letter: a quote tied to a case could tell who said it.
        doc.add(Paragraph(quote, "quote", by=T("bundle.a_participant")))


def _evidence(doc: Document, count: ItemCount, lang: str, T) -> None:
    doc.add(Heading(f"{item_label(count.id, lang)} · {T('bundle.named_in', cases=len(count.cases), insights=len(count.insights))}", 4))
    shown = count.insights[:EVIDENCE_SHOWN]
    doc.add(Bullets(tuple(f"{T('bundle.case', letter=letter)}: {insight.text}" for letter, insight in shown)))
    if len(count.insights) > len(shown):
        doc.add(Paragraph(T("bundle.more_evidence", count=len(count.insights) - len(shown)), "muted"))


def _count_table(doc: Document, items: list[ItemCount], lang: str, T) -> None:
    doc.add(Table((T("bundle.item"), T("bundle.cases"), T("bundle.insights")),
                  tuple((item_label(c.id, lang), str(len(c.cases)), str(len(c.insights))) for c in items)))


def _patterns(doc: Document, cases: list[Case], all_counts: dict[str, ItemCount], lang: str, T) -> None:
    doc.add(Heading(T("bundle.ch_patterns")))
    overall = ranked(all_counts, "pattern")
    if not overall:
        doc.add(Paragraph(T("bundle.none_named"), "muted"))
    else:
        doc.add(Paragraph(T("bundle.patterns_overall"), "label"))
        _count_table(doc, overall, lang, T)
    levels = by_level(cases)
    for number, level in enumerate([*InsightLevel, None], start=1):
        at_level = levels.get(level.value if level else "", {})
        # What held the pattern in place belongs here; what breaks it, in chapter 5.
        items = [c for prefix in ("pattern", "limiting") for c in ranked(at_level, prefix)]
        if not items:
            continue
        title = T("bundle.level_heading", level=label(level, lang)) if level else T("bundle.level_none")
        doc.add(Heading(f"3.{number} {title}", 3))
        for count in items:
            _evidence(doc, count, lang, T)

    limiting = ranked(all_counts, "limiting")
    doc.add(Heading(T("bundle.limiting_heading"), 3))
    if limiting:
        _count_table(doc, limiting, lang, T)
    else:
        doc.add(Paragraph(T("bundle.none_named"), "muted"))

    doc.add(Heading(T("bundle.together_heading"), 3))
    tags = all_tags(cases)
    pairs = together(cases, tags=tags)
    if pairs:
        doc.add(Table((T("bundle.pattern"), T("bundle.pattern"), T("bundle.cases_together")),
                      tuple((item_label(a, lang), item_label(b, lang), str(n)) for a, b, n in pairs[:20])))
        rows = []
        for count in overall[:12]:
            found = named_with(cases, count.id, tags).most_common(3)
            if found:
                rows.append((item_label(count.id, lang),
                             "; ".join(f"{item_label(i, lang)} ({n})" for i, n in found)))
        if rows:
            doc.add(Paragraph(T("bundle.named_with"), "label"))
            doc.add(Table((T("bundle.pattern"), T("bundle.named_with_column")), tuple(rows)))
    else:
        doc.add(Paragraph(T("bundle.none_together"), "muted"))


def _breaking(doc: Document, cases: list[Case], lang: str, T) -> None:
    doc.add(Heading(T("bundle.ch_breaking")))
    declared = Counter(c for case in cases for c in dict.fromkeys(case.record.commitments))
    if declared:
        doc.add(Paragraph(T("bundle.commitments_declared"), "label"))
        doc.add(Table((T("bundle.commitment"), T("bundle.cases")),
                      tuple((item_label(c, lang), str(n)) for c, n in declared.most_common())))
    evaluated = [c for c in cases if c.record.reviews]
    doc.add(Paragraph(T("bundle.kept_heading"), "label"))
    if not evaluated:
        doc.add(Paragraph(T("bundle.no_evaluations"), "muted"))
        return
    if len(evaluated) < MIN_GROUP:
        doc.add(Paragraph(T("bundle.too_few_evaluations", count=len(evaluated), least=MIN_GROUP), "muted"))
        return
    doc.add(Paragraph(T("bundle.kept_intro", count=len(evaluated)), "muted"))
    for about in ("commitment", "course", "backing"):
        tally: dict[str, Counter[str]] = {}
        for case in evaluated:
            for review in case.record.reviews:
                if review.about == about:
                    tally.setdefault(review.commitment, Counter())[review.kept] += 1
        if not tally:
            continue
        doc.add(Heading(T(f"bundle.kept_{about}"), 3))
        doc.add(Table((T(f"bundle.kept_{about}_column"), T("bundle.evaluated"), T("bundle.kept"), T("bundle.partly"),
                       T("bundle.not_kept")),
                      tuple((_reviewed_label(about, c, lang, T), str(sum(n.values())), str(n["kept"]), str(n["partly"]),
                             str(n["not_kept"]))
                            for c, n in sorted(tally.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])))))


def _reviewed_label(about: str, name: str, lang: str, T) -> str:
    if about == "course":
        return T("bundle.course_items")
    if about == "backing":
        return {o.id: o.label[lang] for o in organisation_types()}.get(name, name)
    return item_label(name, lang)


def _directions(doc: Document, counts: dict[str, ItemCount], lang: str, T) -> None:
    doc.add(Heading(T("bundle.ch_directions")))
    for key, prefix in (("bundle.helpful_heading", "helpful"), ("bundle.elements_heading", "element")):
        doc.add(Heading(T(key), 3))
        items = ranked(counts, prefix)
        if not items:
            doc.add(Paragraph(T("bundle.none_named"), "muted"))
            continue
        _count_table(doc, items, lang, T)
        for count in items:
            _evidence(doc, count, lang, T)


def _matrix_chapter(doc: Document, cases: list[Case], lang: str, T) -> None:
    doc.add(Heading(T("bundle.ch_matrix")))
    doc.add(Paragraph(T("bundle.matrix_intro")))
    ids, rows = matrix(cases)
    if ids:
        doc.add(Picture("matrix", T("bundle.matrix_picture"), matrix_drawing(cases, ids, rows, lang)))


KIND_COLOUR = {
    CatalogueKind.pattern: "#c0392b", CatalogueKind.limiting: "#b8860b", CatalogueKind.helpful: "#2e8b57",
    CatalogueKind.element: "#2f6fb3", CatalogueKind.commitment: "#6a4c93",
}


MAX_COLUMNS = 120  # beyond this, neighbouring cases share a column


def matrix_drawing(cases: list[Case], ids: list[str], rows: list[list[int]], lang: str, width: int = 960) -> Drawing:
    """Catalogue items down, cases across; a filled cell where a case named the item,
    darker for more insights. Items down, because their names need the room. With
    many cases, neighbouring cases share a column, shaded by how many of them named it."""
    label_w, top, row_h = 330, 40, 14
    per = max(1, -(-len(cases) // MAX_COLUMNS))
    columns = [rows[i:i + per] for i in range(0, len(rows), per)]
    cell_w = max(1.0, min(18.0, (width - label_w - 10) / max(1, len(columns))))
    width = min(width, int(label_w + 10 + cell_w * len(columns)) + 1)  # no empty acre beside a few cases
    height = top + row_h * len(ids) + 20
    d = Drawing(width, height)
    kinds = {c.id: c.kind for c in catalogue()}
    if per == 1 and cell_w >= 9:
        for x, case in enumerate(cases):
            d.add(Label(label_w + x * cell_w + cell_w / 2, top - 8, case.letter, 9, "middle"))
    else:
        d.add(Label(label_w, top - 8, t("bundle.matrix_cases", lang, count=len(cases)), 10))
    for y, item in enumerate(ids):
        base = top + y * row_h
        if y % 2 == 0:
            d.add(Box(0, base, width, row_h, "#f6f6f6"))
        text = item_label(item, lang)
        d.add(Label(4, base + row_h - 3, text if len(text) <= 52 else text[:51] + "…", 10))
        kind = kinds.get(item)
        colour = KIND_COLOUR[kind] if kind else "#555555"
        fills = []
        for group in columns:
            if per == 1:
                value = group[0][y]
                fills.append("" if not value else colour if value > 1 else _lighter(colour))
            else:
                share = sum(1 for row in group if row[y]) / len(group)
                fills.append("" if not share else colour if share >= 0.5 else _lighter(colour))
        gap = 1 if cell_w >= 3 else 0
        x = 0
        while x < len(fills):
            # Neighbouring cells of one shade as one box when they touch anyway.
            end = x + 1
            while not gap and end < len(fills) and fills[end] == fills[x]:
                end += 1
            if fills[x]:
                d.add(Box(label_w + x * cell_w, base + 2, max(1.0, (end - x) * cell_w - gap), row_h - 4, fills[x]))
            x = end
    d.add(Line(label_w - 2, top - 2, label_w - 2, height - 18, "#999999"))
    return d


@cache
def _lighter(colour: str) -> str:
    """Halfway to white: one insight drawn paler than several."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{(v + 255) // 2:02x}" for v in rgb)


def matrix_csv(cases: list[Case], lang: str, counted: tuple[list[str], list[list[int]]] | None = None) -> str:
    """Case × catalogue item, the number of insights that named it: for the
    coordinator's own spreadsheet. Items by id and label, so either can be looked up."""
    ids, rows = counted or matrix(cases)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([t("bundle.csv_case", lang), *ids])
    writer.writerow([t("bundle.csv_label", lang), *(item_label(i, lang) for i in ids)])
    for case, row in zip(cases, rows):
        writer.writerow([case.letter, *row])
    return out.getvalue()
