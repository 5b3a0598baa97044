"""Table rules (AL3xx): rows that do not fit their header."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from awesomelint.lint.engine import Diagnostic, FileContext, rule
from awesomelint.model import Prose, Table
from awesomelint.parse.cells import split_cells


def _tables(ctx: FileContext) -> Iterator[tuple[int, int]]:
    """(header line, last line) of every table, entry tables and prose tables alike."""
    for _, block in ctx.doc.iter_blocks():
        if isinstance(block, Table) or (isinstance(block, Prose) and block.kind == "table"):
            yield block.line, block.end_line


Cells = tuple[list[str], list[tuple[int, list[str]]]]  # a table's header cells, and each row's line and cells
parser_cells = True  # tests turn it off to prove that the cells are the same


def _split_tables(ctx: FileContext) -> list[Cells]:
    """Every table's header cells and (line, cells) of each row, split once per file for both rules."""
    return ctx.once("_split_tables", lambda: [_split_table(ctx, start, end) for start, end in _tables(ctx)])


def _split_table(ctx: FileContext, start: int, end: int) -> Cells:
    """A table's cells: as the parser split them, when its token covers these lines; else split here."""
    tok = _parsed_tables(ctx).get(start) if parser_cells else None
    rows = range(start + 2, end + 1)
    if tok is not None and tok["end_line"] == end and [row["line"] for row in tok["rows"]] == list(rows):
        return tok["header"], [(row["line"], row["cells"]) for row in tok["rows"]]
    return split_cells(ctx.line_text(start)), [(n, split_cells(ctx.line_text(n))) for n in rows]


def _parsed_tables(ctx: FileContext) -> dict[int, dict[str, Any]]:
    """The file's table tokens by their first line, when it has been parsed (the top level: where
    tables that hold entries stand)."""
    return ctx.once("_parsed_tables", lambda: {t["line"]: t for t in ctx.parsed_tokens or () if t["type"] == "table" and "line" in t})


@rule("AL301", "table-cell-count", local=True)
def table_cell_count(ctx: FileContext) -> Iterator[Diagnostic]:
    """A table row has fewer or more cells than the header.

    Why: GitHub pads a short row with empty cells, so a value can land in the wrong column
    unnoticed, and silently drops the cells of a long row: that content is never shown.

    Example:
        | Name | Data Types | Count |
        | --- | --- | --- |
        | [MIMIC](https://mimic.mit.edu/) | P, L, T |            # bad: 2 cells of 3
        | [MIMIC](https://mimic.mit.edu/) | P, L, T | ~45,000 |  # good
    """
    for header, rows in _split_tables(ctx):
        width = len(header)
        for n, cells in rows:
            if len(cells) < width:
                yield ctx.diag(n, len(ctx.line_text(n).rstrip()) + 1, "AL301", f"row has {len(cells)} cells, the header has {width}")
            elif len(cells) > width and any(cells[width:]):
                yield ctx.diag(n, 1, "AL301", f"row has {len(cells)} cells, the header has {width}: GitHub drops the extra ones")


@rule("AL302", "table-empty-cell", local=True)
def table_empty_cell(ctx: FileContext) -> Iterator[Diagnostic]:
    """A cell is empty in a column that the other rows fill.

    Why: in a column most rows fill, a blank is usually a forgotten value. Columns that are
    mostly empty (optional notes) are not reported.

    Example:
        | [MIMIC](https://mimic.mit.edu/) | P, L, T | ~45,000 |
        | [OASIS](https://www.oasis-brains.org/) | I |  |   # bad: the count is missing
    """
    for header, rows in _split_tables(ctx):
        for c, title in enumerate(header):
            filled = sum(1 for _, cells in rows if c < len(cells) and cells[c])
            if filled * 4 < len(rows) * 3 or filled == len(rows):
                continue
            for n, cells in rows:
                if c < len(cells) and not cells[c] and len(cells) <= len(header):
                    yield ctx.diag(n, 1, "AL302", f"empty cell in column '{title}', which the other rows fill")
