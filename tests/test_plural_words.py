"""A count of one reads as one: the words around a count follow it, not only its noun."""

from __future__ import annotations

import re

import pytest

from retro_tui.i18n import catalog, t

# Words that speak of more than one; where one of them is about something else in
# the sentence (the observations of one case analysis), the key is named here.
PLURAL = {"en": r"\b(were|are|they|them|their|these|have)\b", "nl": r"\b(zijn|ze|hebben|staan|konden|deze)\b"}
ABOUT_SOMETHING_ELSE = {"bundle.intro"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_count_of_one_reads_as_one(lang):
    wrong = {}
    for key, text in catalog(lang).items():
        if "{count:" in text and key not in ABOUT_SOMETHING_ELSE:
            one = t(key, lang=lang, count=1)
            if re.search(PLURAL[lang], one):
                wrong[key] = one
    assert wrong == {}
