"""The 499 invalid cases of the official TOML 1.0 test suite (MIT, vendored in data/):
each is refused by `retro-tui check` with exit 2, a message naming the file and line,
no traceback, and the file untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "data" / "toml-test-invalid"
CASES = sorted(CORPUS.rglob("*.toml"))


def test_the_whole_corpus_is_here():
    assert len(CASES) == 499
    assert (CORPUS / "LICENSE").is_file()


@pytest.mark.parametrize("path", CASES, ids=[str(p.relative_to(CORPUS)) for p in CASES])
def test_invalid_toml_is_refused_cleanly(path, run_cli):
    before = path.read_bytes()
    code, out, err = run_cli("check", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith(f"{path}: line ")
    assert len(err.strip().splitlines()) == 1  # one message; main() returned, so no traceback
    assert path.read_bytes() == before


def test_every_reason_in_the_corpus_is_explained_in_both_languages():
    from retro_tui.store import SessionError
    from retro_tui.store.files import load

    untranslated = []
    for path in CASES:
        try:
            load(path)
        except SessionError as error:
            if error.first.key == "toml_syntax":  # the fallback that shows tomllib's English
                untranslated.append((path.name, error.first.params))
    assert untranslated == []
