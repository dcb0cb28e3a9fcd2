from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from retro_tui.i18n import catalog, detect_language, label, t
from retro_tui.model import enums

SRC = Path(__file__).resolve().parents[1] / "src" / "retro_tui"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys_and_placeholders():
    nl, en = catalog("nl"), catalog("en")
    assert nl.keys() == en.keys()
    for key in en:
        assert fields(nl[key]) == fields(en[key]), key
        assert nl[key].strip(), key


def test_every_key_the_code_asks_for_exists():
    # Keys are passed to t() directly, or named in Key(), FieldSpec() and Column(): any
    # string literal that starts with one of the catalogue's sections is a key.
    sections = {key.split(".")[0] for key in catalog("en")} - {"enum", "problem", "toml"}
    literal = re.compile(r"""["'](?:""" + "|".join(sorted(sections)) + r""")\.[a-z_]+["']""")
    used = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text()
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_.]+)["']""", text))
        used |= {m.strip("\"'") for m in literal.findall(text) if not m.strip("\"'").endswith((".tcss", ".toml"))}
    assert used, "the scan found no keys: the pattern is wrong"
    missing = sorted(key for key in used if key not in catalog("en"))
    assert missing == []


def test_every_enum_value_has_a_label_in_both_languages():
    found = [getattr(enums, n) for n in dir(enums) if isinstance(getattr(enums, n), type) and issubclass(getattr(enums, n), enums.StrEnum) and getattr(enums, n) is not enums.StrEnum]
    assert {enums.StepId, enums.Lane, enums.KeptState} <= set(found)  # the loop below reaches them
    for enum in found:
        for member in enum:
            for lang in ("nl", "en"):
                key = f"enum.{enum.__name__}.{member.value}"
                assert key in catalog(lang), key


def test_labels_follow_the_language():
    assert label(enums.Lane.family, lang="nl") == "gezin"
    assert label(enums.Lane.family, lang="en") == "family"


def test_a_missing_value_in_a_message_is_shown_not_raised():
    assert t("error.at_line_column", lang="en", line=3) == "line 3, column {column}"


@pytest.mark.parametrize(
    "env,expected",
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LC_ALL": "POSIX"}, None),
        ({}, None),
        ({"LANGUAGE": "nl:en", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
    ],
)
def test_language_follows_the_locale(env, expected):
    assert detect_language(env) == expected
