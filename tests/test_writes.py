"""Every write respects the file and the person editing it, or refuses with one line and exit 2."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from awesomelint import api
from awesomelint.errors import InputError
from awesomelint.source import TMP_PREFIX, read_source, write_atomic
from test_cli import run

UNTIDY = "# T\n\n* [A](https://a.org) - A.\n* [B](https://b.org) - B.\n"
TIDY = "# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n"


def test_an_edit_made_while_fmt_ran_is_kept(tmp_path):
    p = tmp_path / "list.md"
    p.write_text(UNTIDY, encoding="utf-8")
    src = read_source(p)
    edited = UNTIDY + "* [C](https://c.org) - C.\n"
    p.write_text(edited, encoding="utf-8")  # the person saves while we format
    with pytest.raises(InputError, match="changed since it was read"):
        api.fmt(str(p), src)
    assert p.read_text(encoding="utf-8") == edited


def test_same_size_same_mtime_edit_is_seen(tmp_path):
    p = tmp_path / "list.md"
    p.write_text(UNTIDY, encoding="utf-8")
    src = read_source(p)
    st = p.stat()
    p.write_text(UNTIDY.replace("A.", "Z."), encoding="utf-8")
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(InputError, match="changed since it was read"):
        api.fmt(str(p), src)


def test_read_only_file_is_refused(tmp_path):
    p = tmp_path / "list.md"
    p.write_text(UNTIDY, encoding="utf-8")
    p.chmod(0o444)
    r = run("fmt", str(p))
    assert r.returncode == 2 and "read-only" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert p.read_text(encoding="utf-8") == UNTIDY
    r = run("lint", "--fix", "--extend-select", "AL5", str(p), "--no-cache")
    assert r.returncode == 2 and p.read_text(encoding="utf-8") == UNTIDY


def test_symlink_is_written_through(tmp_path):
    real = tmp_path / "real.md"
    real.write_text(UNTIDY, encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    r = run("fmt", str(link))
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and real.read_text(encoding="utf-8") == TIDY


def test_hard_links_are_not_split(tmp_path):
    a = tmp_path / "a.md"
    a.write_text(UNTIDY, encoding="utf-8")
    os.link(a, tmp_path / "b.md")
    r = run("fmt", str(a))
    assert r.returncode == 2 and "hard links" in r.stderr
    assert a.read_text(encoding="utf-8") == UNTIDY and os.stat(a).st_nlink == 2


def test_mode_owner_and_group_are_kept(tmp_path):
    p = tmp_path / "list.md"
    p.write_text(UNTIDY, encoding="utf-8")
    p.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(p, 1234, 5678)
    before = p.stat()
    assert run("fmt", str(p)).returncode == 0
    after = p.stat()
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert p.read_text(encoding="utf-8") == TIDY


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_line_endings_are_kept(tmp_path, newline):
    p = tmp_path / "list.md"
    p.write_bytes(UNTIDY.replace("\n", newline).encode())
    assert run("fmt", str(p)).returncode == 0
    assert p.read_bytes() == TIDY.replace("\n", newline).encode()


def test_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    p = tmp_path / "list.md"
    p.write_text(UNTIDY, encoding="utf-8")

    def boom(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(InputError, match="No space left"):
        api.fmt(str(p))
    assert sorted(f.name for f in tmp_path.iterdir()) == ["list.md"]


def test_stale_temporaries_of_ours_are_removed(tmp_path):
    old = tmp_path / f"{TMP_PREFIX}list.md.abc.tmp"
    old.write_text("x")
    past = time.time() - 7200
    os.utime(old, (past, past))
    fresh = tmp_path / f"{TMP_PREFIX}list.md.def.tmp"  # another run's, still working
    fresh.write_text("x")
    theirs = tmp_path / ".list.md.xyz.tmp"  # not ours
    theirs.write_text("x")
    os.utime(theirs, (past, past))
    write_atomic(tmp_path / "out.md", b"x\n")
    assert not old.exists() and fresh.exists() and theirs.exists()


@pytest.mark.parametrize("command", [["convert", "list.md"], ["render", "data.yaml"], ["merge", "list.md"]])
def test_outputs_get_the_umask_mode(tmp_path, command):
    (tmp_path / "list.md").write_text(TIDY, encoding="utf-8")
    run("convert", "list.md", "-o", "data.yaml", cwd=tmp_path)
    r = run(*command, "-o", "out.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o666 & ~mask


def test_unwritable_output_is_one_line(tmp_path):
    (tmp_path / "list.md").write_text(TIDY, encoding="utf-8")
    r = run("convert", "list.md", "-o", str(tmp_path / "missing" / "out.yaml"), cwd=tmp_path)
    assert r.returncode == 2 and "cannot write" in r.stderr and "internal error" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_output_to_a_device_is_written_not_replaced(tmp_path):
    (tmp_path / "list.md").write_text(TIDY, encoding="utf-8")
    r = run("convert", "list.md", "-o", "/dev/null", cwd=tmp_path)
    assert r.returncode == 0 and stat.S_ISCHR(Path("/dev/null").stat().st_mode)
