"""Reading a session file takes memory for the file, not for the limit it may grow to."""

from __future__ import annotations

import tracemalloc

import pytest

from retro_tui.store.errors import SessionError
from retro_tui.store.safe_read import MAX_BYTES, read_regular


def test_a_small_file_is_read_without_allocating_the_whole_limit(tmp_path):
    path = tmp_path / "session.toml"
    content = bytes(range(256)) * 12_000  # 3 MB, about the size of a big session
    path.write_bytes(content)
    tracemalloc.start()
    try:
        data = read_regular(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data == content
    assert peak < 2 * len(content) < MAX_BYTES  # one read of the limit took 32 MB here


def test_a_file_over_the_limit_is_still_refused(tmp_path):
    path = tmp_path / "session.toml"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(SessionError):
        read_regular(path, limit=4096)
