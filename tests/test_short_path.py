"""A simple `lint` or `fmt` command line runs without click (`commands`, `__main__.short_path`).

The oracle is click itself: every command line `simple` takes, click's `lint` and `fmt` commands
read into the same options; and run both ways, each command line prints the same, exits the
same and leaves the same files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.cli import fmt_command as click_fmt
from awesomelint.cli import lint as click_lint
from awesomelint.commands import FLAGS, FMT_FLAGS, FORMATS, FmtOptions, LintOptions, simple, simple_fmt_options, simple_options

INPUTS = Path(__file__).parent / "lint_inputs"
FIXTURES = Path(__file__).parent / "fixtures"

WORDS = [
    *FLAGS,
    "--format",
    "--output-format",
    "--format=json",
    "--output-format=sarif",
    "--format=",
    "--format=xml",
    *FORMATS,
    "xml",
    "-",
    "--",
    "",
    "-qq",
    "-h",
    "--help",
    "--no-c",
    "--exit-zero=1",
    "--select",
    "--select=AL1",
    "AL101",
    "-o",
    "a.md",
    "docs/b.md",
    "=x.md",
    "--stdin-filename",
    "--config",
]


def _click_reads(args: list[str], command: object = click_lint) -> dict[str, object] | None:
    import click

    assert isinstance(command, click.Command)
    try:
        ctx = command.make_context(command.name or "", list(args))
    except click.exceptions.Exit:
        return None  # --help
    except click.ClickException:
        return None
    return dict(ctx.params)


def _fields(options: LintOptions | FmtOptions) -> dict[str, object]:
    return {name: getattr(options, name) for name in options._fields}


def test_the_options_are_clicks() -> None:
    assert sorted(p.name for p in click_lint.params if p.name) == sorted(LintOptions._fields)
    assert _click_reads([]) == _fields(LintOptions())  # the same defaults


@pytest.mark.parametrize(
    "args",
    [
        ["README.md"],
        ["--no-cache", "--exit-zero", "a.md", "b.md"],
        ["a.md", "--format", "github", "-q"],
        ["--output-format=sarif", "a.md", "--strict", "--statistics"],
        ["--fix", "--diff", "docs/a.md"],
        [],
    ],
)
def test_common_command_lines_take_the_short_path(args: list[str]) -> None:
    options = simple_options(args)
    assert options is not None and _fields(options) == _click_reads(args)


@pytest.mark.parametrize("args", [["-"], ["--", "a.md"], ["--help"], ["--select", "AL1", "a.md"], ["--format", "xml"], ["--format"], ["-o", "r.txt"]])
def test_anything_else_is_left_to_click(args: list[str]) -> None:
    assert simple_options(args) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=6))
def test_click_reads_what_the_short_path_reads(args: list[str]) -> None:
    options = simple_options(args)
    if options is not None:
        assert _fields(options) == _click_reads(args), args


def test_shell_completion_is_left_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    assert simple(["lint", "a.md"]) is not None and simple(["fmt", "a.md"]) is not None
    monkeypatch.setenv("_AWESOMELINT_COMPLETE", "bash_source")
    assert simple(["lint", "a.md"]) is None and simple(["fmt", "a.md"]) is None


def test_the_fmt_options_are_clicks() -> None:
    assert sorted(p.name for p in click_fmt.params if p.name) == sorted(FmtOptions._fields)
    assert _click_reads(["a.md"], click_fmt) == _fields(FmtOptions(("a.md",)))


FMT_WORDS = [*FMT_FLAGS, "-", "--", "", "-h", "--check=1", "--fix", "a.md", "docs/b.md", "=x.md", "--no-c"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FMT_WORDS), max_size=5))
def test_click_reads_what_the_short_path_reads_for_fmt(args: list[str]) -> None:
    options = simple_fmt_options(args)
    if options is not None:
        assert _fields(options) == _click_reads(args, click_fmt), args
    else:
        assert not [a for a in args if not a.startswith("-")] or any(a.startswith("-") and a not in FMT_FLAGS for a in args)


def test_other_commands_are_left_to_click() -> None:
    assert simple(["convert", "a.md"]) is None and simple(["fmt"]) is None and simple([]) is None


# -- both ways, as a user runs them -------------------------------------------------------------
_RUN = (
    "import atexit, os, sys\n"
    "atexit.register(lambda: open(os.environ['CLICK_SEEN'], 'w').write(str('click' in sys.modules)))\n"
    "import awesomelint.__main__ as m\n"
    "m.short_path = {short}\n"
    "sys.argv = ['awesomelint', *sys.argv[1:]]\n"
    "m.run()\n"
)


def _folder(root: Path) -> Path:
    root.mkdir()
    shutil.copy(INPUTS / "messy.md", root / "messy.md")
    shutil.copy(FIXTURES / "bullet.md", root / "clean.md")
    shutil.copy(INPUTS / "planted-defects.md", root / "fixme.md")
    (root / "binary.md").write_bytes(b"\x00\x01\xff\xfe")
    (root / "sub").mkdir()
    shutil.copy(FIXTURES / "table.md", root / "sub" / "table.md")
    return root


def _run(root: Path, args: list[str], short: bool, stdin: str | None = None) -> tuple[int, str, str, dict[str, bytes], bool]:
    seen = root.parent / f"{root.name}.click"
    env = {**os.environ, "AWESOMELINT_CACHE_DIR": str(root.parent / f"{root.name}.cache"), "CLICK_SEEN": str(seen)}
    env.pop("AWESOMELINT_DEBUG", None)
    r = subprocess.run([sys.executable, "-c", _RUN.format(short=short), *args], cwd=root, env=env, capture_output=True, text=True, input=stdin)
    files = {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    return r.returncode, r.stdout, r.stderr, files, seen.read_text() == "True"


COMMAND_LINES = [
    ["messy.md"],
    ["--no-cache", "messy.md", "clean.md"],
    ["--exit-zero", "messy.md"],
    ["--format", "json", "messy.md", "sub"],
    ["--format=sarif", "--no-cache", "fixme.md"],
    ["--output-format", "github", "-q", "messy.md"],
    ["--statistics", "messy.md"],
    ["--quiet", "clean.md"],
    ["--strict", "clean.md", "missing.md"],
    ["binary.md"],
    ["--diff", "fixme.md"],
    ["--fix", "fixme.md"],
    [],
    ["--format", "xml", "messy.md"],
]


@pytest.mark.parametrize("args", COMMAND_LINES, ids=lambda a: " ".join(a) or "(none)")
def test_both_ways_print_exit_and_write_the_same(tmp_path: Path, args: list[str]) -> None:
    short = _run(_folder(tmp_path / "short"), ["lint", *args], True)
    click = _run(_folder(tmp_path / "click"), ["lint", *args], False)
    assert short[:4] == click[:4]
    assert click[4]  # the oracle ran through click
    assert short[4] == (simple_options(args) is None)  # and the short path did not load it


FMT_COMMAND_LINES = [
    ["--check", "messy.md", "clean.md"],
    ["--diff", "fixme.md"],
    ["messy.md", "fixme.md", "missing.md"],
    ["--no-cache", "binary.md", "clean.md"],
    ["sub", "--check"],
    ["clean.md"],
    ["-"],
    [],
]


@pytest.mark.parametrize("args", FMT_COMMAND_LINES, ids=lambda a: " ".join(a) or "(none)")
def test_both_ways_format_the_same(tmp_path: Path, args: list[str]) -> None:
    stdin = (INPUTS / "messy.md").read_text(encoding="utf-8")
    short = _run(_folder(tmp_path / "short"), ["fmt", *args], True, stdin)
    click = _run(_folder(tmp_path / "click"), ["fmt", *args], False, stdin)
    assert short[:4] == click[:4]
    assert click[4] and short[4] == (simple_fmt_options(args) is None)


def test_a_readme_is_found_without_click(tmp_path: Path) -> None:
    root = _folder(tmp_path / "short")
    shutil.copy(root / "messy.md", root / "README.md")
    other = _folder(tmp_path / "click")
    shutil.copy(other / "messy.md", other / "README.md")
    short, click = _run(root, ["lint"], True), _run(other, ["lint"], False)
    assert short[:4] == click[:4] and short[0] == 1 and not short[4]
