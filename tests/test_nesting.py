"""The depth of parsed data stands in for the bracket scan (store/nesting.py): whenever
the scan would name a bracket too deep, the data read from the same text is deeper
than the bound the store checks, so the scan still runs and names it."""

from __future__ import annotations

import rtoml
from hypothesis import given, settings
from hypothesis import strategies as st

from retro_tui.store.nesting import nesting_problem, nests_deeper_than

LIMIT = 6  # small, so random texts cross it often


def _close(opening: str) -> str:
    return "]" if opening == "[" else "}"


@st.composite
def values(draw, depth: int = 0):
    """A TOML value of arrays and inline tables, with brackets inside strings too."""
    if depth > LIMIT + 2 or draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(["1", '"[{"', "'}]]'", '"x"', "[]", "{}"]))
    opening = draw(st.sampled_from(["[", "{"]))
    inner = draw(st.lists(values(depth + 1), min_size=1, max_size=2))
    if opening == "[":
        return "[" + ", ".join(inner) + "]"
    return "{" + ", ".join(f"k{i} = {v}" for i, v in enumerate(inner)) + "}"


@st.composite
def documents(draw):
    lines = []
    for i in range(draw(st.integers(1, 4))):
        header = draw(st.sampled_from(["", "[t]", "[[a]]", "[u.v.w]", "[[b.c]]"]))
        if header and header not in lines:
            lines.append(header)
        lines.append(f"key{i} = {draw(values())}  # [[[[ {{{{")
    return "\n".join(lines) + "\n"


@settings(max_examples=100, deadline=None)
@given(text=documents())
def test_data_deeper_than_the_bound_whenever_the_scan_finds_a_bracket_too_deep(text):
    try:
        data = rtoml.loads(text)
    except rtoml.TomlParsingError:
        return  # a repeated key or table: the store reads such a text with tomllib
    if nesting_problem(text, LIMIT) is not None:
        assert nests_deeper_than(data, LIMIT + 1), text


def test_the_bound_is_tight_for_a_value_and_counts_the_document():
    assert not nests_deeper_than({"x": [[1]]}, 3)
    assert nests_deeper_than({"x": [[[1]]]}, 3)
    assert nests_deeper_than({}, 0) and not nests_deeper_than({}, 1)
    # Tables made by headers count like any other: the bound only ever errs to the scan.
    assert nests_deeper_than({"a": {"b": {"c": {}}}}, 3)
