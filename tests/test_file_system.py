"""Writes that respect the file system and its other users.

The tests run as root here, and root passes every permission check; "another user" is
made by os.chown to another uid, and where the kernel's own rules for other users
matter (a sticky folder), the writer runs as that other uid in a real process."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import tempfile
import warnings
from pathlib import Path

import pytest

from conftest import EXAMPLE
from retro_tui.store import SessionError, backup_path, load, save

OTHER = 12345  # a uid that is not ours (we are root)
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="making files of another user needs root")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every file in the folder: its kind, owner, mode and bytes."""
    out = {}
    for p in sorted(folder.iterdir()):
        info = os.lstat(p)
        data = os.readlink(p) if p.is_symlink() else p.read_bytes() if p.is_file() else None
        out[p.name] = (stat.S_IFMT(info.st_mode), info.st_uid, stat.S_IMODE(info.st_mode), data)
    return out


def _as_other_user(uid: int, home: Path, work) -> tuple[int, str]:
    """Run `work()` in a forked process that is user `uid` (no exec: the venv lives
    under /root, which other users cannot enter). Its exit code and what it reported."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: become the other user, then work
        code = 1
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            os.environ.update(HOME=str(home), XDG_STATE_HOME=str(home / "state"))
            os.environ.pop("XDG_RUNTIME_DIR", None)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                work()
            os.write(write, "\n".join(str(w.message) for w in caught).encode())
            code = 0
        except BaseException as error:  # reported to the parent
            os.write(write, f"{type(error).__name__}: {error}".encode())
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        said = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), said


# --- symbolic links ------------------------------------------------------------------


def test_saving_through_a_link_changes_the_target_and_keeps_the_link(tmp_path, run_cli):
    real = tmp_path / "cases" / "s.toml"
    real.parent.mkdir()
    shutil.copy(EXAMPLE, real)
    link = tmp_path / "s.toml"
    link.symlink_to(real)

    code, _, err = run_cli("quote", str(link), "--speaker", "moeder", "Wij", "bleven")

    assert (code, err) == (0, "")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load(real).quotes[-1].text == "Wij bleven"
    assert backup_path(real).read_bytes() == EXAMPLE.read_bytes()  # the backup beside the real file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases", "s.toml"]  # nothing beside the link


def test_a_relative_link_is_followed_from_its_own_folder(tmp_path):
    (tmp_path / "real").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "real" / "s.toml")
    (tmp_path / "links").mkdir()
    link = tmp_path / "links" / "s.toml"
    link.symlink_to("../real/s.toml")
    session = load(link)
    session.session.place = "Elders"
    save(session, link)
    assert link.is_symlink()
    assert load(tmp_path / "real" / "s.toml").session.place == "Elders"


@needs_root
def test_another_users_link_is_not_followed(tmp_path):
    victim = tmp_path / "victim.toml"
    shutil.copy(EXAMPLE, victim)
    link = tmp_path / "s.toml"
    link.symlink_to(victim)
    os.lchown(link, OTHER, OTHER)
    before = snapshot(tmp_path)

    with pytest.raises(SessionError) as refused:
        save(load(EXAMPLE), link)

    assert "link made by another user (12345)" in refused.value.message()
    assert snapshot(tmp_path) == before


@needs_root
def test_another_users_link_further_down_a_chain_is_not_followed(tmp_path):
    victim = tmp_path / "victim.toml"
    shutil.copy(EXAMPLE, victim)
    theirs = tmp_path / "theirs.toml"
    theirs.symlink_to(victim)
    os.lchown(theirs, OTHER, OTHER)
    mine = tmp_path / "s.toml"
    mine.symlink_to(theirs)
    before = snapshot(tmp_path)
    with pytest.raises(SessionError) as refused:
        save(load(EXAMPLE), mine)
    assert "link made by another user (12345)" in refused.value.message()
    assert snapshot(tmp_path) == before


def test_a_loop_of_links_is_refused(tmp_path):
    (tmp_path / "a.toml").symlink_to("b.toml")
    (tmp_path / "b.toml").symlink_to("a.toml")
    with pytest.raises(SessionError) as refused:
        save(load(EXAMPLE), tmp_path / "a.toml")
    assert "not a regular file" in refused.value.message()


# --- the lock folder -----------------------------------------------------------------


def test_locks_live_in_a_private_folder_of_the_user_and_are_owner_only(example_copy, private_state):
    from filelock import FileLock

    from retro_tui.store.shared import lock_path, session_lock

    lock = lock_path(example_copy)
    assert lock.parent == private_state / "retro-tui" / "locks"
    assert mode(lock.parent) == 0o700 and os.stat(lock.parent).st_uid == os.getuid()
    old = os.umask(0o022)
    try:
        with session_lock(example_copy):
            assert mode(lock) == 0o600
    finally:
        os.umask(old)
    assert isinstance(session_lock(example_copy), FileLock)


def test_the_runtime_folder_is_used_when_the_session_has_one(tmp_path, monkeypatch, example_copy):
    from retro_tui.store.shared import lock_path

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert lock_path(example_copy).parent == runtime / "retro-tui" / "locks"


def test_what_must_outlast_a_restart_goes_to_the_state_folder(tmp_path, monkeypatch, private_state):
    from retro_tui.store.private_dir import private_dir

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert private_dir("drafts", lasting=True) == private_state / "retro-tui" / "drafts"
    assert mode(private_state / "retro-tui" / "drafts") == 0o700


def test_without_a_runtime_folder_no_name_in_tmp_is_used(monkeypatch, private_state, example_copy):
    from retro_tui.store.shared import lock_path

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    folder = lock_path(example_copy).parent
    assert folder == private_state / "retro-tui" / "locks"


@needs_root
def test_a_lock_folder_made_by_another_user_is_refused(private_state, example_copy, run_cli):
    planted = private_state / "retro-tui" / "locks"
    planted.mkdir(parents=True, mode=0o777)
    os.chmod(planted, 0o777)
    os.chown(planted, OTHER, OTHER)
    before = example_copy.read_bytes()

    code, _, err = run_cli("quote", str(example_copy), "--speaker", "moeder", "Wij", "bleven")

    assert code == 2
    assert err.strip() == f"{planted}: this should be your private folder for retro-tui, but it belongs to another user (12345); retro-tui will not use it"
    assert example_copy.read_bytes() == before
    assert list(planted.iterdir()) == []  # nothing of ours went in


def test_a_link_in_place_of_the_lock_folder_is_refused(private_state, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (private_state / "retro-tui").mkdir()
    (private_state / "retro-tui" / "locks").symlink_to(elsewhere)
    from retro_tui.store.private_dir import private_dir

    with pytest.raises(SessionError) as refused:
        private_dir("locks")
    assert "it is a link or a file" in refused.value.message()


def test_an_own_lock_folder_open_to_others_is_closed_before_use(private_state):
    folder = private_state / "retro-tui" / "locks"
    folder.mkdir(parents=True)
    os.chmod(folder, 0o777)
    from retro_tui.store.private_dir import private_dir

    assert private_dir("locks") == folder
    assert mode(folder) == 0o700


# --- folders others can write --------------------------------------------------------


def test_a_folder_anyone_can_write_is_refused_unless_sticky(tmp_path, run_cli):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    path = shared / "s.toml"
    shutil.copy(EXAMPLE, path)
    before = snapshot(shared)

    code, _, err = run_cli("quote", str(path), "--speaker", "moeder", "Wij", "bleven")

    assert code == 2
    assert f"the folder {shared} can be written by other users" in err
    assert snapshot(shared) == before

    os.chmod(shared, 0o1777)  # sticky, like /tmp: others cannot touch our files
    code, _, err = run_cli("quote", str(path), "--speaker", "moeder", "Wij", "bleven")
    assert (code, err) == (0, "")
    assert os.stat(path).st_uid == os.getuid() and mode(path) == 0o600


@needs_root
def test_another_users_file_in_a_sticky_folder_is_not_replaced(tmp_path, run_cli):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    path = shared / "s.toml"
    shutil.copy(EXAMPLE, path)
    os.chown(path, OTHER, OTHER)
    before = snapshot(shared)

    code, _, err = run_cli("quote", str(path), "--speaker", "moeder", "Wij", "bleven")

    assert code == 2
    assert "belongs to another user (12345)" in err
    assert snapshot(shared) == before


@pytest.fixture
def open_tmp():
    """A folder other users can enter (pytest's tmp_path sits in a root-only folder)."""
    folder = Path(tempfile.mkdtemp(prefix="retro-tui-test-"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder)


@needs_root
def test_a_planted_backup_and_temp_names_neither_block_nor_redirect_a_save(open_tmp):
    """In a sticky shared folder, root plays the other user: it plants `s.toml.bak`
    and temp-looking names (one a link to a file of the writer's); the writer runs as
    uid 12345, for whom the kernel's sticky rules hold."""
    tmp_path = open_tmp
    home = tmp_path / "home"
    home.mkdir()
    os.chown(home, OTHER, OTHER)
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    path = shared / "s.toml"
    shutil.copy(EXAMPLE, path)
    os.chown(path, OTHER, OTHER)
    (shared / "s.toml.bak").write_text("planted")
    for name in (".s.toml.tmp", ".s.toml.bak.tmp", ".s.toml.bak.x.tmp"):
        (shared / name).write_text("planted")
    elsewhere = tmp_path / "mine.toml"
    elsewhere.write_text("the writer's own file")
    os.chown(elsewhere, OTHER, OTHER)
    (shared / ".s.toml.link.tmp").symlink_to(elsewhere)
    planted = {n: v for n, v in snapshot(shared).items() if n != "s.toml"}

    def add_quote() -> None:
        from retro_tui.operations import add_quote
        from retro_tui.store.shared import update

        update(path, lambda session: add_quote(session, session.session.current_step, "moeder", "Wij bleven"))

    code, said = _as_other_user(OTHER, home, add_quote)

    assert code == 0, said
    assert said == f"{path}.bak: Operation not permitted"  # the one warning: no backup this time
    assert load(path).quotes[-1].text == "Wij bleven"
    assert os.stat(path).st_uid == OTHER and mode(path) == 0o600
    after = snapshot(shared)
    assert {n: v for n, v in after.items() if n != "s.toml"} == planted  # untouched, none of ours left
    assert elsewhere.read_text() == "the writer's own file"


# --- read-only sessions --------------------------------------------------------------


def test_a_read_only_session_is_refused_with_how_to_make_it_writable(example_copy, run_cli):
    os.chmod(example_copy, 0o400)
    before = snapshot(example_copy.parent)

    for args in (["quote", str(example_copy), "--speaker", "x", "woorden"], ["finalize", str(example_copy)]):
        code, _, err = run_cli(*args)
        assert code == 2, args
        assert err.strip() == (
            f"{example_copy}: this file is read-only, so it was not changed. "
            f"To work in it again, make it writable: chmod u+w {example_copy}"
        )
    assert snapshot(example_copy.parent) == before  # not overwritten, still 0400, no backup


def test_read_only_message_in_dutch(example_copy, run_cli):
    os.chmod(example_copy, 0o400)
    code, _, err = run_cli("--lang", "nl", "quote", str(example_copy), "--speaker", "x", "woorden")
    assert code == 2 and "alleen-lezen" in err and "chmod u+w" in err


# --- a full disk ---------------------------------------------------------------------


def test_a_full_disk_names_the_file_and_keeps_the_previous_version(example_copy, monkeypatch, run_cli):
    before = snapshot(example_copy.parent)
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run_cli("quote", str(example_copy), "--speaker", "x", "woorden")
    monkeypatch.setattr(os, "fsync", real_fsync)

    assert code == 2
    assert err.strip() == (
        f"{example_copy}: could not be saved: the disk is full. "
        "The previous version is intact; free some space and save again"
    )
    assert snapshot(example_copy.parent) == before  # no temp file left, nothing changed


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 256 KB file system (tmpfs), when this machine lets us mount one."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_really_full_disk_keeps_the_previous_version(tiny_disk):
    path = tiny_disk / "s.toml"
    shutil.copy(EXAMPLE, path)
    session = load(path)
    filler = tiny_disk / "filler"
    with open(filler, "wb", buffering=0) as handle:  # fill what is left
        try:
            while True:
                handle.write(b"x" * 4096)
                handle.flush()
        except OSError as error:
            assert error.errno == errno.ENOSPC
    before = path.read_bytes()

    session.session.place = "Elders"
    with pytest.raises(SessionError) as failed:
        save(session, path)

    assert failed.value.message() == (
        f"{path}: could not be saved: the disk is full. The previous version is intact; free some space and save again"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler", "s.toml"]

    filler.unlink()  # room again: the same save now works
    save(session, path)
    assert load(path).session.place == "Elders"


def test_a_backup_that_cannot_be_replaced_warns_and_the_save_goes_on(example_copy, monkeypatch):
    from retro_tui.store import atomic
    from retro_tui.store.atomic import BackupSkipped

    session = load(example_copy)
    real_replace = os.replace

    def refuse_bak(src, dst):
        if str(dst).endswith(".bak"):
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", refuse_bak)
    session.session.place = "Elders"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        save(session, example_copy)
    assert [w.category for w in caught] == [BackupSkipped]
    assert load(example_copy).session.place == "Elders"
    assert sorted(p.name for p in example_copy.parent.iterdir()) == [example_copy.name]
