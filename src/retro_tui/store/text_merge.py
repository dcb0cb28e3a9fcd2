"""Two people writing along in the same notes at once, merged line by line.

The step's notes are where the facilitator and the notetaker both type. A three-way
line merge (merge3, the merge of Bazaar/Breezy) keeps the lines each of them changed;
lines both added at the same place are all kept, the other writer's first (they were
saved first). merge3 calls changes to neighbouring lines a conflict; that is the normal
case here (each finishing their own last line, at the end), so such a region is looked
at again line by line, and only when both changed the very same lines differently does
one version win; the other is returned for the caller to keep aside visibly."""

from __future__ import annotations

from difflib import SequenceMatcher

from merge3 import Merge3


def merge_text(base: str, mine: str, theirs: str) -> tuple[str, str | None]:
    """The merged text, and the other writer's lines that lost (None if none did)."""
    merged, clashes = merge_lines(base, mine, theirs)
    return merged, ("\n".join(lost for _, lost in clashes) if clashes else None)


def merge_lines(base: str, mine: str, theirs: str) -> tuple[str, list[tuple[str, str]]]:
    """The merged text, and each clash as (my lines kept, their lines that lost)."""
    # Compared without their last line ends: the empty line a writer has just started
    # is not a change of a line; mine are put back, so a cursor on that line stays.
    tail = mine[len(mine.rstrip("\n")):]
    b, m, t = (_lines(text.rstrip("\n")) for text in (base, mine, theirs))
    out: list[str] = []
    clashes: list[tuple[str, str]] = []
    for region in Merge3(b, m, t).merge_regions():
        kind = region[0]
        if kind == "unchanged":
            out += b[region[1]:region[2]]
        elif kind in ("same", "a"):
            out += m[region[1]:region[2]]
        elif kind == "b":
            out += t[region[1]:region[2]]
        else:
            _, z0, z1, m0, m1, t0, t1 = region  # type: ignore[misc]  # merge3 types every region as the 3-tuple kind
            together = _apart(b[z0:z1], m[m0:m1], t[t0:t1])
            if together is not None:
                out += together
            else:
                out += m[m0:m1]
                clashes.append(("\n".join(m[m0:m1]), "\n".join(t[t0:t1])))
    return "\n".join(out) + tail, clashes


def _apart(base: list[str], mine: list[str], theirs: list[str]) -> list[str] | None:
    """Both sides' changes to one region, when they touch different lines of it (or
    only add lines at the same place: all kept, theirs first); None when they clash."""
    mine_hunks = _hunks(base, mine)
    their_hunks = _hunks(base, theirs)
    for i1, i2, _ in mine_hunks:
        for k1, k2, _ in their_hunks:
            both_add_here = i1 == i2 == k1 == k2
            overlap = max(i1, k1) < min(i2, k2)  # the same base lines changed by both
            inside = (i1 == i2 and k1 < i1 < k2) or (k1 == k2 and i1 < k1 < i2)  # added amid the other's change
            if not both_add_here and (overlap or inside):
                return None
    out: list[str] = []
    at = 0
    changes = sorted([(k1, 0, k2, lines) for k1, k2, lines in their_hunks]
                     + [(i1, 1, i2, lines) for i1, i2, lines in mine_hunks])
    for start, _, end, lines in changes:
        out += base[at:start]
        out += lines
        at = max(at, end)
    return out + base[at:]


def _hunks(base: list[str], other: list[str]) -> list[tuple[int, int, list[str]]]:
    """Where `other` differs from `base`: (first base line, end, the lines instead)."""
    return [(i1, i2, other[j1:j2])
            for op, i1, i2, j1, j2 in SequenceMatcher(None, base, other, autojunk=False).get_opcodes()
            if op != "equal"]


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []
