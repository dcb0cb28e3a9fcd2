"""A session's TOML is read by rtoml where that gives tomllib's answer, and by tomllib
everywhere else: the same data (types, key order, time zones, -0.0, nan) or the same
refusal with the same words, for every file we have and for thousands of damaged ones."""

from __future__ import annotations

import datetime as dt
import math
import random
import tomllib
from pathlib import Path

import pytest

from retro_tui.store import strict_toml
from retro_tui.store.files import example_arc_sources
from retro_tui.store.strict_toml import parse

ROOT = Path(__file__).resolve().parents[1]
INVALID = sorted((ROOT / "tests" / "data" / "toml-test-invalid").rglob("*.toml"))
# The example and its case's later sessions: files the app wrote.
SESSIONS = sorted((ROOT / "sessions").rglob("*.toml")) + example_arc_sources()


def _same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        both_nan = math.isnan(a) and math.isnan(b)
        return both_nan or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, (dt.datetime, dt.time)):
        return a == b and repr(a.tzinfo) == repr(b.tzinfo)
    return a == b


def _answer(read, text: str):
    try:
        return "data", read(text)
    except tomllib.TOMLDecodeError as error:
        return "refused", str(error)


def _agrees(text: str) -> bool:
    expected, got = _answer(tomllib.loads, text), _answer(parse, text)
    return expected[0] == got[0] and (_same(expected[1], got[1]) if got[0] == "data" else expected[1] == got[1])


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_every_invalid_case_is_refused_with_tomllibs_words(path):
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: refused before any parser sees it")
    with pytest.raises(tomllib.TOMLDecodeError) as refused:
        parse(text)
    with pytest.raises(tomllib.TOMLDecodeError) as judged:
        tomllib.loads(text)
    assert str(refused.value) == str(judged.value)


@pytest.mark.parametrize("text", [
    'a = "\\e"', 'a = "\\x33"', "a = 17:45", "a = 1987-07-05T17:45", "a = 1987-07-05T17:45Z",
    "\ufeffa = 1", "t = {a = 1,\nb = 2}", "t = {a = 1,}", "t = {\n  a = 1\n}", "x = [\n  {a = 1,\n   b = 2},\n]",
])
def test_what_toml_1_1_allows_is_refused(text):
    """rtoml reads TOML 1.1 and takes each of these; a session file is TOML 1.0."""
    with pytest.raises(tomllib.TOMLDecodeError):
        parse(text)


@pytest.mark.parametrize("text", [
    "a = 1979-05-27T07:32:00Z", "a = 1979-05-27T07:32:00+01:00", "a = 1979-05-27T07:32:00-00:00",
    'a = """\r\nx\r\ny"""\r\n', "a = 100000000000000000000000000000000", "a = -0.0", "a = nan", "a = 1e1000",
    'a = "om 17:45 belde ze"', 'a = "C:\\\\export"', 'a = "{niet af"', "a = [{b = 1}, {c = 2}]",
])
def test_values_where_the_parsers_differ_come_out_as_tomllibs(text):
    assert _agrees(text)


@pytest.mark.parametrize("path", SESSIONS, ids=[p.name for p in SESSIONS])
def test_the_apps_own_files_take_the_fast_way_and_read_the_same(path):
    text = path.read_text("utf-8")
    assert strict_toml._rtoml_reads_it_as_tomllib(text)  # else the speed is lost
    assert _same(parse(text), tomllib.loads(text))


