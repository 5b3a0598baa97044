"""Tables: one entry a row; columns by role (name, url, description, links, attributes).

    | Dataset | Description | Download |
    |---|---|---|
    | [MIMIC-IV](https://physionet.org/content/mimiciv/) | ICU records. | [Data](https://physionet.org/) |

The name is the linked column, or the first plain column when the links say nothing
(`[Download](…)`, `[下载](…)`, bare urls): those are then the url column.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from awesomelint.anchors import plain_text
from awesomelint.model import (
    Block,
    Column,
    Entry,
    Prose,
    Table,
)
from awesomelint.parse.blocks import Token
from awesomelint.parse.inline import (
    NAME_NOTE,
    LeadingLink,
    link_alone,
    parse_head,
    split_leading_link,
)
from awesomelint.parse.shapes import fields
from awesomelint.parse.shapes.common import INLINE_LINK_HINT

if TYPE_CHECKING:
    from awesomelint.parse.records import RecordBuilder


# a link whose text says nothing of the entry: the name is in another column
_GENERIC_TEXT = re.compile(
    r"(?i)\W*(?:links?|downloads?|here|website|site|web ?page|home ?page|url|data ?set|data|paper|code|source|repo(?:sitory)?"
    r"|下载链接|下载|链接|地址|官网|主页|网址|网站|数据集|enlace|descarga|lien|télécharger)?\W*"
)
_DESCRIPTION_TITLE = re.compile(r"(?i)descr|summary|about|overview|简介|描述|内容|概述|说明|介绍|beschreibung|descripción|descrição|описание|説明|概要")
_BARE_URL_CELL = re.compile(r"(?:https?://|www\.)[^\s<>\[\]|]+")
_NAME_TITLE = re.compile(r"(?i)\W*(name|dataset|data set|title|project|resource|api)\W*")
linkless_columns = True  # tests turn it off to prove that the records are the same


def read(b: RecordBuilder, tok: Token) -> Block:
    header = tok["header"]
    # in a GFM cell `\|` is a literal pipe: the records hold the pipe, rendering escapes it again
    rows = [{"line": r["line"], "cells": [c.replace("\\|", "|") for c in r["cells"]]} for r in tok["rows"]]
    raw = b.raw(tok["line"], tok["end_line"])
    keys = fields.column_keys(header)
    # the name column's cells are read for their links up to three times: each cell once
    leading: Callable[[str], LeadingLink | None] = functools.cache(functools.partial(split_leading_link, refs=b.refs))
    name_col = None
    if any("](" in cell for r in rows for cell in r["cells"]):
        name_col = next((c for c, t in enumerate(header) if _NAME_TITLE.fullmatch(plain_text(t))), None)
    if name_col is None:
        for c in range(len(header)):
            cells = [r["cells"][c] for r in rows if c < len(r["cells"]) and r["cells"][c]]
            if cells and sum(1 for cell in cells if leading(cell)) * 2 > len(cells):
                name_col = c
                break
    url_col = None
    if name_col is None or _generic_links(leading, rows, name_col):
        # the links (or bare urls) are the urls; the name is the first column of plain text
        link_col = name_col if name_col is not None else _bare_url_column(rows, len(header))
        plain = _plain_column(rows, len(header), link_col) if link_col is not None else None
        if plain is not None:
            name_col, url_col = plain, link_col
    if name_col is None:
        return Prose(raw, "table", tok["line"], tok["end_line"])
    description_col = next((c for c, t in enumerate(header) if c not in (name_col, url_col) and _DESCRIPTION_TITLE.search(plain_text(t))), None)
    if description_col is None:
        description_col = _prose_column(rows, len(header), (name_col, url_col))
    columns: list[Column] = []
    for c, title in enumerate(header):
        role = {name_col: "name", url_col: "url", description_col: "description"}.get(c, "attribute")
        columns.append(Column(keys[c], title, tok["align"][c], role))
    linkless: set[int] = set()  # attribute columns with no link in any cell: their values are the attributes
    for c, col in enumerate(columns):
        if col.role != "attribute":
            continue
        cells = [r["cells"][c] for r in rows if c < len(r["cells"]) and r["cells"][c]]
        if cells and all(fields.ONLY_LINKS.match(cell) for cell in cells):
            col.role = "link"
            continue
        col.split = fields.is_list_column(cells)
        if linkless_columns and not any(INLINE_LINK_HINT.search(cell) for cell in cells):  # (`field_value` finds no link)
            linkless.add(c)
    entries = []
    for r in rows:
        cells = r["cells"]
        e = Entry(None, None, "", None, None, None, r["line"], r["line"])
        for c, col in enumerate(columns):
            cell = cells[c] if c < len(cells) else ""
            if c in linkless:
                fields.attribute_value(e, col, cell)
            elif col.role == "name":
                alone = link_alone(cell)
                # read as `parse_head` reads a head: around the link, any blank (a no-break space too) is nothing
                link = leading(cell.strip()) if alone is None else None
                if alone is not None:
                    e.name, e.url = alone
                elif link and not link.rest.strip():
                    head = parse_head(cell, b.refs)
                    e.name, e.url = head.name, head.url
                elif link and link.dest and link.rest[:1] in (" ", "\t") and not INLINE_LINK_HINT.search(link.rest):
                    # `[Cholec80](u) Cholecystectomy videos`: the name is the link, the words after it a note
                    e.name, e.url = link.text, link.dest
                    e.attributes[NAME_NOTE] = link.rest.strip()
                else:
                    e.name = cell
                    e.links.extend(b.inline_only(cell, r["line"]))
            elif col.role == "url":
                _url_cell(b, e, col, cell, r["line"])
            elif col.role == "description":
                e.description = cell
                e.links.extend(b.inline_only(cell, r["line"]))
            else:
                fields.field_value(b, e, col, cell, r["line"])
        entries.append(e)
    return Table(columns, entries, tok["line"], tok["end_line"])


def _generic_links(leading: Callable[[str], LeadingLink | None], rows: list[dict[str, Any]], c: int) -> bool:
    """Most cells of the column are a link whose text names nothing: `[Download](u)`, a badge."""
    cells = [r["cells"][c] for r in rows if c < len(r["cells"]) and r["cells"][c].strip()]
    generic = 0
    for i, cell in enumerate(cells):
        if (generic + len(cells) - i) * 2 <= len(cells):
            break  # even if every cell left were generic, they would not be most
        link = leading(cell.strip())
        if link is not None and not link.rest.strip() and (_GENERIC_TEXT.fullmatch(plain_text(link.text)) or link.text.startswith("![")):
            generic += 1
    return bool(cells) and generic * 2 > len(cells)


def _bare_url_column(rows: list[dict[str, Any]], width: int) -> int | None:
    for c in range(width):
        cells = [r["cells"][c].strip() for r in rows if c < len(r["cells"]) and r["cells"][c].strip()]
        if cells and sum(1 for cell in cells if _BARE_URL_CELL.fullmatch(cell)) * 2 > len(cells):
            return c
    return None


def _url_cell(b: RecordBuilder, e: Entry, col: Column, cell: str, line: int) -> None:
    """A cell of the url column: one link (its text kept) or one bare url; anything else is
    the column's attribute, as in any other column."""
    text = cell.strip()
    link = split_leading_link(text, b.refs) if text.startswith("[") else None
    if link is not None and not link.rest.strip() and link.dest is not None:
        e.url, e.url_text = link.dest, link.text
    elif text.startswith(("http://", "https://")) and _BARE_URL_CELL.fullmatch(text):
        e.url = e.url_text = text
    else:
        fields.field_value(b, e, col, cell, line)


def _plain_column(rows: list[dict[str, Any]], width: int, skip: int | None) -> int | None:
    """The first column with text in most rows and no link or url in any: the names."""
    for c in range(width):
        if c == skip:
            continue
        cells = [r["cells"][c] for r in rows if c < len(r["cells"])]
        filled = [x for x in cells if x.strip()]
        if filled and len(filled) * 2 > len(cells) and not any(INLINE_LINK_HINT.search(x) or "www." in x for x in filled):
            return c
    return None


def _prose_column(rows: list[dict[str, Any]], width: int, skip: tuple[int | None, ...]) -> int | None:
    """With no column titled as one, the description is the column of sentences: the longest
    text on average (over 40 characters, several words), if there is one."""
    best, best_len = None, 40.0
    for c in range(width):
        if c in skip:
            continue
        cells = [r["cells"][c] for r in rows if c < len(r["cells"]) and r["cells"][c].strip()]
        if not cells or any("](" in x for x in cells):
            continue
        mean = sum(len(x) for x in cells) / len(cells)
        if mean > best_len and all(len(x.split()) >= 3 for x in cells):
            best, best_len = c, mean
    return best
