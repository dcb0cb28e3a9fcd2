"""Reading a session file takes memory for the file, not for the limit it may grow to."""

from __future__ import annotations

import hashlib
import os
import tracemalloc

import pytest

from retro_tui.store.errors import SessionError
from retro_tui.store.safe_read import DIGEST_CHUNK, MAX_BYTES, digest_regular, read_regular


def _with_peak(call):
    """What `call()` returns, and the most memory Python held while it ran."""
    tracemalloc.start()
    try:
        return call(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_small_file_is_read_without_allocating_the_whole_limit(tmp_path):
    path = tmp_path / "session.toml"
    content = bytes(range(256)) * 12_000  # 3 MB, about the size of a big session
    path.write_bytes(content)
    data, peak = _with_peak(lambda: read_regular(path))
    assert data == content
    assert peak < 2 * len(content) < MAX_BYTES  # one read of the limit took 32 MB here


def test_a_file_over_the_limit_is_still_refused(tmp_path):
    path = tmp_path / "session.toml"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(SessionError):
        read_regular(path, limit=4096)


def test_a_files_digest_is_taken_a_chunk_at_a_time(tmp_path):
    """What a writer compares with its last write before each save of a big session:
    the same SHA-256 as of the bytes read whole, without the whole file in memory."""
    path = tmp_path / "session.toml"
    content = bytes(range(256)) * 12_000
    path.write_bytes(content)
    digest, peak = _with_peak(lambda: digest_regular(path))
    assert digest == hashlib.sha256(content).hexdigest()
    assert peak < 3 * DIGEST_CHUNK < len(content)  # read whole, it took the 3 MB


@pytest.mark.parametrize("size", [0, 4096, 4097])
def test_a_digest_refuses_what_a_read_refuses(tmp_path, size):
    path = tmp_path / "session.toml"
    path.write_bytes(b"x" * size)
    for reader in (read_regular, digest_regular):
        if size > 4096:
            with pytest.raises(SessionError) as refused:
                reader(path, limit=4096)
            assert refused.value.first.key == "too_large"
        else:
            reader(path, limit=4096)
    fifo = tmp_path / "fifo.toml"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        for reader in (read_regular, digest_regular):
            with pytest.raises(SessionError) as refused:
                reader(fifo)  # opened without blocking, and refused
            assert refused.value.first.key == "not_regular.fifo"
    for reader in (read_regular, digest_regular):
        with pytest.raises(SessionError) as refused:
            reader(tmp_path)
        assert refused.value.first.key == "is_directory"
        with pytest.raises(SessionError) as refused:
            reader(tmp_path / "gone.toml")
        assert refused.value.first.key == "not_found"
