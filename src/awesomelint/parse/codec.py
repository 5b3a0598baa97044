"""Records ⇄ plain JSON values, without loss (lines and how each entry was written included).

What the part cache (`lint/parts.py`) keeps of a part's records. A record is a list of its fields
in declaration order; a block starts with a tag saying which kind it is. `decode` adds `shift`
to every line number that is set (0 stays "unknown"), so that a part parsed on its own lands at
its place in the file. `encode` refuses (`ValueError`) what JSON would not give back as it was.
The fields are written out for speed: `tests/test_parts.py` sets every field of every record
and checks that it comes back, so a field added to the model and not here fails there.
"""

from __future__ import annotations

from typing import Any

from awesomelint.model import Column, Document, Entry, EntryList, Link, Prose, Section, Table


def _plain(value: Any) -> Any:
    """Attribute values and merge sources: str, int, bool, None, and lists and str-keyed dicts of them."""
    if value is None or type(value) in (str, int, bool):
        return value
    if type(value) is list:
        return [_plain(v) for v in value]
    if type(value) is dict and all(type(k) is str for k in value):
        return {k: _plain(v) for k, v in value.items()}
    raise ValueError(f"cannot keep a {type(value).__name__} in the cache")


def _link(lk: Link) -> list[Any]:
    return [lk.label, lk.url, lk.text, lk.line, lk.inline, lk.label_colon]


# an entry's fields after `end_line` at their defaults: left out of the list (most entries)
_ENTRY_TAIL: list[Any] = [None, None, None, False, [], "-", None, None, 0, False, []]


def _entry(e: Entry) -> list[Any]:
    out = [
        e.name,
        e.url,
        e.description,
        [_link(lk) for lk in e.links],
        _plain(e.attributes),
        [_entry(c) for c in e.children],
        e.line,
        e.end_line,
        e.separator,
        e.url_text,
        e.url_separator,
        e.url_at_end,
        list(e.notes),
        e.marker,
        e.name_format,
        e.description_format,
        e.leading_notes,
        e.loose_children,
        _plain(e.sources),
    ]
    while len(out) > 8 and out[-1] == _ENTRY_TAIL[len(out) - 9] and type(out[-1]) is type(_ENTRY_TAIL[len(out) - 9]):
        out.pop()
    return out


def _column(c: Column) -> list[Any]:
    return [c.key, c.title, c.align, c.role, c.split]


def _block(b: Any) -> list[Any]:
    if type(b) is Prose:
        return ["p", b.markdown, b.kind, b.line, b.end_line]
    if type(b) is EntryList:
        return ["l", b.style, [_entry(e) for e in b.entries], b.line, b.end_line, b.markdown, b.loose, [_column(c) for c in b.columns]]
    if type(b) is Table:
        return ["t", [_column(c) for c in b.columns], [_entry(e) for e in b.entries], b.line, b.end_line, b.markdown]
    raise ValueError(f"cannot keep a {type(b).__name__} block in the cache")


def _section(s: Section) -> list[Any]:
    return [
        s.title,
        s.level,
        s.line,
        s.end_line,
        [_block(b) for b in s.content],
        [_section(c) for c in s.sections],
        s.markdown,
        None if s.entry is None else _entry(s.entry),
    ]


def encode(doc: Document) -> list[Any]:
    """A document's records as JSON values (the path is the caller's; the style is derived)."""
    return [doc.title, doc.title_line, doc.front_matter, [_block(b) for b in doc.intro], [_section(s) for s in doc.sections], doc.style]


def outline(records: list[Any]) -> list[Any]:
    """`encode`'s value with the entries of every list and table left out (headings, prose, the
    blocks themselves and a heading's own entry stay): what the rules that read only a file's
    outline need, a fraction of the size."""

    def block(b: list[Any]) -> list[Any]:
        return [*b[:2], [], *b[3:]] if b[0] in ("l", "t") else b

    def section(s: list[Any]) -> list[Any]:
        return [*s[:4], [block(b) for b in s[4]], [section(c) for c in s[5]], *s[6:]]

    title, title_line, front_matter, intro, sections, style = records
    return [title, title_line, front_matter, [block(b) for b in intro], [section(s) for s in sections], style]


def decode(data: list[Any], path: str, shift: int = 0) -> Document:
    """The document `encode` made, its lines moved down by `shift`."""

    def ln(n: int) -> int:
        return n + shift if n else 0

    def link(v: list[Any]) -> Link:
        return Link(v[0], v[1], v[2], ln(v[3]), v[4], v[5])

    def entry(v: list[Any]) -> Entry:
        return Entry(
            v[0],
            v[1],
            v[2],
            [link(x) for x in v[3]] if v[3] else [],
            v[4],
            [entry(c) for c in v[5]] if v[5] else [],
            ln(v[6]),
            ln(v[7]),
            *v[8:],
        )

    def column(v: list[Any]) -> Column:
        return Column(v[0], v[1], v[2], v[3], v[4])

    def block(v: list[Any]) -> Prose | EntryList | Table:
        tag = v[0]
        if tag == "p":
            return Prose(v[1], v[2], ln(v[3]), ln(v[4]))
        if tag == "l":
            return EntryList(v[1], [entry(e) for e in v[2]], ln(v[3]), ln(v[4]), v[5], v[6], [column(c) for c in v[7]])
        if tag == "t":
            return Table([column(c) for c in v[1]], [entry(e) for e in v[2]], ln(v[3]), ln(v[4]), v[5])
        raise ValueError(f"unknown block tag {tag!r}")

    def section(v: list[Any]) -> Section:
        return Section(v[0], v[1], ln(v[2]), ln(v[3]), [block(b) for b in v[4]], [section(c) for c in v[5]], v[6], None if v[7] is None else entry(v[7]))

    title, title_line, front_matter, intro, sections, style = data
    return Document(path, title, ln(title_line), front_matter, [block(b) for b in intro], [section(s) for s in sections], style)
