"""The commands a pre-commit hook runs, `lint` and `fmt`, without click: their options, what
they print, their exit codes.

`cli` (click) reads any command line into `LintOptions` or `FmtOptions` and calls `run_lint` or
`run_fmt`. A command line of list files and on/off flags, with perhaps `lint --format`
(`awesomelint lint README.md`, as a pre-commit hook runs it), is read by `simple` instead, and
the command line (`__main__`) runs it without loading click: 10-15 ms of a cold run. Anything
else (another option, `-h`, `--`, a file name starting with `-`, a value not among the choices,
`fmt` with no file) is left to click, which reads it or says what is wrong. Tests check that click
reads every command line `simple` takes into the same options, and that both ways print, exit
and write the same.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from awesomelint.errors import AwesomelintError, say
from awesomelint.record import Record

FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab")
FLAGS = {
    "--fix": "fix",
    "--diff": "diff",
    "--exit-zero": "exit_zero",
    "--no-cache": "no_cache",
    "--strict": "strict",
    "--statistics": "statistics",
    "-q": "quiet",
    "--quiet": "quiet",
}
_FORMAT_CHOICES: dict[str, tuple[str, tuple[str, ...]]] = dict.fromkeys(
    ("--format", "--output-format"), ("fmt_", FORMATS)
)  # lint's one option with a value read here
DEFAULT_NAMES = ("README.md", "readme.md", "Readme.md")


class LintOptions(Record):
    """What a `lint` command line asks for (the defaults: `awesomelint lint`)."""

    __slots__ = _fields = (
        "paths",
        "fmt_",
        "fix",
        "diff",
        "exit_zero",
        "select",
        "extend_select",
        "ignore",
        "output",
        "no_cache",
        "strict",
        "statistics",
        "quiet",
        "exclude",
        "stdin_filename",
        "config_file",
    )

    def __init__(
        self,
        paths: tuple[str, ...] = (),
        fmt_: str = "text",
        fix: bool = False,
        diff: bool = False,
        exit_zero: bool = False,
        select: str | None = None,
        extend_select: str | None = None,
        ignore: str | None = None,
        output: str | None = None,
        no_cache: bool = False,
        strict: bool = False,
        statistics: bool = False,
        quiet: bool = False,
        exclude: str | None = None,
        stdin_filename: str | None = None,
        config_file: str | None = None,
    ) -> None:
        self.paths = paths
        self.fmt_ = fmt_
        self.fix = fix
        self.diff = diff
        self.exit_zero = exit_zero
        self.select = select
        self.extend_select = extend_select
        self.ignore = ignore
        self.output = output
        self.no_cache = no_cache
        self.strict = strict
        self.statistics = statistics
        self.quiet = quiet
        self.exclude = exclude
        self.stdin_filename = stdin_filename
        self.config_file = config_file


def simple(argv: list[str]) -> Callable[[], None] | None:
    """The run of a simple `lint` or `fmt` command line (`argv`: the words after the program's
    name), or None when click must read it (see the module docstring)."""
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None  # click's shell completion asks through the environment
    if argv[:1] == ["lint"]:
        lint = simple_options(argv[1:])
        return None if lint is None else lambda: run_lint(lint, argv)
    if argv[:1] == ["fmt"]:
        fmt = simple_fmt_options(argv[1:])
        return None if fmt is None else lambda: run_fmt(fmt, argv)
    return None


def simple_options(args: list[str]) -> LintOptions | None:
    """The options of a simple `lint` command line (the words after `lint`), or None."""
    options = LintOptions()
    return options if _read(args, options, FLAGS, _FORMAT_CHOICES) else None


def _read(args: list[str], options: LintOptions | FmtOptions, flags: dict[str, str], choices: dict[str, tuple[str, tuple[str, ...]]]) -> bool:
    """Set `options` from a simple command line: its files (`paths`), its on/off `flags` and the
    options whose value is one of their `choices` (`--format json`, `--format=json`), each by
    the field it sets. False when anything else is in it: click must read it."""
    paths = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg in flags:
            setattr(options, flags[arg], True)
            continue
        name, eq, value = arg.partition("=")
        if name in choices:
            field, allowed = choices[name]
            if not eq:
                if i == len(args):
                    return False
                value, i = args[i], i + 1
            if value not in allowed:
                return False
            setattr(options, field, value)
            continue
        if arg.startswith("-"):
            return False
        paths.append(arg)
    options.paths = tuple(paths)
    return True


def run_lint(o: LintOptions, argv: list[str] | None) -> None:
    """Lint as the options say: the report on standard output (or in `o.output`), errors on
    standard error, exit 0 clean (or warnings only), 1 problems found, 2 usage or input error.
    `argv`, the command line as given, names the run's answer for a run like it (`warm`)."""
    from awesomelint import api
    from awesomelint.lint.reporters import REPORTERS

    targets = list(o.paths) or default_targets()
    looked = [("e", name, "0") for name in DEFAULT_NAMES[: DEFAULT_NAMES.index(targets[0])]] if not o.paths else []
    result = api.lint(
        targets,
        fix=o.fix and not o.diff,
        diff=o.diff,
        overrides=overrides(o.select, o.extend_select, o.ignore),
        use_cache=not o.no_cache,
        exclude=split_list(o.exclude),
        stdin_filename=o.stdin_filename,
        config_file=o.config_file,
    )
    for err in result.errors:
        say(f"awesomelint: error: {err}")
    if o.diff:
        sys.stdout.write("".join(result.diffs))
    for path, n in result.fixed.items():
        say(f"Fixed {n} problem{'s' if n != 1 else ''} in {path}.")
    if o.fmt_ == "text" and o.statistics:
        from awesomelint.lint.reporters import statistics as by_rule

        report = by_rule(result.diagnostics, result.files)
    else:
        report = REPORTERS[o.fmt_](result.diagnostics, result.files)
    if o.fmt_ == "text" and o.quiet:
        report = "".join(line for line in report.splitlines(keepends=True) if not line.startswith(("Found ", "All checks passed")))
    if o.output:
        from awesomelint.source import write_output

        write_output(report, o.output)
    elif not (o.fmt_ == "text" and not result.diagnostics and (o.diff or result.errors)):
        if o.fmt_ == "text":
            from awesomelint.inputs import use_colour  # (a warm run's answer is named by it too)
            from awesomelint.lint.reporters import colourise

            report = colourise(report) if use_colour(sys.stdout) else report
        sys.stdout.write(report)
    if result.errors:
        sys.exit(2)
    failing = [d for d in result.diagnostics if o.strict or d.severity != "warning"]  # warnings alone pass
    code = 1 if failing and not o.exit_zero else 0
    if result.inputs is not None and not o.output and not o.no_cache and argv is not None:
        from awesomelint.warm import remember

        remember(argv, looked + result.inputs, report, code)
    if code:
        sys.exit(code)


