"""The `lint` command without click: its options, what it prints, its exit code.

`cli.lint` (click) reads any command line into `LintOptions` and calls `run`. A command line
of list files and on/off flags, with perhaps `--format` (`awesomelint lint README.md`, as a
pre-commit hook runs it), is read by `simple_options` instead, and the command line (`__main__`)
runs it without loading click: about 15 ms of a cold run. Anything else (another option, `-h`,
`--`, a file name starting with `-`, a value not among the choices) is left to click, which
reads it or says what is wrong. Tests check that click reads every command line
`simple_options` takes into the same options, and that both ways print and exit the same.
"""

from __future__ import annotations

import os
import sys

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
_FORMAT_OPTIONS = ("--format", "--output-format")
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


def simple_options(args: list[str]) -> LintOptions | None:
    """The options of a simple `lint` command line (the words after `lint`), or None when
    click must read it (see the module docstring)."""
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None  # click's shell completion asks through the environment
    options, paths = LintOptions(), []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg in FLAGS:
            setattr(options, FLAGS[arg], True)
            continue
        name, eq, value = arg.partition("=")
        if name in _FORMAT_OPTIONS:
            if not eq:
                if i == len(args):
                    return None
                value, i = args[i], i + 1
            if value not in FORMATS:
                return None
            options.fmt_ = value
            continue
        if arg.startswith("-"):
            return None
        paths.append(arg)
    options.paths = tuple(paths)
    return options


def run(o: LintOptions, argv: list[str] | None) -> None:
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
