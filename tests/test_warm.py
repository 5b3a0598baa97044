"""A lint run answered from the last identical run (`awesomelint.warm`) says exactly what the
linter would say: after every kind of change to what the run read, the answer is worked out
afresh, and it equals a run with no cache at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.warm import answer, recall

WEB = "".join(f"- [N{i}](https://n{i}.org) - Entry number {i}.\n" for i in range(5))
LIST = "# L\n\n## A\n\n" + WEB + "- [Guide](docs/guide) - Our guide.\n* [Dup](https://n1.org) - Again.\n"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, int, bool]:
    """What `awesomelint ARGV` prints (standard output, then standard error) and its exit code,
    and whether the cached answer gave them (the same two steps as `awesomelint.__main__.run`,
    in this process)."""
    capsys.readouterr()
    code = answer(argv)
    if code is not None:
        got = capsys.readouterr()
        return got.out + got.err, code, True
    try:
        main(argv, obj={"argv": argv}, prog_name="awesomelint")
        code = 0
    except SystemExit as done:
        code = int(done.code or 0)
    got = capsys.readouterr()
    return got.out + got.err, code, False


def _fresh(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, int]:
    out, code, warm = _run(argv + ["--no-cache"], capsys)
    assert not warm
    return out, code


def _check(argv: list[str], capsys: pytest.CaptureFixture[str], *, changed: bool = True) -> str:
    """After a change: not answered from the cache, then answered from it, both as a run with
    no cache answers."""
    truth = _fresh(argv, capsys)
    if changed:
        assert recall(argv) is None, "a changed input was answered from the last run"
    first = _run(argv, capsys)
    again = _run(argv, capsys)
    assert again[2], "the same run, nothing changed, was not answered from the cache"
    assert first[:2] == again[:2] == truth
    return truth[0]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "list.md").write_text(LIST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def test_every_input_a_run_read_is_checked_again(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["lint", "list.md"]
    assert "AL108" in _check(argv, capsys) and "AL201" in _check(argv, capsys, changed=False)
    (project / "list.md").write_text(LIST.replace("Again.", "Once more."), encoding="utf-8")  # the list
    _check(argv, capsys)
    (project / "docs").mkdir()
    (project / "docs" / "guide").write_text("g\n", encoding="utf-8")  # a file a rule looked for
    assert "AL108" not in _check(argv, capsys)
    (project / ".awesomelint.toml").write_text('ignore = ["AL201"]\n', encoding="utf-8")  # a config appears
    assert "AL201" not in _check(argv, capsys)
    (project / ".awesomelint.toml").write_text('ignore = ["AL501"]\n', encoding="utf-8")  # the config changes
    assert "AL201" in _check(argv, capsys)
    (project / ".awesomelint.toml").unlink()
    (project.parent / "pyproject.toml").write_text('[tool.awesomelint]\nignore = ["AL201"]\n', encoding="utf-8")  # one further up
    try:
        assert "AL201" not in _check(argv, capsys)
    finally:
        (project.parent / "pyproject.toml").unlink()
    _check(argv, capsys)
    monkeypatch.setenv("FORCE_COLOR", "1")  # colour: another answer, kept apart
    assert "\x1b[" in _check(argv, capsys, changed=False)
    monkeypatch.delenv("FORCE_COLOR")
    assert "\x1b[" not in _check(argv, capsys, changed=False)
    _check(["lint", "list.md", "--output-format", "json"], capsys, changed=False)  # another command line
    os.replace(project / "list.md", project / "moved.md")  # the file is gone
    os.mkdir(project / "list.md")  # and a folder has its name
    (project / "list.md" / "a.md").write_text(LIST, encoding="utf-8")
    assert recall(argv) is None
    assert _run(argv, capsys)[:2] == _fresh(argv, capsys)


def test_where_a_path_leads_and_which_file_is_the_default(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    strict = project / "strict"
    strict.mkdir()
    (strict / ".awesomelint.toml").write_text('ignore = ["AL201", "AL108"]\n', encoding="utf-8")
    (strict / "list.md").write_text(LIST, encoding="utf-8")
    (project / "link.md").symlink_to(project / "list.md")
    argv = ["lint", "link.md"]
    assert "AL201" in _check(argv, capsys)
    (project / "link.md").unlink()
    (project / "link.md").symlink_to(strict / "list.md")  # the same bytes, in a folder with another config
    assert "AL201" not in _check(argv, capsys)
    (project / "other.md").write_text(LIST.replace("Again.", "Thrice."), encoding="utf-8")
    (project / "link.md").unlink()
    (project / "link.md").symlink_to(project / "list.md")
    both = ["lint", "list.md", "link.md"]  # one file named twice: linted once
    assert "link.md" not in _check(both, capsys)
    (project / "link.md").unlink()
    (project / "link.md").symlink_to(project / "other.md")  # now two files
    assert "link.md" in _check(both, capsys)
    (project / "readme.md").write_text(LIST, encoding="utf-8")
    assert "readme.md" in _check(["lint"], capsys)
    (project / "README.md").write_text(LIST.replace("Again.", "Twice."), encoding="utf-8")
    if not (project / "readme.md").samefile(project / "README.md"):  # a file system that tells case apart
        assert "README.md" in _check(["lint"], capsys)
    config = project / "given.toml"
    config.write_text('ignore = ["AL201"]\n', encoding="utf-8")
    assert "AL201" not in _check(["lint", "--config", "given.toml", "list.md"], capsys)
    config.write_text("ignore = []\n", encoding="utf-8")
    assert "AL201" in _check(["lint", "--config", "given.toml", "list.md"], capsys)


@pytest.mark.parametrize(
    "argv",
    [
        ["lint", "list.md", "--no-cache"],  # asked for no cache
        ["lint", "."],  # a folder: what it holds is not an input an entry notes
        ["lint", "*.md"],  # a glob, likewise
        ["lint", "list.md", "--output", "report.txt"],  # writes a file
        ["lint", "list.md", "--diff"],
        ["lint", "missing.md"],  # an error
    ],
)
def test_runs_no_entry_may_stand_for(project: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    _run(argv, capsys)
    assert recall(argv) is None


def _kept(argv: list[str]) -> bool:
    from awesomelint import warm

    return Path(warm._store(os.getcwd())._file(warm._slot(argv, os.getcwd(), False))).exists()


def test_a_run_that_warned_is_not_kept(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_bytes(b"[project]\nname = '\xff'\n")  # skipped, with a warning
    _run(["lint", "list.md"], capsys)
    assert not _kept(["lint", "list.md"])
    (project / "pyproject.toml").unlink()
    _run(["lint", "list.md"], capsys)
    assert _kept(["lint", "list.md"])


def test_forged_tampered_and_malformed_entries_are_not_believed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import hashlib

    from awesomelint import warm

    argv = ["lint", "list.md"]
    truth = _check(argv, capsys)
    store = warm._store(os.getcwd())
    name = warm._slot(argv, os.getcwd(), False)
    entry = Path(store._file(name))
    fake = warm._pack(["0", "All checks passed (1 file).\n"])
    entry.write_bytes(entry.read_bytes().partition(b"\n")[0] + b"\n" + fake)  # tampered
    assert _run(argv, capsys)[:3] == (truth, 1, False)
    mac = hashlib.blake2b(b"2\0" + name.encode() + b"\0" + fake, key=b"k" * 32, digest_size=32).hexdigest().encode()
    entry.write_bytes(mac + b"\n" + fake)  # forged, signed with a key not the user's
    assert _run(argv, capsys)[:3] == (truth, 1, False)
    for junk in (b"", b"9999:x", b"1:0", b"x:y", b"1:a1:b1:c1:d1:e", b"1:01:x1:z1:p1:q"):
        store.put_bytes(name, junk)  # signed, but not an entry: the linter answers
        assert _run(argv, capsys)[:3] == (truth, 1, False)


@pytest.mark.parametrize(("argv", "code"), [(["lint", "list.md"], 1), (["fmt", "--check", "list.md"], 0)])
def test_a_warm_run_loads_neither_the_linter_nor_click(project: Path, argv: list[str], code: int) -> None:
    first = subprocess.run([sys.executable, "-m", "awesomelint", *argv], capture_output=True, text=True)
    script = (
        f"import sys; sys.argv = ['awesomelint', *{argv!r}]; before = set(sys.modules)\n"
        "from awesomelint.__main__ import run\n"
        "code = 0\ntry:\n    run()\nexcept SystemExit as done:\n    code = done.code\n"
        "heavy = {'click', 'mistune', 'json', 're', 'dataclasses', 'pathlib', 'typing', 'hashlib', 'awesomelint.lint', 'awesomelint.config', 'awesomelint.source', 'awesomelint.fmt'}\n"
        "print(code, sorted(heavy & (set(sys.modules) - before)))"  # (not what the interpreter loaded before us)
    )
    warm = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    tail = f"{code} []\n"
    assert warm.stdout.endswith(tail), warm.stdout + warm.stderr
    assert (warm.stdout[: -len(tail)], warm.stderr) == (first.stdout, first.stderr) and first.returncode == code


def test_only_the_last_command_lines_of_a_folder_are_kept(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from awesomelint import warm

    monkeypatch.setattr(warm, "KEEP", 3)
    runs = [["lint", "list.md", "--output-format", f] for f in ("text", "json", "github", "sarif")]
    for argv in runs:
        _run(argv, capsys)
    assert [_kept(argv) for argv in runs] == [False, True, True, True]
    assert _run(runs[0], capsys)[2] is False  # dropped: worked out again, and kept again
    assert [_kept(argv) for argv in runs] == [True, False, True, True]
    assert len(list(warm._store(os.getcwd()).dir.glob("*/w*.signed"))) == 3


UNTIDY = "Clinical Data\n=============\n\n## Cohorts\n* [UK Biobank](https://www.ukbiobank.ac.uk/) - Cohort data.\n"


def test_fmt_answers_as_it_would_format(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "untidy.md").write_text(UNTIDY, encoding="utf-8")
    for argv in (["fmt", "--check", "untidy.md"], ["fmt", "--diff", "untidy.md"], ["fmt", "--check", "list.md", "untidy.md"]):
        said = _check(argv, capsys)
        assert "untidy.md" in said and _run(argv, capsys)[1] == 1
    assert (project / "untidy.md").read_text(encoding="utf-8") == UNTIDY  # nothing written
    (project / "untidy.md").write_text(UNTIDY.replace("Cohort data.", "Cohorts."), encoding="utf-8")
    assert "untidy.md" in _check(["fmt", "--check", "untidy.md"], capsys)
    # a run that reformats writes the file: the run after it reads another file, and is worked out
    assert _run(["fmt", "untidy.md"], capsys)[:3] == ("reformatted untidy.md\n", 0, False)
    assert not _kept(["fmt", "untidy.md"])
    assert _run(["fmt", "untidy.md"], capsys)[:3] == ("", 0, False)  # in form now: kept
    assert _kept(["fmt", "untidy.md"])
    assert _run(["fmt", "untidy.md"], capsys)[:3] == ("", 0, True)
    (project / "untidy.md").write_text(UNTIDY, encoding="utf-8")  # untidy again: formatted again
    assert _run(["fmt", "untidy.md"], capsys)[:3] == ("reformatted untidy.md\n", 0, False)
    assert (project / "untidy.md").read_text(encoding="utf-8").startswith("# Clinical Data\n")
    (project / "tidy.md").write_text((project / "untidy.md").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "untidy.md").write_text(UNTIDY, encoding="utf-8")
    (project / "link.md").symlink_to(project / "tidy.md")
    twice = ["fmt", "--check", "tidy.md", "link.md"]  # one file named twice: read once
    assert _check(twice, capsys) == ""
    (project / "link.md").unlink()
    (project / "link.md").symlink_to(project / "untidy.md")
    assert "link.md" in _check(twice, capsys)


@pytest.mark.parametrize("argv", [["fmt", "--check", "."], ["fmt", "--check", "list.md", "--no-cache"], ["fmt", "--check", "missing.md"]])
def test_fmt_runs_no_entry_may_stand_for(project: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    _run(argv, capsys)
    assert not _kept(argv)


@pytest.mark.parametrize("command", ["lint", "fmt"])
def test_a_run_from_a_deleted_folder_needs_no_cache(tmp_path: Path, command: str) -> None:
    """The folder a run started in is gone (deleted under a shell): a file named by its full
    path is linted or formatted all the same, without a cache."""
    listed = tmp_path / "list.md"
    listed.write_text("# T\n\n- [A](https://a.org) - A.\n", encoding="utf-8")
    gone = tmp_path / "gone"
    gone.mkdir()
    script = f"import os, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); sys.argv = ['awesomelint', {command!r}, {str(listed)!r}]\nfrom awesomelint.__main__ import run\nrun()"
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (r.returncode, r.stderr) == (0, ""), r.stderr
    assert r.stdout == ("All checks passed (1 file).\n" if command == "lint" else "")
