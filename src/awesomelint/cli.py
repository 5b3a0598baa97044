"""Command-line interface: click commands and nothing else (the work is in `api`, `lint`, `fmt`)."""

from __future__ import annotations

import sys

import click

from awesomelint import __version__
from awesomelint.commands import FORMATS, FmtOptions, LintOptions, default_targets, split_list
from awesomelint.errors import AwesomelintError, reported
from awesomelint.errors import say as _say


class _Group(click.Group):
    """Turns our errors into one line and exit 2; no traceback reaches the user (`errors.reported`)."""

    def main(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("standalone_mode", True)
        try:
            return super().main(*args, **kwargs)
        except AwesomelintError as err:
            _say(f"awesomelint: error: {err}")
            sys.exit(err.exit_code)

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        return reported(lambda: super(_Group, self).invoke(ctx), passthrough=(click.exceptions.Exit, click.exceptions.Abort, click.ClickException))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="awesomelint")
def main() -> None:
    """Lint, format and convert curated "awesome" lists in Markdown."""


def _write_output(text: str, out: str | None) -> None:
    from awesomelint.source import write_output

    write_output(text, out)


def _read_input(path: str):  # type: ignore[no-untyped-def]
    from awesomelint.source import decode, read_source

    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    return read_source(path)


_STYLE = click.option("--style", type=click.Choice(["list", "table"]), help="Entry lists as tables, or tables as lists.")
_COLUMNS = click.option("--columns", help="Comma-separated column keys to keep, in this order (name,description,data_types,…).")


def _columns_apply(to: str, style: str | None, columns: str | None) -> None:
    """`--columns` picks the columns of tables, CSV and the HTML page: anywhere else it would do nothing."""
    if columns and to not in ("csv", "html") and style != "table":
        raise AwesomelintError(f"--columns applies to --to csv, --to html or --style table, not to --to {to}")


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--to", "to", type=click.Choice(["yaml", "json", "md", "csv", "html"]), default="yaml", show_default=True)
@_STYLE
@_COLUMNS
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write here instead of standard output.")
def convert(file: str, to: str, style: str | None, columns: str | None, output: str | None) -> None:
    """Convert a list (Markdown, or our YAML) into records (YAML, JSON), Markdown, CSV or an HTML page."""
    from awesomelint import api

    _columns_apply(to, style, columns)
    src = _read_input(file)
    name = file if file != "-" else "<stdin>.md"
    _write_output(api.convert(name, to, source=src, style=style, columns=split_list(columns)), output)


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--to", "to", type=click.Choice(["md", "csv", "html"]), default="md", show_default=True)
@_STYLE
@_COLUMNS
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write here instead of standard output.")
def render(file: str, to: str, style: str | None, columns: str | None, output: str | None) -> None:
    """Render a data file (YAML/JSON from `convert`) as canonical Markdown, CSV or an HTML page."""
    from awesomelint import api

    _columns_apply(to, style, columns)
    src = _read_input(file)
    name = file if file != "-" else "<stdin>.yaml"
    _write_output(api.render(name, source=src, style=style, columns=split_list(columns), to=to), output)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "--output-format", "fmt_", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--fix", is_flag=True, help="Apply the safe fixes (the same safety checks as fmt).")