def test_a_big_written_session_takes_the_fast_way_and_reads_the_same(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from big_session import big_session

    from retro_tui.store import dumps

    text = dumps(big_session())
    assert strict_toml._rtoml_reads_it_as_tomllib(text)
    assert _same(parse(text), tomllib.loads(text))


PIECES = [*'{}[]=,."\'\\#:\n\r\t -+_0123456789eExXzZTt:abcé',
          "\\e", "\\x1b", "\\x33", "\r\n", "}\n", ",\n", ":00", "+01:00", "Z", '"""', "'''", "inf", "nan", "1e1000"]


def test_damaged_files_get_tomllibs_answer():
    """Files the app wrote, each damaged at one to three places with what TOML 1.0 and
    1.1 tell apart: the same data, or the same refusal with the same words."""
    rng = random.Random(14)
    seeds = [p.read_text("utf-8") for p in SESSIONS[:3]]
    seeds.append('a = {b = 1, c = [1, 2]}\nt = 07:32:00\nd = 1979-05-27T07:32:00\ns = """x\ny"""\n[x]\ny = "q"\n')
    differ = []
    for _ in range(3000):
        text = rng.choice(seeds)
        if len(text) > 4000:  # a window of a long file: the damage, not the length, is tested
            start = rng.randrange(0, len(text) - 3000)
            text = text[start:start + 3000]
            text = text[text.find("\n") + 1:]
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice(PIECES) + text[at + (1 if rng.random() < 0.5 else 0):]
        if not _agrees(text):
            differ.append(text)
    assert differ == []


# Texts whose pieces, parsed one by one, could be put together otherwise than the whole
# text reads: an array of tables after a value of the same name, a table declared
# twice in two pieces, a header-like line inside a string, a header under the last
# table of an array in an earlier piece. Each must read as tomllib reads it whole.
ACROSS_PIECES = [
    'quotes = [{a = 1}]\n[[quotes]]\na = 2\n',
    '[a]\nb = [1]\n[[z]]\n[[a.b]]\nx = 1\n',
    'a.b = [{x = 1}]\n[[a.b]]\nx = 2\n',
    '[x]\na = 1\n[[q]]\nt = 1\n[x]\nb = 2\n',
    '[[q]]\nt = 1\n[q.r]\nx = 1\n[[s]]\n[q.r]\ny = 2\n',
    '[[q]]\n[[q.r]]\nx = 1\n[[s]]\n[[q.r]]\nx = 2\n',
    '[timeline]\nzoom = 2\n[[timeline.events]]\nwhat = "a"\n[[timeline.events]]\nwhat = "b"\n',
    '[[a.b]]\nx = 1\n[a]\nc = 1\n',
    '[[a.b]]\nx = 1\n[a]\nc = 1\n[a]\nd = 1\n',
    '[[q]]\nt = """\n[closing]\n[[q]]\n"""\n[[q]]\nt = "b"\n',
    "[[q]]\nt = '''\n[[s]]\n'''\n[[q]]\nt = 'b'\n",
    '[[q]]\nt = [\n[1],\n]\n[[q]]\nt = [2]\n',
    '[[q]]\nt = 1\n[["q"]]\nt = 2\n[ [q] ]\nt = 3\n',
    '[[q]]\nt = 1\n[q]\nt = 2\n',
    '[[q]]\nt = 1\n  [closing]\nc = 1\n[[q]]\nt = 2\n',
    '[[q]]\nt = 1\n  [x]\n[[q]]\n  [q]\n',
    '[x]\n[[q]]\nt = 1\n  [x]\n[[q]]\n',
]
# Texts the pieces read alone (and as the whole does): runs of arrays, broken by other tables.
BY_PIECES = [
    'schema_version = 1\n[session]\ntitle = "t"\n[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n[[a.c]]\ny = 1\n',
    '[[q]]\nt = 1\n[q.sub]\nu = 2\n[[q.more]]\nv = 3\n[[q]]\nt = 4\n',
    '[[q]]\nt = 1\n[closing]\nc = 1\n[[closing.commitments]]\nn = 1\n[[q]]\nt = 2\n',
    '[[a]]\nx = 1\n[b]\ny = 2\n[[a]]\nx = 3\n',
]


@pytest.fixture
def small_pieces(monkeypatch):
    """Every text in pieces, cut at every header where a cut may fall."""
    monkeypatch.setattr(strict_toml, "PIECEWISE_FROM", 0)
    monkeypatch.setattr(strict_toml, "PIECE", 1)


@pytest.mark.parametrize("text", ACROSS_PIECES + BY_PIECES)
def test_pieces_read_as_the_whole_text(text, small_pieces):
    assert _agrees(text)


@pytest.mark.parametrize("text", BY_PIECES)
def test_runs_of_tables_are_read_in_pieces(text, small_pieces):
    assert strict_toml._in_pieces(text) is not None  # not left to the whole text's parse


def test_damaged_files_in_pieces_get_tomllibs_answer(small_pieces):
    test_damaged_files_get_tomllibs_answer()


def test_a_big_session_is_read_in_pieces_without_rtomls_peak(tmp_path):
    """rtoml builds a tree of its own beside the text before the Python objects: whole,
    24 MB at its peak for the big session, over the 8 MB the data itself takes."""
    import subprocess
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from big_session import big_session

    from retro_tui.store import dumps

    text = dumps(big_session())
    assert len(strict_toml._cut(text)) >= 20
    assert _same(strict_toml._in_pieces(text), tomllib.loads(text))
    path = tmp_path / "big.toml"
    path.write_text(text, "utf-8")
    # In a process of its own, for its high-water mark of resident memory (Linux).
    script = (
        "import sys, re\n"
        "from pathlib import Path\n"
        "from retro_tui.store.strict_toml import parse\n"
        "def mb(key): return int(re.search(key + r':\\s+(\\d+)', Path('/proc/self/status').read_text()).group(1)) / 1024\n"
        "text = Path(sys.argv[1]).read_text('utf-8')\n"
        "before = mb('VmHWM')\n"
        "data = parse(text)\n"
        "print(mb('VmHWM') - before)\n"
    )
    if not Path("/proc/self/status").exists():
        pytest.skip("reads Linux's /proc")
    grew = float(subprocess.run([sys.executable, "-c", script, str(path)], check=True, capture_output=True, text=True).stdout)
    assert grew < 14, f"parsing took {grew:.1f} MB at its peak"


TABLE_OVER_ARRAY = [
    "[[a.c]]\n[a]\nc.c.a = 2\n", "[[a.c]]\nx = 1\n[a]\nc.x = 1\n", "[[a.c]]\n  [ a ] # again\nc.c.a = 2\n",
    "[[a.b.c]]\n[a.b]\nc.d = 1\n",
]


@pytest.mark.parametrize("text", TABLE_OVER_ARRAY)
def test_a_dotted_key_into_an_array_of_tables_is_refused_as_tomllib_refuses_it(text):
    """Below `[a]` after `[[a.c]]`, rtoml lets `c.x = 1` reach into the array; tomllib
    refuses the file, so the store must, whole or in pieces."""
    assert _agrees(text)
    padded = "[[events]]\nid = 1\n" * 16000 + text  # over PIECEWISE_FROM: read in pieces
    assert len(padded) >= strict_toml.PIECEWISE_FROM
    assert _agrees(padded)


@pytest.mark.parametrize("text", TABLE_OVER_ARRAY)
def test_a_dotted_key_into_an_array_of_tables_is_refused_in_small_pieces(text, small_pieces):
    assert _agrees(text)
