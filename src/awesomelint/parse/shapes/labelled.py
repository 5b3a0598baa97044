"""Labelled entries: a bold name with counts and years, its description and `Label:` link groups as sub-items.

    - **MIMIC-IV** (40k) 2008 - 2019
      - ICU records of a Boston hospital.
      - Data:
        - [MIMIC-IV v2.2](https://physionet.org/content/mimiciv/2.2/)

Also a name over its one link (`- PhysioNet portal` + `  - [PhysioNet](…)`) and the trailing
`Title: value` / `Label:` sub-items any entry may end with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from awesomelint.model import (
    Column,
    Entry,
    Link,
)
from awesomelint.parse.inline import (
    LABEL_LINE,
)
from awesomelint.parse.shapes import fields
from awesomelint.parse.shapes.common import is_plain_link, label_role

if TYPE_CHECKING:
    from awesomelint.parse.records import RecordBuilder


def fold_extras(b: RecordBuilder, entry: Entry) -> None:
    """The values under an entry, written as its last sub-items: `Title: value` fields and
    `Label:` groups of plain links (how a list shows what its head line has no place for).
    Only a trailing run of such sub-items is folded, at every depth; real children stay."""
    for child in entry.children:
        fold_extras(b, child)
    trailing: list[tuple[Entry, tuple[str, str, str]]] = []
    for child in reversed(entry.children):
        shape = _extra_shape(child)
        if shape is None:
            break
        trailing.insert(0, (child, shape))
    if not trailing:
        return
    for child, (kind, title, value) in trailing:
        if kind == "group":
            title = label_role(title)
            colon = (child.name or "").rstrip()[-1:]
            for c in child.children:
                entry.links.append(Link(title, c.url or "", c.name, c.line, label_colon=None if colon == ":" else colon))
        else:
            fields.field_value(b, entry, Column(fields.column_keys([title])[0], title), value, child.line)
    entry.children = entry.children[: len(entry.children) - len(trailing)]


def fold_labelled(b: RecordBuilder, entry: Entry) -> None:
    """`- **Name**` whose sub-items are a description and `Data:`-style link groups."""
    if not entry.children:
        return
    links: list[Link] = []
    description = entry.description
    fields: list[Entry] = []  # `Title: value` sub-items: left for `_fold_extras`
    for i, child in enumerate(entry.children):
        shape = _extra_shape(child)
        if shape is not None and shape[0] == "field":
            fields.append(child)
            continue
        label_m = LABEL_LINE.match(child.name or "") if child.url is None else None
        if label_m and child.children and all(is_plain_link(c) for c in child.children) and not child.notes:
            label = label_role(label_m.group("label"))
            colon = (child.name or "").rstrip()[-1:]
            for c in child.children:
                links.append(Link(label, c.url or "", c.name, c.line, label_colon=None if colon == ":" else colon))
            continue
        if is_plain_link(child):
            links.append(Link(None, child.url or "", child.name, child.line))
            continue
        if (
            i == 0
            and not description
            and child.url is None
            and not child.notes
            and not [lk for lk in child.links if not lk.inline]
            and all(is_plain_link(c) for c in child.children)
        ):
            description = child.name or ""
            entry.description_format = "item-nested" if child.children else "item"
            links.extend(lk for lk in child.links)
            links.extend(Link(None, c.url or "", c.name, c.line) for c in child.children)
            continue
        return  # not the labelled shape: keep the children as entries
    if not links and not description:
        return
    entry.description = description
    entry.links = entry.links + links  # the head's own (a `([Demo](…))` group, badges) stay
    entry.children = fields
    entry.attributes["_labelled"] = True


def fold_one_link(b: RecordBuilder, e: Entry) -> None:
    """`- PhysioNet website` over its one link: the link is the entry's."""
    if named_over_one_link(e):
        fold_labelled(b, e)


def named_over_one_link(e: Entry) -> bool:
    """`- `PhysioNet` website` with one plain link under it (a top-level item): a name and its link."""
    return (
        e.url is None
        and not e.description
        and len(e.children) == 1
        and is_plain_link(e.children[0])
        and not e.links
        and not LABEL_LINE.match(e.name or "")  # `- Data:` over links is a group of its parent's
    )


def _extra_shape(child: Entry) -> tuple[str, str, str] | None:
    """("group", label, "") for `- Label:` over plain links, ("field", title, value) for
    `- Title: value`, None for anything else (a real child entry)."""
    if child.url is not None or child.notes:
        return None
    if child.children:
        m = LABEL_LINE.match(child.name or "")
        if m and all(is_plain_link(c) for c in child.children):
            return ("group", m.group("label").strip(), "")
        return None
    m = fields.FIELD_ITEM.match(child.name or "")
    if m is None or not child.description == "" or child.separator is not None:
        return None
    return ("field", m.group("title").strip(), m.group("value").strip())