@click.option("--diff", is_flag=True, help="Show the fixes as a diff; write nothing.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found.")
@click.option("--select", help="Comma-separated rule codes or prefixes to check (replaces the config).")
@click.option("--extend-select", help="Rule codes or prefixes to check in addition.")
@click.option("--ignore", help="Rule codes or prefixes not to check.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache (kept in the user's cache folder).")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too (rules given severity 'warning' in the config).")
@click.option("--statistics", is_flag=True, help="Show the number of problems per rule instead of each problem (text format).")
@click.option("-q", "--quiet", is_flag=True, help="Show only the problems: no summary line (text format).")
@click.option("--exclude", help="Comma-separated glob patterns of files not to lint when found in folders or by a glob.")
@click.option("--stdin-filename", help="The name of the list read from standard input (`-`): its config, kind and messages.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this config file for every file (instead of the nearest one).")
def lint(
    paths: tuple[str, ...],
    fmt_: str,
    fix: bool,
    diff: bool,
    exit_zero: bool,
    select: str | None,
    extend_select: str | None,
    ignore: str | None,
    output: str | None,
    no_cache: bool,
    strict: bool,
    statistics: bool,
    quiet: bool,
    exclude: str | None,
    stdin_filename: str | None,
    config_file: str | None,
) -> None:
    """Check lists for problems. Exit 0: clean (or warnings only), 1: problems found, 2: usage or input error."""
    from awesomelint.commands import run_lint

    options = LintOptions(
        paths, fmt_, fix, diff, exit_zero, select, extend_select, ignore, output, no_cache, strict, statistics, quiet, exclude, stdin_filename, config_file
    )
    run_lint(options, _argv())


def _argv() -> list[str] | None:
    """The command line as given, when known (run as `awesomelint`, `awesomelint.__main__`
    passes it): it names a run's answer for a run like it (see `warm`)."""
    run = click.get_current_context().obj
    return run["argv"] if isinstance(run, dict) and "argv" in run else None


@main.command("fmt")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--check", is_flag=True, help="Write nothing; exit 1 and name the files that would change.")
@click.option("--diff", is_flag=True, help="Write nothing; print a unified diff of the changes.")
@click.option("--no-cache", is_flag=True, help="Do not answer from, or keep, the last identical run's answer (kept in the user's cache folder).")
def fmt_command(paths: tuple[str, ...], check: bool, diff: bool, no_cache: bool) -> None:
    """Rewrite lists into canonical Markdown, never changing what the page shows."""
    from awesomelint.commands import run_fmt

    run_fmt(FmtOptions(paths, check, diff, no_cache), _argv())


@main.command("rules")
@click.option("--markdown", is_flag=True, help="Print the rules' reference page (docs/rules.md) instead.")
def rules_command(markdown: bool) -> None:
    """List every rule: code, name, whether it is on by default and fixable."""
    from awesomelint.lint.engine import all_rules

    if markdown:
        from awesomelint.lint.docs import rules_markdown

        click.echo(rules_markdown(), nl=False)
        return
    for code, r in sorted(all_rules().items()):
        flags = ("default" if r.default else "opt-in") + (", fixable" if r.fixable else "")
        click.echo(f"{code}  {r.name:<28} {flags:<18} {r.summary}")


@main.command("rule")
@click.argument("code")
def rule_command(code: str) -> None:
    """Explain one rule (by code or name): what it checks, why, and an example."""
    from awesomelint.errors import AwesomelintError
    from awesomelint.lint.engine import find_rule

    r = find_rule(code)
    if r is None:
        raise AwesomelintError(f"no rule {code!r}; `awesomelint rules` lists them")
    state = "on by default" if r.default else "off by default (opt-in)"
    click.echo(f"{r.code} ({r.name}) — {r.family}, {state}{', fixable' if r.fixable else ''}\n")
    click.echo(r.doc)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write the catalog here (YAML, or JSON for .json).")
