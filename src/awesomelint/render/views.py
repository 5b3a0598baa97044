"""Views of a list's records: restyle lists as tables and tables as lists, and CSV rows.

`restyle(doc, "table")` turns every entry list into a GFM table with one column per attribute
and per link label; `restyle(doc, "list")` turns every table into a "fields" list
(`- [Name](url) - Description` + `  - Title: value`). Both keep every entry, link and attribute,
so converting there and back loses nothing. `columns` picks and orders the columns.
"""

from __future__ import annotations

import copy
import csv
import io
import re
from collections.abc import Iterable

from awesomelint.errors import AwesomelintError
from awesomelint.model import (
    STYLE_FIELDS,
    Block,
    Column,
    Document,
    Entry,
    EntryList,
    Link,
    Table,
)
from awesomelint.parse.records import column_keys


def flatten(entries: Iterable[Entry], parent: str | None = None) -> list[Entry]:
    """Entries with their nested children after them (a child records its parent's name)."""
    out: list[Entry] = []
    for e in entries:
        flat = copy.copy(e)
        flat.children = []
        # a link without a role gets the column "Link"
        flat.links = [lk if lk.label or lk.inline else Link("Link", lk.url, lk.text, lk.line) for lk in e.links]
        if parent is not None:
            flat.attributes = {**e.attributes, "parent": parent}
        out.append(flat)
        out.extend(flatten(e.children, e.name or parent))
    return out


def columns_for(entries: list[Entry], known: list[Column] | None = None) -> list[Column]:
    """Name, description, then every attribute and every link label, in order of first use."""
    cols = [Column("name", "Name", role="name"), Column("description", "Description", role="description")]
    titles = {c.key: c for c in (known or []) if c.role in ("attribute", "link")}
    # the order the list itself declares comes first, then whatever else the entries carry
    seen_attr: list[str] = [c.key for c in (known or []) if c.role == "attribute"]
    seen_link: list[str] = [c.title for c in (known or []) if c.role == "link"]
    used_attr = {k for e in entries for k in e.attributes}
    used_link = {(lk.label or "").lower() for e in entries for lk in e.links if not lk.inline}
    seen_attr = list(dict.fromkeys(k for k in seen_attr if k in used_attr))
    seen_link = list(dict.fromkeys(t for t in seen_link if t.lower() in used_link))
    for e in entries:
        for k in e.attributes:
            if k not in seen_attr:
                seen_attr.append(k)
        for lk in e.links:
            if not lk.inline and lk.label and lk.label.lower() not in {s.lower() for s in seen_link}:
                seen_link.append(lk.label)
    for k in seen_attr:
        known_col = titles.get(k)
        title = known_col.title if known_col else k.replace("_", " ").title()
        split = any(isinstance(e.attributes.get(k), list) for e in entries)
        cols.append(Column(k, title, role="attribute", split=split))
    taken = {c.key for c in cols}
    shown = {c.title.casefold() for c in cols}  # an attribute column also shows its title's links
    link_titles = {c.title.lower(): c.title for c in (known or []) if c.role == "link"}
    for label in dict.fromkeys(link_titles.get(lb.lower(), lb) for lb in seen_link):
        if label.casefold() in shown:
            continue
        key = column_keys([label])[0]
        if key in taken:
            key = f"{key}_link"
        taken.add(key)
        cols.append(Column(key, label, role="link"))
    return cols


def keep_columns(entries: list[Entry], cols: list[Column], wanted: list[str] | None) -> list[Entry]:
    """With `--columns`, the entries without the values of the columns left out (copies): the
    exact change the user asked for, so that the render check compares against it."""
    if not wanted:
        return entries
    keys = {c.key for c in cols if c.role == "attribute"}
    titles = {c.title.casefold() for c in cols if c.role in ("attribute", "link")}
    has_description = any(c.role == "description" for c in cols)
    out = []
    for e in entries:
        e = copy.copy(e)
        e.attributes = {k: v for k, v in e.attributes.items() if k in keys or k.startswith("_")}
        if not has_description:
            e.description = ""
        kept = " ".join([e.name or "", e.description, *(str(v) for v in e.attributes.values())])
        e.links = [lk for lk in e.links if (lk.url in kept if lk.inline else (lk.label or "link").casefold() in titles)]
        out.append(e)
    return out


