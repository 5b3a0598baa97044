"""The commands as a user runs them: exit codes, one-line errors, files untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesomelint import __version__
from conftest import FIXTURES


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "awesomelint", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def test_version():
    r = run("--version")
    assert r.returncode == 0 and __version__ in r.stdout


def test_version_is_answered_before_the_cli_loads_and_says_what_click_says():
    from click.testing import CliRunner

    from awesomelint.cli import main

    code = "import sys; sys.argv = ['awesomelint', '--version']; from awesomelint.__main__ import run; run(); print('click' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    fast, loaded = r.stdout.splitlines()
    assert loaded == "False"  # start-up without click and the commands
    assert fast + "\n" == CliRunner().invoke(main, ["--version"]).output


def test_convert_and_render_through_files(tmp_path):
    src = FIXTURES[0].parent / "bullet.md"
    out = tmp_path / "list.yaml"
    assert run("convert", str(src), "-o", str(out)).returncode == 0
    r = run("render", str(out))
    assert r.returncode == 0
    assert r.stdout == src.read_text(encoding="utf-8")


def test_convert_json_to_stdout():
    r = run("convert", str(FIXTURES[0].parent / "table.md"), "--to", "json")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert data["awesomelint"] == 1


def test_convert_from_stdin():
    r = run("convert", "-", "--to", "json", stdin=b"- [A](https://a.org) - x\n")
    assert r.returncode == 0 and json.loads(r.stdout)["intro"][0]["list"]["entries"][0]["name"] == "A"


def one_line_error(r: subprocess.CompletedProcess[str], *words: str) -> None:
    assert r.returncode == 2, r
    lines = r.stderr.strip().split("\n")
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    for w in words:
        assert w in lines[0], lines[0]


def test_missing_file(tmp_path):
    one_line_error(run("convert", str(tmp_path / "nope.md")), "nope.md", "no such file")


def test_directory(tmp_path):
    one_line_error(run("convert", str(tmp_path)), str(tmp_path), "directory")


def test_invalid_utf8(tmp_path):
    p = tmp_path / "bad.md"
    p.write_bytes(b"# T\n\xff\xfe broken\n")
    one_line_error(run("convert", str(p)), "bad.md", "UTF-8")


def test_binary(tmp_path):
    p = tmp_path / "img.md"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    one_line_error(run("convert", str(p)), "img.md", "binary")


def test_malformed_yaml(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("awesomelint: 1\nsections: [\n", encoding="utf-8")
    one_line_error(run("render", str(p)), "bad.yaml", "malformed YAML")


def test_yaml_that_is_not_ours(tmp_path):
    p = tmp_path / "other.yaml"
    p.write_text("just: data\n", encoding="utf-8")
    one_line_error(run("render", str(p)), "other.yaml", "not an awesomelint data file")


def test_yaml_with_wrong_types(tmp_path):
    p = tmp_path / "typed.yaml"
    p.write_text("awesomelint: 1\nsections:\n  - title: X\n    level: nine\n", encoding="utf-8")
    one_line_error(run("render", str(p)), "typed.yaml", "level")


def test_other_markup_is_refused(tmp_path):
    p = tmp_path / "README.rst"
    p.write_text("Title\n=====\n\n* `A <https://a.org>`_\n", encoding="utf-8")
    for cmd in ("lint", "fmt", "convert"):
        one_line_error(run(cmd, str(p)), "README.rst", "reStructuredText is not Markdown")
    assert p.read_text(encoding="utf-8").startswith("Title")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (a device every write to fails, as a full disk)")
@pytest.mark.parametrize("args", [["--version"], ["rules"], ["lint", "list.md"], ["lint", "--no-cache", "list.md"], ["fmt", "--diff", "list.md"]])
def test_output_that_cannot_be_written_is_one_line(tmp_path: Path, args: list[str]) -> None:
    """A full disk under standard output, twice (the second run of a lint or fmt is answered
    from the first): one line and exit 2, never a traceback or an internal error."""
    (tmp_path / "list.md").write_text("# T\n\n* [A](https://a.org) - A.\n- [A](https://a.org/) - A.\n", encoding="utf-8")
    for _ in range(2):
        with open("/dev/full", "w") as full:
            r = subprocess.run([sys.executable, "-m", "awesomelint", *args], stdout=full, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
        assert (r.returncode, r.stderr) == (2, "awesomelint: error: cannot write the output (No space left on device)\n")