def overrides(select: str | None, extend_select: str | None, ignore: str | None) -> dict[str, list[str]]:
    """`--select`, `--extend-select` and `--ignore` as code lists (unknown codes, and the link
    rules, which run in `awesomelint links`, are usage errors)."""
    from awesomelint.config import code_list_value
    from awesomelint.lint.engine import all_rules

    codes = all_rules()
    out = {}
    for key, value in (("select", select), ("extend_select", extend_select), ("ignore", ignore)):
        option = "--" + key.replace("_", "-")
        out[key] = code_list_value([c.strip() for c in (value or "").split(",") if c.strip()], option, "command line", codes)
        if key != "ignore":
            for item in out[key]:
                matched = [r for c, r in codes.items() if item != "ALL" and c.startswith(item)]
                if matched and all(r.family == "links" for r in matched):
                    raise AwesomelintError(f"{option} {item}: link rules run in `awesomelint links`, not in lint")
    return out


def split_list(value: str | None) -> list[str] | None:
    """A comma-separated option value as its items."""
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def default_targets() -> list[str]:
    """With no files named: the README here."""
    for name in DEFAULT_NAMES:
        if os.path.exists(name):
            return [name]
    raise AwesomelintError("no files given and no README.md here; name the list files to lint")


FMT_FLAGS = {"--check": "check", "--diff": "diff", "--no-cache": "no_cache"}