@click.option("--title", help="The catalog's title (default: the first file's).")
def merge(files: tuple[str, ...], output: str | None, title: str | None) -> None:
    """Merge lists (Markdown or our YAML) into one catalog; report what merged and what did not.

    The first file is the base: its title, intro, sections, prose and list shape are kept, and
    the entries of the others join its sections.
    """
    from awesomelint import api
    from awesomelint.merge import merge_documents
    from awesomelint.yamlio import dump_json, dump_yaml, to_data

    docs = [api.load(f).doc for f in files]
    doc, report = merge_documents(docs, title, list(files))
    data = to_data(doc)
    _write_output(dump_json(data) if (output or "").endswith(".json") else dump_yaml(data), output)
    for name, where, evidence in report.merged:
        _say(f"merged '{name}': {', '.join(where)} ({evidence})")
    for line in report.undecided:
        _say(f"undecided {line}")
    for line in report.conflicts:
        _say(f"conflict {line}")
    click.echo(
        f"{report.total_in} entries from {len(files)} files -> {report.total_out} entries ({len(report.merged)} merged, {len(report.undecided)} undecided)",
        err=True,
    )


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt_", type=click.Choice(["text", "json", "github", "sarif"]), default="text", show_default=True)
@click.option("--fix", is_flag=True, help="Rewrite permanently redirected urls in the Markdown.")
@click.option("--changed-only", metavar="REV", help="Check only urls on lines added since this git revision.")
@click.option("--fail-after", type=click.IntRange(min=1), help="Report a link dead only after N consecutive failed runs.")
@click.option("--concurrency", type=click.IntRange(min=1), help="Requests at once, in all.")
@click.option("--per-host", type=click.IntRange(min=1), help="Requests at once to one host.")
@click.option("--timeout", type=click.FloatRange(min=0.1), help="Seconds for one request.")
@click.option("--retries", type=click.IntRange(min=0), help="Retries after a timeout, connection error, 5xx or 429.")
@click.option("--alive", "alive", multiple=True, type=int, help="A status that counts as alive (repeatable), e.g. 403.")
@click.option("--skip", "skip", multiple=True, help="A regular expression of urls not to check (repeatable).")
@click.option("--ttl", type=click.FloatRange(min=0), help="Hours a good result stays fresh in the cache.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the link cache.")
@click.option("--allow-private-redirects", is_flag=True, help="Follow a public url's redirect to a loopback, private or link-local address.")
@click.option("--exit-zero", is_flag=True)
def links(
    paths: tuple[str, ...],
    fmt_: str,
    fix: bool,
    changed_only: str | None,
    fail_after: int | None,
    concurrency: int | None,
    per_host: int | None,
    timeout: float | None,
    retries: int | None,
    alive: tuple[int, ...],
    skip: tuple[str, ...],
    ttl: float | None,
    no_cache: bool,
    allow_private_redirects: bool,
    exit_zero: bool,
) -> None:
    """Check that the links of the lists answer (opt-in, uses the network). Exit 1 on dead links."""
    from pathlib import Path

    from awesomelint import links as L
    from awesomelint.config import find_config, load_config
    from awesomelint.lint.reporters import REPORTERS
    from awesomelint.paths import expand_paths

    targets = expand_paths(list(paths) or default_targets())
    cfg_path = find_config(targets[0] if targets else ".")
    cfg = load_config(cfg_path)
    o = L.LinkOptions(**cfg.links) if cfg.links else L.LinkOptions()
    for name, value in (("fail_after", fail_after), ("concurrency", concurrency), ("per_host", per_host), ("timeout", timeout), ("retries", retries)):
        if value is not None:
            setattr(o, name, value)
    if ttl is not None:
        o.ttl = ttl * 3600
    o.alive |= set(alive)
    o.allow_private_redirects = o.allow_private_redirects or allow_private_redirects
    o.skip = list(o.skip) + list(skip)
    occurrences = L.collect(targets, changed_only)
    cache = L.LinkCache(None if no_cache else (cfg.root if cfg_path else Path.cwd()))
    report = L.check_links(occurrences, o, cache, progress=L.terminal_progress())
    if fix:
        for path, n in L.fix_redirects(report).items():
            _say(f"Fixed {n} redirected link{'s' if n != 1 else ''} in {path}.")
        report.diagnostics = [d for d in report.diagnostics if d.code != "AL802"]
    sys.stdout.write(REPORTERS[fmt_](report.diagnostics, len(targets)))
    click.echo(f"{len({o_.url for o_ in occurrences})} urls: {report.checked} checked, {report.cached} fresh in the cache, {report.skipped} skipped.", err=True)
    if any(d.code == "AL801" for d in report.diagnostics) and not exit_zero:
        sys.exit(1)
