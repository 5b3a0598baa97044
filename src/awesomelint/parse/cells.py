"""GFM table cells: split a row on unescaped pipes (no parser needed)."""

from __future__ import annotations

# what cmark-gfm trims from a cell (its `cmark_isspace`); NBSP and other Unicode spaces are content
CELL_SPACE = " \t\n\v\f\r"


def split_cells(row: str) -> list[str]:
    """Split a table row on unescaped pipes; leading and trailing pipes are dropped, cells trimmed."""
    s = row.strip(CELL_SPACE)
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    if "\\" not in s:  # no escapes: every pipe splits (code spans do not protect one in GFM)
        return [c.strip(CELL_SPACE) for c in s.split("|")]
    return _split_escaped(s)


def _split_escaped(s: str) -> list[str]:
    """The character scan, for rows with backslash escapes (`\\|` is content)."""
    cells: list[str] = []
    cur: list[str] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            cur.append(s[i : i + 2])
            i += 2
            continue
        if c == "|":
            cells.append("".join(cur).strip(CELL_SPACE))
            cur = []
        else:
            cur.append(c)
        i += 1
    cells.append("".join(cur).strip(CELL_SPACE))
    return cells