class FmtOptions(Record):
    """What an `fmt` command line asks for."""

    __slots__ = _fields = ("paths", "check", "diff", "no_cache")

    def __init__(self, paths: tuple[str, ...] = (), check: bool = False, diff: bool = False, no_cache: bool = False) -> None:
        self.paths = paths
        self.check = check
        self.diff = diff
        self.no_cache = no_cache


def simple_fmt_options(args: list[str]) -> FmtOptions | None:
    """The options of a simple `fmt` command line (the words after `fmt`: files and flags, at
    least one file), or None."""
    options = FmtOptions()
    return options if _read(args, options, FMT_FLAGS, {}) and options.paths else None  # (no file: click says one is needed)


def run_fmt(o: FmtOptions, argv: list[str] | None) -> None:
    """Format as the options say: exit 0 (nothing to do, or written), 1 with `--check` or `--diff`
    when a file would change, 2 when a file cannot be read or formatted safely (the others are
    still formatted). `argv` names the run's answer for a run like it (`warm`)."""
    from awesomelint import api
    from awesomelint.errors import InputError, UnsafeFormatError, printable
    from awesomelint.paths import expand_paths, only_named_files

    failed = False
    would_change: list[str] = []
    found = expand_paths(o.paths)
    # what the run read, for a run like it (see `warm`): files named as such, none written
    inputs: list[tuple[str, str, str]] | None = None
    if not o.no_cache and only_named_files(o.paths, found):
        inputs = [("r", p, os.path.realpath(p)) for p in o.paths]
    printed: list[str] = []
    said: list[str] = []
    for path in found:
        try:
            if path == "-":
                from awesomelint.source import decode

                outcome = api.fmt("<stdin>", decode(sys.stdin.buffer.read(), "<stdin>"), write=False, want_diff=o.diff)
                if o.diff:
                    sys.stdout.write(outcome.diff)
                elif not o.check:
                    sys.stdout.buffer.write(outcome.output)
                if outcome.changed:
                    would_change.append("<stdin>")
                continue
            outcome = api.fmt(path, write=not (o.check or o.diff), want_diff=o.diff)
        except UnsafeFormatError as err:
            say(f"awesomelint: error: {err}")
            if err.detail and os.environ.get("AWESOMELINT_VERBOSE"):
                sys.stderr.write("".join(printable(line) + "\n" for line in err.detail.split("\n")))
            failed = True
            continue
        except InputError as err:
            say(f"awesomelint: error: {err}")
            failed = True
            continue
        if inputs is not None:
            if outcome.digest and not (outcome.changed and not (o.check or o.diff)):
                inputs.append(("h", path, outcome.digest))
            else:
                inputs = None  # a file reformatted (written): the next run reads another file
        if outcome.changed:
            would_change.append(path)
            if o.diff:
                sys.stdout.write(outcome.diff)
                printed.append(outcome.diff)
            elif o.check:
                say(f"would reformat {path}")
                said.append(printable(f"would reformat {path}") + "\n")
            else:
                say(f"reformatted {path}")
    if failed:
        sys.exit(2)
    code = 1 if would_change and (o.check or o.diff) else 0
    if inputs is not None and argv is not None:
        from awesomelint.warm import remember

        remember(argv, inputs, "".join(printed), code, "".join(said))
    if code:
        sys.exit(code)
