"""fmt and --fix write only Markdown; YAML/JSON data is linted by its records; other files are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli import run

UNTIDY = "# T\n\n* [A](https://a.org) - A.\n"
DATA = """awesomelint: 1
title: T
sections:
- title: S
  level: 2
  content:
  - list:
      style: bullet
      entries:
      - name: A
        url: https://a.org
        description: First.
      - name: B
        url: https://b.org/
        description: Second.
      - name: B again
        url: http://www.b.org
        description: The same page as B.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "list.md").write_text(UNTIDY, encoding="utf-8")
    (tmp_path / "data.yaml").write_text(DATA, encoding="utf-8")
    (tmp_path / "build.sh").write_text("#!/bin/sh\necho hi\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text(json.dumps({"awesomelint": 1, "title": "T"}), encoding="utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_fmt_star_touches_only_markdown(folder):
    before = snapshot(folder)
    r = run("fmt", *sorted(p.name for p in folder.iterdir()), cwd=folder)
    assert r.returncode == 2
    after = snapshot(folder)
    assert after["list.md"] != before["list.md"]  # the good file is processed
    assert {k: v for k, v in after.items() if k != "list.md"} == {k: v for k, v in before.items() if k != "list.md"}
    assert "build.sh: not a Markdown list" in r.stderr and "data.yaml: YAML/JSON is data" in r.stderr and "notes.json" in r.stderr


def test_lint_fix_refuses_data(folder):
    before = (folder / "data.yaml").read_bytes()
    r = run("lint", "--fix", "--no-cache", "data.yaml", cwd=folder)
    assert r.returncode == 2 and "render" in r.stderr
    assert (folder / "data.yaml").read_bytes() == before
    assert "Fixed" not in r.stderr


def test_lint_checks_data_records_with_yaml_lines(folder):
    r = run("lint", "--no-cache", "--format", "json", "data.yaml", cwd=folder)
    assert r.returncode == 1, r.stderr
    found = json.loads(r.stdout)
    assert [(d["code"], d["line"]) for d in found] == [("AL201", 16)]
    lines = DATA.split("\n")
    assert lines[15].strip() == "- name: B again"


def test_lint_of_data_runs_only_record_rules(folder):
    r = run("lint", "--no-cache", "--select", "AL5,AL4,AL3", "data.yaml", cwd=folder)
    assert r.returncode == 0, r.stdout + r.stderr


def test_lint_refuses_other_files_but_lints_the_rest(folder):
    r = run("lint", "--no-cache", "--extend-select", "AL5", "build.sh", "list.md", cwd=folder)  # the untidy list has style findings
    assert r.returncode == 2 and "build.sh: not a Markdown list" in r.stderr
    assert "list.md" in r.stdout


def test_malformed_data_is_one_line(folder):
    (folder / "bad.yaml").write_text("awesomelint: 1\nsections: [\n", encoding="utf-8")
    r = run("lint", "--no-cache", "bad.yaml", cwd=folder)
    assert r.returncode == 2 and "bad.yaml" in r.stderr and "internal error" not in r.stderr


@pytest.mark.parametrize("name", ["README", "list.markdown", "list.mdown", "list.mkd", "list.mkdn", "list.mdwn", "list.mdtxt", "list.mdtext", "list.txt"])
def test_markdown_names(tmp_path, name):
    (tmp_path / name).write_text(UNTIDY, encoding="utf-8")
    r = run("fmt", name, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / name).read_text(encoding="utf-8").startswith("# T\n\n- [A]")


def test_folders_yield_only_markdown(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "list.md").write_text(UNTIDY, encoding="utf-8")
    (tmp_path / "docs" / "requirements.txt").write_text("click>=8\n", encoding="utf-8")
    (tmp_path / "docs" / "data.yaml").write_text(DATA, encoding="utf-8")
    (tmp_path / "docs" / "LICENSE").write_text("MIT\n", encoding="utf-8")
    r = run("fmt", "--check", "docs", cwd=tmp_path)
    assert r.returncode == 1 and r.stderr.strip().splitlines() == ["would reformat docs/list.md"], r.stderr