def pick_columns(cols: list[Column], wanted: list[str] | None) -> list[Column]:
    if not wanted:
        return cols
    by = {c.key: c for c in cols} | {c.title.lower(): c for c in cols}
    out = []
    for w in wanted:
        col = by.get(w) or by.get(w.lower())
        if col is None:
            raise AwesomelintError(f"--columns: no column {w!r}; the columns are: {', '.join(c.key for c in cols)}")
        out.append(col)
    return out


def restyle(doc: Document, style: str, columns: list[str] | None = None) -> Document:
    """A copy of `doc` with every entry list as a table (`table`) or every table as a list (`list`)."""
    doc = copy.deepcopy(doc)

    def convert(blocks: list[Block]) -> list[Block]:
        out: list[Block] = []
        for b in blocks:
            if style == "table" and isinstance(b, EntryList):
                entries = flatten(b.entries)
                cols = pick_columns(columns_for(entries, b.columns), columns)
                out.append(Table(cols, keep_columns(entries, cols, columns), b.line, b.end_line))
            elif style == "list" and isinstance(b, Table):
                cols = [c for c in pick_columns(b.columns, columns) if c.role in ("attribute", "link")]
                entries = keep_columns([copy.copy(e) for e in b.entries], cols + [c for c in b.columns if c.role in ("name", "description")], columns)
                out.append(EntryList(STYLE_FIELDS, entries, b.line, b.end_line, columns=cols))
            elif style == "table" and isinstance(b, Table) and columns:
                cols = pick_columns(b.columns, columns)
                out.append(Table(cols, keep_columns(b.entries, cols, columns), b.line, b.end_line))
            else:
                out.append(b)
        return out

    doc.intro = convert(doc.intro)
    for _, sec in doc.iter_sections():
        sec.content = convert(sec.content)
    return doc


# -- CSV ------------------------------------------------------------------------------------------
def csv_rows(doc: Document, columns: list[str] | None = None) -> tuple[list[str], list[list[str]]]:
    """(header, rows): one row per entry (nested ones too), the section path as a column."""
    entries: list[tuple[tuple[str, ...], Entry]] = []
    for path, block in doc.iter_blocks():
        if isinstance(block, (EntryList, Table)):
            entries.extend((path, e) for e in flatten(block.entries))
    for path, sec in doc.iter_sections():
        if sec.entry is not None:
            entries.append((path, sec.entry))
    known = [c for _, b in doc.iter_blocks() if isinstance(b, (EntryList, Table)) for c in b.columns]
    cols = columns_for([e for _, e in entries], known)
    cols = [cols[0], Column("url", "URL", role="url"), Column("section", "Section", role="section")] + cols[1:]
    cols = pick_columns(cols, columns)
    rows = []
    for path, e in entries:
        row = []
        for c in cols:
            if c.role == "name":
                row.append(_plain(e.name or ""))
            elif c.role == "url":
                row.append(e.url or "")
            elif c.role == "section":
                row.append(" > ".join(path))
            elif c.role == "description":
                row.append(e.description)
            elif c.role == "link":
                row.append(" ".join(lk.url for lk in e.links if (lk.label or "").lower() == c.title.lower() and not lk.inline))
            else:
                v = e.attributes.get(c.key, "")
                row.append("; ".join(map(str, v)) if isinstance(v, list) else str(v))
        rows.append(row)
    return [c.title for c in cols], rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+)?%?")


def csv_cell(value: str) -> str:
    """A cell that a spreadsheet shows as text, never runs as a formula (OWASP's advice).

    Cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return are formulas to Excel,
    LibreOffice and Google Sheets (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`): they get a leading `'`.
    Plain numbers (`-2`, `+3.5`) stay as they are.
    """
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(doc: Document, columns: list[str] | None = None) -> str:
    header, rows = csv_rows(doc, columns)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180
    writer.writerow([csv_cell(h) for h in header])
    writer.writerows([csv_cell(c) for c in row] for row in rows)
    return buf.getvalue()


def _plain(markdown: str) -> str:
    from awesomelint.anchors import plain_text

    return plain_text(markdown)
