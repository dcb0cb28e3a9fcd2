"""Two people writing along in the same notes at once, merged line by line.

The step's notes are where the facilitator and the notetaker both type. A three-way
line merge (merge3, the merge of Bazaar/Breezy) keeps the lines each of them changed;
lines both added at the same place are all kept, the other writer's first (they were
saved first). Only when both changed the very same lines differently does one version
win; the other is returned for the caller to keep aside visibly."""

from __future__ import annotations

from merge3 import Merge3


def merge_text(base: str, mine: str, theirs: str) -> tuple[str, str | None]:
    """The merged text, and the other writer's lines that lost (None if none did)."""
    # Compared without their last line ends: the empty line a writer has just started
    # is not a change of a line; mine are put back, so a cursor on that line stays.
    tail = mine[len(mine.rstrip("\n")):]
    b, m, t = (_lines(text.rstrip("\n")) for text in (base, mine, theirs))
    out: list[str] = []
    lost: list[str] = []
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
            if z0 == z1:  # both only added lines here: keep all of them
                out += t[t0:t1] + m[m0:m1]
            else:
                out += m[m0:m1]
                lost += t[t0:t1]
    merged = "\n".join(out) + tail
    return merged, ("\n".join(lost) if lost else None)


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []
