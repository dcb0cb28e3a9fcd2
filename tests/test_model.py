from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from retro_tui.model import (
    Pause,
    PartialDateError,
    Relation,
    StepId,
    TimelineEvent,
    new_id,
    parse_partial,
    sort_key,
)


@pytest.mark.parametrize("text,parts", [("2019", (2019, 0, 0)), ("2019-03", (2019, 3, 0)), ("2019-03-14", (2019, 3, 14)), ("2020-02-29", (2020, 2, 29))])
def test_partial_dates_are_read(text, parts):
    assert parse_partial(text) == parts


@pytest.mark.parametrize("text", ["2019-13", "2019-00", "2019-02-30", "2021-02-29", "2019-04-31", "19", "2019-3", "maart 2019", "2019/03", "1850"])
def test_impossible_or_malformed_dates_are_refused(text):
    with pytest.raises(PartialDateError):
        parse_partial(text)


def test_partial_dates_sort_as_a_person_expects():
    dates = ["2019-03-14", "2020", "2019", "2019-03", "2018-12-31", "2019-11"]
    assert sorted(dates, key=sort_key) == ["2018-12-31", "2019", "2019-03", "2019-03-14", "2019-11", "2020"]


def test_an_event_with_a_label_keeps_its_position():
    event = TimelineEvent(id="ev-1", date="2019-04", date_label="voorjaar 2019", title="x", lane="family")
    assert event.sort_key == (2019, 4, 0)


def test_relation_needs_two_people():
    with pytest.raises(ValidationError) as info:
        Relation(id="r", source="a", target="a", kind="close")
    assert info.value.errors()[0]["type"] == "relation_to_self"


def test_relation_is_written_from_and_to():
    rel = Relation.model_validate({"id": "r", "from": "a", "to": "b", "kind": "conflict"})
    assert rel.model_dump(by_alias=True)["from"] == "a"


def test_pause_cannot_end_before_it_starts():
    start = dt.datetime(2026, 1, 1, 10)
    with pytest.raises(ValidationError):
        Pause(id="pa", started=start, ended=start - dt.timedelta(minutes=1), step=StepId.family)


def test_times_with_an_offset_become_local_wall_clock():
    aware = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)
    pause = Pause(id="pa", started=aware, step=StepId.family)
    assert pause.started.tzinfo is None
    assert pause.started == aware.astimezone().replace(tzinfo=None)


def test_windows_line_ends_are_folded():
    event = TimelineEvent(id="e", date="2019", title="t", lane="family", what_happened="a\r\nb")
    assert event.what_happened == "a\nb"


def test_new_ids_are_unique_and_valid():
    taken = set()
    for _ in range(500):
        ident = new_id("q", taken)
        assert ident not in taken
        taken.add(ident)
    assert all(i.startswith("q-") and len(i) == 8 for i in taken)


def test_models_share_one_set_of_given_fields_which_nothing_reads(example_copy):
    """pydantic's per-model set of the fields given (5 MB on a big session) is one set
    shared by all (model/fields.py): nothing may ask for it, or for `exclude_unset`."""
    import re
    from pathlib import Path

    from retro_tui.store import load

    session = load(example_copy)
    assert session.quotes[0].__pydantic_fields_set__ is session.timeline.events[0].__pydantic_fields_set__
    src = Path(__file__).resolve().parents[1] / "src" / "retro_tui"
    asking = [p for p in src.rglob("*.py") if re.search(r"exclude_unset|model_fields_set|__pydantic_fields_set__", p.read_text(encoding="utf-8"))]
    assert [p.name for p in asking] == ["fields.py"]
