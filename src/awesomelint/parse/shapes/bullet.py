"""The bullet list, and the reader of every list item that other list shapes fold.

    - [MIMIC-IV](https://physionet.org/content/mimiciv/) - ICU records from Boston.
    - [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU data. ([Data](https://physionet.org/))
      - [eICU demo](https://physionet.org/content/eicu-crd-demo/) - A small open subset.

Items are read here (head line, sub-lists, continuation blocks); the folds registered in
`FOLDS` then turn sub-items into the values of other shapes (labelled groups, fields…).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from awesomelint.model import (
    STYLE_BULLET,
    STYLE_FIELDS,
    STYLE_HTML,
    STYLE_LABELLED,
    Block,
    Entry,
    EntryList,
    Prose,
)
from awesomelint.parse.blocks import Token
from awesomelint.parse.shapes import fields, html, labelled, navigation
from awesomelint.parse.shapes.common import drop_private, has_link

if TYPE_CHECKING:
    from awesomelint.parse.records import RecordBuilder


def read(b: RecordBuilder, tok: Token) -> Block:
    raw = b.raw(tok["line"], tok["end_line"])
    if navigation.is_navigation_list(tok):
        return Prose(raw, "toc", tok["line"], tok["end_line"])
    entries = [item_entry(b, it) for it in tok["children"]]
    if not any(has_link(e) for e in entries):
        return Prose(raw, "list", tok["line"], tok["end_line"])
    style = STYLE_BULLET
    columns = fields.fold_fields(b, entries)
    if columns:
        for e in entries:
            drop_private(e)
        return EntryList(STYLE_FIELDS, entries, tok["line"], tok["end_line"], loose=not tok.get("tight", True), columns=columns)
    for e in entries:
        for fold in b.item_folds:  # the registered shapes that reread an item (records.ITEM_FOLDS)
            fold(b, e)
    if any(e.description_format == "html" for e in entries):
        style = STYLE_HTML
    elif any(e.attributes.get("_labelled") for e in entries):
        style = STYLE_LABELLED
    for e in entries:
        drop_private(e)
    return EntryList(style, entries, tok["line"], tok["end_line"], loose=not tok.get("tight", True))


def item_entry(b: RecordBuilder, item: Token) -> Entry:
    children = item["children"]
    line, end = item["line"], item["end_line"]
    # one int object for both when they are equal (most entries are one line): 100k fewer objects
    entry = Entry(name=None, url=None, line=line, end_line=line if end == line else end, marker=item.get("marker", "-"))
    rest = children
    after: list[tuple[str, str, int]] = []
    if children and children[0]["type"] in ("paragraph", "block_text"):
        first = children[0]
        b.apply_head(entry, first["text"].rstrip("\n"), first["line"])
        rest = children[1:]
    for child in rest:
        typ = child["type"]
        if typ == "blank_line":
            continue
        if typ == "list":
            if not entry.children:
                entry.leading_notes = len(entry.notes)
            entry.children.extend(item_entry(b, it) for it in child["children"])
            entry.loose_children = entry.loose_children or not child.get("tight", True)
            continue
        raw = b.dedent(child["line"], child["end_line"])
        if typ == "block_html" and html.take(b, entry, raw, child["line"], after):
            continue
        html.as_notes(b, entry, after)
        entry.notes.append(raw)
        entry.links.extend(b.inline_only(raw, child["line"]))
    html.finish(b, entry, after)
    if not entry.children:
        entry.leading_notes = len(entry.notes)
    partly_bold = entry.name_format is None and (entry.name or "").startswith(("**", "__"))
    if entry.url is None and (entry.name_format == "bold" or "count" in entry.attributes or partly_bold):
        labelled.fold_labelled(b, entry)
    return entry
