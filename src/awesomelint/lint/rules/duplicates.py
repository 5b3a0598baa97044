"""Duplicate rules (AL2xx): the same page or the same name listed twice, in a file or across files."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from awesomelint.lint.engine import Diagnostic, FileContext, project_rule, rule
from awesomelint.lint.rules.entries import column_of, entry_blocks
from awesomelint.urls import is_navigation, name_key, normalize_url


def entry_url_index(ctx: FileContext) -> list[tuple[str, int, int, str]]:
    """(normalised url, line, column, url as written) for every entry url in the file."""
    out = []
    for _, e, _ in entry_blocks(ctx):
        if e.url and not is_navigation(e.url):
            out.append((normalize_url(e.url), e.line, column_of(ctx.line_text(e.line), e.url[:20]), e.url))
    return out


@project_rule("AL201", "duplicate-url")
def duplicate_url(files: list[Any]) -> Iterator[Diagnostic]:
    """Two entries link to the same page, in one file or in two of the files given.

    Why: duplicates creep in as lists grow and contributors do not search first. Urls are
    compared after normalising the scheme, `www.`, a trailing slash, `#readme`, `index.html` and
    the case of the host. In-page anchors (tables of contents, back-to-top) never count.

    Example:
        - [MIMIC](https://mimic.mit.edu/) - ICU records.
        - [MIMIC-III](http://www.mimic.mit.edu) - ICU records.   # bad: the same page again
    """
    first: dict[str, tuple[str, int]] = {}
    for f in files:
        for key, line, col, url in f.urls:
            if key in first:
                path, at = first[key]
                where = f"line {at}" if path == f.path else f"{path}:{at}"
                yield Diagnostic(f.path, line, col, "AL201", f"duplicate url {url} (also at {where})")
            else:
                first[key] = (f.path, line)


@rule("AL202", "duplicate-name", records=True)
def duplicate_name(ctx: FileContext) -> Iterator[Diagnostic]:
    """Two entries of the same section have the same name (case, spaces and punctuation aside).

    Why: the same thing listed twice, perhaps with two different urls, confuses readers; one of
    the two is usually out of date. Entries in different sections may share a name.

    Example:
        ## ICU
        - [MIMIC-III](https://mimic.mit.edu/) - ICU records.
        - [MIMIC III](https://physionet.org/content/mimiciii/) - ICU records.   # bad
    """
    groups = [ctx.doc.intro] + [sec.content for _, sec in ctx.doc.iter_sections()]
    for content in groups:
        seen: dict[str, int] = {}
        for block in content:
            for _b, e, depth in entry_blocks_of(block):
                if depth or not e.name or not (e.url or e.links) or e.name.lstrip().startswith("!["):
                    continue  # nested items, names that are only an image (a badge)
                key = name_key(e.name)
                if not key:
                    continue
                if key in seen:
                    yield ctx.diag(
                        e.line, column_of(ctx.line_text(e.line), e.name[:10]), "AL202", f"duplicate name '{e.name.strip()[:60]}' (also at line {seen[key]})"
                    )
                else:
                    seen[key] = e.line


def entry_blocks_of(block):  # type: ignore[no-untyped-def]
    from awesomelint.model import EntryList, Table

    if isinstance(block, (EntryList, Table)):
        for e in block.entries:
            yield block, e, 0
