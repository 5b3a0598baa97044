"""The importable API behind the commands: load a list (Markdown or our YAML), convert, render.

The CLI is a thin layer over these functions; they raise `InputError` for bad input.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from awesomelint.errors import InputError
from awesomelint.record import Record
from awesomelint.source import DATA_NOT_FORMATTED, SourceText, file_kind, not_a_list, read_source

if TYPE_CHECKING:
    from awesomelint.lint.run import LintResult
    from awesomelint.model import Document
    from awesomelint.parse import Loaded


def load(path: str | os.PathLike[str], source: SourceText | None = None) -> Loaded:
    """Read a Markdown list or an awesomelint YAML/JSON data file into records."""
    from awesomelint.parse import load as load_records

    return load_records(path, source)


OUTPUTS = ("yaml", "json", "md", "csv", "html")


def convert(
    path: str,
    to: str = "yaml",
    source: SourceText | None = None,
    style: str | None = None,
    columns: list[str] | None = None,
) -> str:
    """A list (Markdown or our YAML/JSON) as YAML, JSON, Markdown, CSV or an HTML page.

    `style` ("list" or "table") restyles entry lists and tables first; `columns` picks and orders
    the columns of tables, CSV and HTML.
    """
    from awesomelint.verify import settle
    from awesomelint.yamlio import dump_json, dump_yaml, to_data

    loaded = load(path, source)
    doc = loaded.doc if loaded.is_data else settle(loaded.doc, loaded.source)
    if style is not None:
        from awesomelint.render.views import restyle

        if style not in ("list", "table"):
            raise InputError(path, f"unknown style {style!r} (list or table)")
        doc = restyle(doc, style, columns)
    if to == "json":
        return dump_json(to_data(doc))
    if to == "yaml":
        return dump_yaml(to_data(doc))
    if to == "md":
        return render_markdown(doc, path) + "\n"
    if to == "csv":
        from awesomelint.render.views import to_csv

        return to_csv(doc, columns)
    if to == "html":
        from awesomelint.config import find_config, load_config
        from awesomelint.render.html import render_html

        # `[tool.awesomelint.html] datasets = true`: the page carries schema.org Dataset records
        config = load_config(find_config(path if path != "-" else "."))
        return render_html(doc, columns, datasets=bool(config.html.get("datasets")))
    raise InputError(path, f"unknown output format {to!r} (one of {', '.join(OUTPUTS)})")


def render_markdown(doc: Document, path: str | None = None) -> str:
    """Canonical Markdown for a document, proven to read back as the same records (else InputError).

    Records are rendered, verbatim prose gets fmt's bullets, indentation and spacing (the
    separator pass is left out: an entry's separator is recorded data), and the result is parsed
    again and compared with the records before anyone sees it.
    """
    from awesomelint.fmt import STYLE_CODES, format_source
    from awesomelint.render.markdown import render_document
    from awesomelint.verify import check_rendered, drop_stale_markdown

    text = render_document(drop_stale_markdown(doc))
    codes = [c for c in STYLE_CODES if c != "AL505"]
    text = format_source(SourceText(doc.path, text), codes=codes).text
    check_rendered(doc, text, path or doc.path)
    return text


def render(path: str, source: SourceText | None = None, style: str | None = None, columns: list[str] | None = None, to: str = "md") -> str:
    """A data file (or a Markdown list) rendered as canonical Markdown (or CSV / HTML)."""
    return convert(path, to, source, style, columns)


# -- lint and fmt -------------------------------------------------------------------------------
def lint(
    paths: list[str],
    *,
    fix: bool = False,
    diff: bool = False,
    overrides: dict[str, list[str]] | None = None,
    use_cache: bool = False,
    exclude: list[str] | None = None,
    stdin_filename: str | None = None,
    config_file: str | None = None,
) -> LintResult:
    """Lint files (and folders, for their Markdown files; `-` is standard input); with `fix`,
    write the safe fixes."""
    from awesomelint.lint.run import lint_paths

    return lint_paths(
        paths, fix=fix, diff=diff, overrides=overrides, use_cache=use_cache, exclude=exclude or (), stdin_filename=stdin_filename, config_file=config_file
    )


class FmtOutcome(Record):
    __slots__ = _fields = ("path", "changed", "diff", "output", "digest")

    def __init__(self, path: str, changed: bool, diff: str = "", output: bytes = b"", digest: str = "") -> None:
        self.path = path
        self.changed = changed
        self.diff = diff
        self.output = output
        self.digest = digest  # of the file's bytes as read (`inputs.digest`), "" when unknown


def fmt(path: str, source: SourceText | None = None, *, write: bool = True, want_diff: bool = False) -> FmtOutcome:
    """Format one file safely; writes only when the result differs and `write` is set."""
    from awesomelint.fmt import format_checked
    from awesomelint.source import write_atomic

    kind = file_kind(path)
    if kind == "data":
        raise InputError(path, DATA_NOT_FORMATTED)
    if kind == "other":
        raise not_a_list(path)
    src = source if source is not None else read_source(path)
    res = format_checked(src)
    changed = res.changed(src)
    data = res.encoded(src)
    outcome = FmtOutcome(path, changed, output=data, digest=src.stamp.digest if src.stamp else "")
    if changed and want_diff:
        outcome.diff = res.diff(src)
    if changed and write:
        write_atomic(path, data, expect=src.stamp)
    return outcome
