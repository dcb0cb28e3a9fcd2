"""The draft journal holds words as typed, the family's names among them: it goes only
into a folder of this user's own, never through a link someone put in its place."""

from __future__ import annotations

import os
import stat

import pytest

from retro_tui.places import drafts_dir
from retro_tui.store.recovery import Draft, DraftJournal

DRAFT = Draft("checkin", "form", "Marieke Akkerman, BSN 111222333")


def test_the_journal_folder_is_made_for_this_user_alone(tmp_path):
    journal = DraftJournal(tmp_path / "s.toml")
    journal.write([DRAFT])
    assert journal.path.read_text("utf-8").count("Marieke Akkerman") == 1
    assert stat.S_IMODE(os.stat(drafts_dir()).st_mode) == 0o700


def test_a_folder_opened_to_others_is_closed_before_the_words_go_in(tmp_path):
    drafts_dir().mkdir(parents=True)
    os.chmod(drafts_dir(), 0o777)
    DraftJournal(tmp_path / "s.toml").write([DRAFT])
    assert stat.S_IMODE(os.stat(drafts_dir()).st_mode) == 0o700


def test_a_link_in_place_of_the_folder_gets_no_words(tmp_path):
    elsewhere = tmp_path / "someone-elses"
    elsewhere.mkdir()
    drafts_dir().parent.mkdir(parents=True, exist_ok=True)
    drafts_dir().symlink_to(elsewhere)
    journal = DraftJournal(tmp_path / "s.toml")
    with pytest.raises(PermissionError):
        journal.write([DRAFT])
    assert list(elsewhere.iterdir()) == []
