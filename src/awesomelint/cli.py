"""Command-line interface: click commands and nothing else (the work is in `api`, `lint`, `fmt`)."""

from __future__ import annotations

import os
import sys

import click

from awesomelint import __version__
from awesomelint.errors import AwesomelintError


class _Group(click.Group):
    """Turns our errors into one line and exit 2; no traceback reaches the user."""

    def main(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("standalone_mode", True)
        try:
            return super().main(*args, **kwargs)
        except AwesomelintError as err:
            click.echo(f"awesomelint: error: {err}", err=True)
            sys.exit(err.exit_code)

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except (AwesomelintError, click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("awesomelint: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
        except Exception as err:  # a bug: say so in one line, traceback only on request
            if os.environ.get("AWESOMELINT_DEBUG"):
                raise
            click.echo(
                f"awesomelint: internal error: {type(err).__name__}: {err} "
                "(set AWESOMELINT_DEBUG=1 for a traceback, and please report it)",
                err=True,
            )
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="awesomelint")
def main() -> None:
    """Lint, format and convert curated "awesome" lists in Markdown."""


def _read_input(path: str):  # type: ignore[no-untyped-def]
    from awesomelint.source import decode, read_source

    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    return read_source(path)


def _write_output(text: str, out: str | None) -> None:
    if out is None or out == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from awesomelint.source import write_atomic

    write_atomic(out, text.encode("utf-8"))


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--to", "to", type=click.Choice(["yaml", "json", "md"]), default="yaml", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write here instead of standard output.")
def convert(file: str, to: str, output: str | None) -> None:
    """Convert a list (Markdown, or our YAML) into records as YAML or JSON."""
    from awesomelint import api

    src = _read_input(file)
    name = file if file != "-" else "<stdin>.md"
    _write_output(api.convert(name, to, source=src), output)


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write here instead of standard output.")
def render(file: str, output: str | None) -> None:
    """Render a data file (YAML/JSON from `convert`) as canonical Markdown."""
    from awesomelint import api

    src = _read_input(file)
    name = file if file != "-" else "<stdin>.yaml"
    _write_output(api.render(name, source=src), output)
