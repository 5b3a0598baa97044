"""Fields lists: a table written as a list, each entry's values as `Title: value` sub-items.

    - [MIMIC-IV](https://physionet.org/content/mimiciv/) - ICU records.
      - Data Types: P, L, T
      - Access: [Credentialed](https://physionet.org/settings/credentialing/)

`field_value` is the one reader of a value under a title, for these fields and table cells alike.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from awesomelint.anchors import plain_text
from awesomelint.model import (
    Column,
    Entry,
    Link,
)
from awesomelint.parse.inline import (
    PLACEHOLDER,
    normalize_label,
)

if TYPE_CHECKING:
    from awesomelint.parse.records import RecordBuilder


_CELL_LINK = re.compile(r"\[((?:[^\[\]\\\n]|\\[^\n])*)\]\(([^()\s]+)\)")
ONLY_LINKS = re.compile(r"^\[(?:[^\[\]\\\n]|\\[^\n])*\]\([^()\s]+\)(?:[ \t]*(?:,[ \t]*)?\[(?:[^\[\]\\\n]|\\[^\n])*\]\([^()\s]+\))*$")
FIELD_ITEM = re.compile(r"^(?P<title>[A-Za-z][^:\[\]\n]{0,38}?):[ \t]+(?P<value>\S.*)$")


def field_value(b: RecordBuilder, e: Entry, col: Column, value: str, line: int) -> None:
    """One table cell or `Title: value` field: a value that is only links is those links
    (labelled with the column); any other value is the attribute, with the links in its
    text read from it (derived, `inline`). One source of truth either way."""
    if value[:1] == "[":  # (where both patterns start)
        if ONLY_LINKS.match(value):
            e.links.extend(Link(col.title, url, text, line) for text, url in _CELL_LINK.findall(value))
            return
        if PLACEHOLDER.fullmatch(value) and normalize_label(value[1:-1]) not in b.refs:
            e.links.append(Link(col.title, "", value[1:-1], line))  # `[awaiting dataset]`: no url yet
            return
    found = b.inline_links(value, line) if value else []
    for lk in found:
        lk.label = col.title
        lk.inline = True
    e.links.extend(found)
    attribute_value(e, col, value, bool(found))


def attribute_value(e: Entry, col: Column, value: str, linked: bool = False) -> None:
    """The attribute a value is (`linked`: links were read from its text): a list column's
    value split at its commas; an empty value only in an attribute column."""
    if col.split and value and not linked:
        e.attributes[col.key] = [p.strip() for p in value.split(",")]
    elif value or col.role == "attribute":
        e.attributes[col.key] = value


def fold_fields(b: RecordBuilder, entries: list[Entry]) -> list[Column]:
    """Entries whose sub-items are all `Title: value` fields (a table written as a list): the fields
    become attributes, or links when the value is only links. Returns the columns, or [] if the
    list is not of that shape."""
    if not entries or not any(e.children for e in entries):
        return []
    if not any(e.url for e in entries) and not all(e.children for e in entries):
        return []
    parsed: list[list[tuple[str, str]]] = []
    for e in entries:
        fields = []
        for c in e.children:
            m = FIELD_ITEM.match(c.name or "") if c.url is None and not c.children and not c.notes else None
            if not m:
                return []
            fields.append((m.group("title").strip(), m.group("value").strip()))
        parsed.append(fields)
    titles: list[str] = []
    for fields in parsed:
        for title, _ in fields:
            if title not in titles:
                titles.append(title)
    keys = dict(zip(titles, column_keys(titles)))
    columns = {t: Column(keys[t], t) for t in titles}
    for title, col in columns.items():  # a link column when every value is links, as in tables
        values = [v for fields in parsed for t, v in fields if t == title]
        if values and all(ONLY_LINKS.match(v) for v in values):
            col.role = "link"
    for e, fields in zip(entries, parsed):
        first_field = e.children[0].line if e.children else e.end_line + 1
        e.children = []
        e.links = [lk for lk in e.links if lk.line < first_field]  # the head's own (on all its lines)
        for title, value in fields:
            field_value(b, e, columns[title], value, e.line)
    for col in columns.values():
        values = [e.attributes[col.key] for e in entries if col.role == "attribute" and col.key in e.attributes]
        if col.role == "attribute" and is_list_column([v for v in values if isinstance(v, str)]):
            col.split = True
            for e in entries:
                if isinstance(e.attributes.get(col.key), str):
                    e.attributes[col.key] = [p.strip() for p in e.attributes[col.key].split(",")]
    return list(columns.values())


def column_keys(header: list[str]) -> list[str]:
    """One key per column title; repeated titles get `_2`, `_3`… (linear: a set and a counter)."""
    keys: list[str] = []
    taken: set[str] = set()
    next_n: dict[str, int] = {}
    for title in header:
        key = re.sub(r"[\W_]+", "_", plain_text(title).lower()).strip("_") or "column"  # 简介 stays 简介
        base, n = key, next_n.get(key, 2)
        while key in taken:
            key = f"{base}_{n}"
            n += 1
        next_n[base] = n
        taken.add(key)
        keys.append(key)
    return keys


def is_list_column(cells: list[str]) -> bool:
    if not cells or not any(", " in c for c in cells):
        return False
    for c in cells:
        if re.search(r"\d|\[|`|<", c):
            return False
        if any(len(p.split()) > 4 or not p.strip() for p in c.split(",")):
            return False
    return True
