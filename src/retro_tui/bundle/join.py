"""A case once, whatever number of sessions it has: the records of the sessions that
share a case code are joined into one. The retrospective gives the insights (and the
case its period and kind); the evaluation gives what was kept; the prospective
analysis and the meetings add the commitments they declared, the organisations that
took part and the quotes marked for the programme, never a case of their own.

Each retrospective is a case analysis of its own, also where two share a case code
(a copy, or the same code given twice): the sessions after it join the latest of
them. Without a retrospective among the files, a case's evaluation makes it count.
A session without a case code cannot be joined and stands alone, as before cases
existed."""

from __future__ import annotations

from dataclasses import replace

from .collect import RETROSPECTIVE, CaseRecord

EVALUATION = "evaluation"
# What makes a case count in a bundle: its analysis, or an evaluation of it.
COUNTED = (RETROSPECTIVE, EVALUATION)
_ORDER = {RETROSPECTIVE: 0, "prospective": 1, "meeting": 2, EVALUATION: 3}


def join(records: list[tuple[CaseRecord, str]], include_all: bool) -> tuple[list[tuple[CaseRecord, str]], dict[str, int]]:
    """(joined record, a sha to order it by) per case, and the sessions left out by
    reason: not final (unless `include_all`), or a follow-up whose case has neither
    its analysis nor an evaluation among the files."""
    left = {"not_final": 0, "follow_up_only": 0}
    chosen = []
    for record, sha in records:
        if include_all or record.status == "final":
            chosen.append((record, sha))
        else:
            left["not_final"] += 1
    groups: dict[str, list[tuple[CaseRecord, str]]] = {}
    for record, sha in chosen:
        groups.setdefault(record.case or f"file:{sha}", []).append((record, sha))
    out = []
    for members in groups.values():
        members.sort(key=lambda pair: (_ORDER.get(pair[0].kind, 9), pair[0].year or 0, pair[0].quarter or 0, pair[1]))
        analyses = [pair for pair in members if pair[0].kind == RETROSPECTIVE]
        after = [r for r, _ in members if r.kind != RETROSPECTIVE]
        if analyses:
            out += [(r, sha) for r, sha in analyses[:-1]]
            last, sha = analyses[-1]
            out.append((_joined([last, *after]), sha))
        elif any(r.kind in COUNTED for r in after):
            out.append((_joined(after), members[0][1]))
        else:
            left["follow_up_only"] += len(members)
    return out, left


def _joined(records: list[CaseRecord]) -> CaseRecord:
    base = next((r for r in records if r.kind == RETROSPECTIVE), records[0])
    evaluations = [r for r in records if r.kind == EVALUATION]
    # A case evaluated twice (after three months, after a year) counts as it stands
    # now: its latest evaluation's answers.
    reviews = evaluations[-1].reviews if evaluations else base.reviews
    return replace(
        base,
        organisation_types=sorted({o for r in records for o in r.organisation_types}),
        programme_quotes=[q for r in records for q in r.programme_quotes],
        commitments=list(dict.fromkeys(c for r in records for c in r.commitments)),
        reviews=list(reviews),
        masked_identifiers=sum(r.masked_identifiers for r in records),
        kinds=list(dict.fromkeys(r.kind for r in records)),
    )
