"""Which files `lint` reads (folders, git's ignores, quoted globs, --exclude, standard input) and the
report formats CI systems read (junit, gitlab); Ruff's and markdownlint-cli2's conventions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from xml.dom import minidom

import pytest

from test_cli import one_line_error, run

LIST = "# T\n\n- [A](https://a.org) - A.\n- [A](https://a.org) - B.\n"


def _tree(root: Path) -> None:
    for rel in ("sub/a.md", "build2/b.md", "c.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(LIST, encoding="utf-8")


def _paths(stdout: str) -> set[str]:
    return {line.split(":", 1)[0].removeprefix("./") for line in stdout.splitlines() if ":" in line}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed on this machine")
def test_a_folder_in_a_git_repository_skips_what_git_ignores(tmp_path):
    _tree(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("build2/\n", encoding="utf-8")
    r = run("lint", "--no-cache", ".", cwd=tmp_path)
    assert r.returncode == 1 and _paths(r.stdout) == {"c.md", "sub/a.md"}, r.stdout


def test_a_folder_outside_git_yields_every_list(tmp_path):
    _tree(tmp_path)
    r = run("lint", "--no-cache", ".", cwd=tmp_path)
    assert _paths(r.stdout) == {"c.md", "sub/a.md", "build2/b.md"}


def test_exclude_and_quoted_globs(tmp_path):
    _tree(tmp_path)
    r = run("lint", "--no-cache", ".", "--exclude", "sub/*,build2/*", cwd=tmp_path)
    assert _paths(r.stdout) == {"c.md"}
    r = run("lint", "--no-cache", "**/*.md", "--exclude", "c.md", cwd=tmp_path)
    assert _paths(r.stdout) == {"sub/a.md", "build2/b.md"}
    # a file named as such is linted even when a pattern matches it (as Ruff does)
    assert _paths(run("lint", "--no-cache", "c.md", "--exclude", "c.md", cwd=tmp_path).stdout) == {"c.md"}
    one_line_error(run("lint", "--no-cache", "nothing/*.md", cwd=tmp_path), "nothing/*.md", "no such file")


def test_standard_input_with_a_name(tmp_path):
    r = run("lint", "--no-cache", "-", "--stdin-filename", "docs/list.md", stdin=LIST.encode(), cwd=tmp_path)
    assert r.returncode == 1 and r.stdout.startswith("docs/list.md:4:7: AL201"), r
    clean = "# T\n\n- [A](https://a.org) - A.\n"
    assert run("lint", "--no-cache", "-", stdin=clean.encode(), cwd=tmp_path).returncode == 0
    one_line_error(run("lint", "-", "--fix", stdin=LIST.encode(), cwd=tmp_path), "standard input", "fmt -")
    one_line_error(run("lint", "-", stdin=b"\x00\x01binary", cwd=tmp_path), "binary")


def test_junit_and_gitlab_reports(tmp_path):
    (tmp_path / "l.md").write_text(LIST.replace("B.", 'B <&> "q".'), encoding="utf-8")
    r = run("lint", "--no-cache", "l.md", "--output-format", "junit", cwd=tmp_path)
    doc = minidom.parseString(r.stdout)
    (case,) = doc.getElementsByTagName("testcase")
    assert case.getElementsByTagName("failure")[0].getAttribute("type") == "AL201"
    r = run("lint", "--no-cache", "l.md", "--format", "gitlab", cwd=tmp_path)
    (issue,) = json.loads(r.stdout)
    assert issue["check_name"] == "AL201" and issue["location"] == {"path": "l.md", "lines": {"begin": 4}} and len(issue["fingerprint"]) == 64
    clean = tmp_path / "clean.md"
    clean.write_text("# T\n\n- [A](https://a.org) - A.\n", encoding="utf-8")
    assert json.loads(run("lint", "--no-cache", "clean.md", "--format", "gitlab", cwd=tmp_path).stdout) == []
    assert minidom.parseString(run("lint", "--no-cache", "clean.md", "--format", "junit", cwd=tmp_path).stdout)


def test_config_file_given_on_the_command_line(tmp_path):
    (tmp_path / "l.md").write_text(LIST, encoding="utf-8")
    (tmp_path / "strict.toml").write_text('[tool.awesomelint]\nignore = ["AL201"]\n', encoding="utf-8")
    (tmp_path / "plain.toml").write_text('ignore = ["AL201"]\n', encoding="utf-8")
    assert run("lint", "--no-cache", "l.md", cwd=tmp_path).returncode == 1
    for name in ("strict.toml", "plain.toml"):  # pyproject-style or top-level keys
        assert run("lint", "--no-cache", "l.md", "--config", name, cwd=tmp_path).returncode == 0
    one_line_error(run("lint", "--no-cache", "l.md", "--config", "missing.toml", cwd=tmp_path), "missing.toml", "no such config file")


def test_options_that_would_do_nothing_are_errors(tmp_path):
    (tmp_path / "l.md").write_text(LIST, encoding="utf-8")
    one_line_error(run("lint", "l.md", "--select", "AL801", cwd=tmp_path), "AL801", "awesomelint links")
    one_line_error(run("lint", "l.md", "--extend-select", "AL8", cwd=tmp_path), "AL8", "awesomelint links")
    assert run("lint", "--no-cache", "l.md", "--select", "AL", cwd=tmp_path).returncode == 1  # every rule: fine
    one_line_error(run("convert", "l.md", "--to", "yaml", "--columns", "name", cwd=tmp_path), "--columns", "--to yaml")
    assert run("convert", "l.md", "--to", "csv", "--columns", "name", cwd=tmp_path).returncode == 0
