"""Default lint is precise: style belongs to fmt, duplicate names need the same site, warnings pass."""

from __future__ import annotations

from test_cli import run

STYLISH = "# List\n\n## Data\n\n* [MIMIC](https://mimic.mit.edu/) - ICU records.  \n* [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU records.\n"


def test_style_is_not_reported_by_default(tmp_path):
    (tmp_path / "l.md").write_text(STYLISH, encoding="utf-8")
    r = run("lint", "--no-cache", "l.md", cwd=tmp_path)
    assert r.returncode == 0 and "All checks passed" in r.stdout, r.stdout
    r = run("lint", "--no-cache", "--extend-select", "AL5", "l.md", cwd=tmp_path)
    assert r.returncode == 1 and "AL501" in r.stdout and "AL504" in r.stdout


def test_a_tab_indented_line_is_reported_once(tmp_path):
    (tmp_path / "l.md").write_text("# L\n\n- [A](https://a.org) - Alpha.\n\t- [B](https://b.org) - Beta.\n", encoding="utf-8")
    r = run("lint", "--no-cache", "--select", "AL5", "l.md", cwd=tmp_path)
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("l.md:4:")]
    assert len(lines) == 1 and "AL503" in lines[0], r.stdout


def test_duplicate_name_is_opt_in_and_needs_the_same_site(tmp_path):
    text = (
        "# L\n\n## Tools\n\n"
        "- [uuid](https://github.com/one/uuid) - Identifiers in one library.\n"
        "- [uuid](https://github.com/two/uuid) - Identifiers in another library.\n"
        "- [MIMIC-III](https://mimic.mit.edu/) - ICU records.\n"
        "- [MIMIC III](https://mimic.mit.edu/about/) - ICU records again.\n"
    )
    (tmp_path / "l.md").write_text(text, encoding="utf-8")
    assert "AL202" not in run("lint", "--no-cache", "l.md", cwd=tmp_path).stdout
    r = run("lint", "--no-cache", "--select", "AL202", "l.md", cwd=tmp_path)
    found = [ln for ln in r.stdout.splitlines() if "AL202" in ln]
    assert len(found) == 1 and found[0].startswith("l.md:8:") and "mimic.mit.edu" in found[0], r.stdout


def test_warnings_show_in_text_and_pass_unless_strict(tmp_path):
    (tmp_path / "l.md").write_text("# L\n\n- [A](https://a.org) - Alpha.\n- [B](https://a.org) - Beta.\n", encoding="utf-8")
    (tmp_path / ".awesomelint.toml").write_text('severity = { AL201 = "warning" }\n', encoding="utf-8")
    r = run("lint", "--no-cache", "l.md", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "AL201 warning" in r.stdout and "0 errors, 1 warning" in r.stdout
    assert run("lint", "--no-cache", "--strict", "l.md", cwd=tmp_path).returncode == 1


def test_a_file_named_twice_is_linted_once(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "l.md").write_text("# L\n\n- [A](https://a.org) - Alpha.\n", encoding="utf-8")
    r = run("lint", "--no-cache", "sub", "sub/l.md", "./sub/l.md", cwd=tmp_path)
    assert r.returncode == 0 and "All checks passed (1 file)" in r.stdout, r.stdout


def test_empty_and_blank_files_lint_and_fmt_agree(tmp_path):
    for name, data, clean in (("empty.md", b"", True), ("blank.md", b"\n\n", False), ("spaces.md", b"  \n", False)):
        p = tmp_path / name
        p.write_bytes(data)
        lint = run("lint", "--no-cache", "--extend-select", "AL5", name, cwd=tmp_path)
        check = run("fmt", "--check", name, cwd=tmp_path)
        assert (lint.returncode == 0) == clean == (check.returncode == 0), (name, lint.stdout, check.stdout)
        run("lint", "--no-cache", "--extend-select", "AL5", "--fix", name, cwd=tmp_path)
        assert p.read_bytes() == b"" and run("lint", "--no-cache", "--extend-select", "AL5", name, cwd=tmp_path).returncode == 0


def test_a_folder_without_markdown_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    r = run("lint", "--no-cache", "empty", cwd=tmp_path)
    assert r.returncode == 2 and "no Markdown files found" in r.stderr


def test_statistics_and_quiet(tmp_path):
    (tmp_path / "l.md").write_text("# L\n\n- [A](https://a.org) - Alpha.\n- [B](https://a.org) - Beta.\n- [C](https://a.org) - Gamma.\n", encoding="utf-8")
    r = run("lint", "--no-cache", "--statistics", "l.md", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout.splitlines() == ["2  AL201  duplicate-url", "Found 2 problems in 1 file."]
    r = run("lint", "--no-cache", "--quiet", "l.md", cwd=tmp_path)
    assert r.returncode == 1 and "Found" not in r.stdout and r.stdout.count("AL201") == 2


def test_a_bare_name_is_not_reported_by_default(tmp_path):
    text = "# L\n\n" + "".join(f"- [E{i}](https://e{i}.org/) - Entry {i}.\n" for i in range(8)) + "- [JVM](https://jvm.org/)\n"
    (tmp_path / "l.md").write_text(text, encoding="utf-8")
    assert run("lint", "--no-cache", "l.md", cwd=tmp_path).returncode == 0
    r = run("lint", "--no-cache", "--extend-select", "AL103", "l.md", cwd=tmp_path)
    assert r.returncode == 1 and "l.md:11:" in r.stdout and "AL103" in r.stdout


def test_select_all_on_the_command_line_selects_every_rule(tmp_path):
    (tmp_path / "l.md").write_text("# L\n\n* [A](https://a.org) - lower case\n", encoding="utf-8")
    r = run("lint", "--no-cache", "--select", "ALL", "l.md", cwd=tmp_path)
    assert r.returncode == 1 and "AL501" in r.stdout and "AL602" in r.stdout, r.stdout
