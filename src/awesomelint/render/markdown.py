"""Records → canonical Markdown, one small function per block kind and list style.

Canonical within a style: ATX headings, `-` bullets (ordered lists numbered 1, 2, 3 with their
delimiter), two-space nesting under `- `, ` - ` between name and description (unless the entry
records another separator), one blank line between blocks, aligned GFM tables. Blocks that carry
`markdown` (verbatim source) are written as they are.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Callable

from awesomelint.model import (
    STYLE_BOLD,
    STYLE_FIELDS,
    STYLE_HTML,
    STYLE_LABELLED,
    STYLE_PARAGRAPH,
    Block,
    Document,
    Entry,
    EntryList,
    Prose,
    Section,
    Table,
)
from awesomelint.parse.inline import CANONICAL_SEPARATOR


def render_document(doc: Document) -> str:
    """The whole document as Markdown ("\\n" endings, no final newline)."""
    parts: list[str] = []
    if doc.front_matter is not None:
        parts.append(doc.front_matter)
    if doc.title is not None:
        parts.append(f"# {doc.title}")
    _render_blocks(doc.intro, parts)
    for sec in doc.sections:
        _render_section(sec, parts)
    return "\n\n".join(p for p in parts if p != "")


def _render_section(sec: Section, parts: list[str]) -> None:
    parts.append(sec.markdown if sec.markdown is not None else f"{'#' * sec.level} {sec.title}".rstrip())
    _render_blocks(sec.content, parts)
    for sub in sec.sections:
        _render_section(sub, parts)


_LIST_START = re.compile(r"^ {0,3}([-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _render_blocks(blocks: list[Block], parts: list[str]) -> None:
    """Blocks one blank line apart; two lists that touch keep different bullets, or they would merge."""
    prev: Block | None = None
    for b in blocks:
        text = render_block(b)
        if isinstance(b, EntryList) and b.markdown is None and prev is not None and parts:
            mine, theirs = _LIST_START.match(text), _LIST_START.match(_last_line_block(parts[-1]))
            if mine and theirs and mine.group(1)[-1] == theirs.group(1)[-1]:
                text = render_block(b, bullet=_other_bullet(mine.group(1)[-1]))
        parts.append(text)
        prev = b


def _last_line_block(text: str) -> str:
    """The first line of the last top-level list item of a block (for the merge check)."""
    for line in reversed(text.split("\n")):
        if line and not line[0].isspace():
            return line
    return ""


def _other_bullet(c: str) -> str:
    return {"-": "*", "*": "-", "+": "-", ".": ")", ")": "."}[c]


def render_block(block: Block, bullet: str = "-") -> str:
    if isinstance(block, Prose):
        return block.markdown
    if block.markdown is not None:
        return block.markdown
    if isinstance(block, Table):
        return render_table(block)
    if block.style == STYLE_FIELDS:
        return render_fields_list(block, bullet if bullet in "-*+" else "-")
    return render_entry_list(block, bullet)


# -- lists ------------------------------------------------------------------------------------
def render_entry_list(block: EntryList, bullet: str = "-") -> str:
    render_one = _STYLE_RENDERERS.get(block.style, _render_bullet_entry)
    items = ["\n".join(render_one(e, _marker(e.marker, i, bullet))) for i, e in enumerate(block.entries)]
    sep = "\n\n" if block.loose or block.style in (STYLE_PARAGRAPH, STYLE_BOLD) else "\n"
    return sep.join(items)


def _marker(marker: str, index: int, bullet: str = "-") -> str:
    if marker and marker[-1] in ".)" and marker[:-1].isdigit():
        delim = marker[-1] if bullet == "-" else bullet
        return f"{index + 1}{delim if delim in '.)' else marker[-1]}"
    return bullet if bullet in "-*+" else "-"


def entry_head(entry: Entry, inline_attributes: bool = True) -> str:
    """`[Name](url) - Description ([Demo](…)) `Tag`` — the first line of a bullet entry.

    `inline_attributes=False` leaves out `(count) years` (a fields list shows them as fields)."""
    name = entry.name or ""
    if entry.url is not None:
        head = f"[{name}]({entry.url})"
        if entry.name_format == "bold":
            head = f"**{head}**"
    elif entry.name_format == "bold":
        head = f"**{name}**"
    else:
        head = name
    attrs = entry.attributes
    if inline_attributes and entry.url is None and ("count" in attrs or "years" in attrs):
        if "count" in attrs:
            head += f" ({attrs['count']})"
        if "years" in attrs:
            head += f" {attrs['years']}"
        return head
    group = [lk for lk in entry.links if lk.label is not None and not lk.inline and lk.text is None]
    tags = attrs.get("tags") or []
    desc = entry.description if entry.description_format is None else ""
    if desc or group or tags:
        head += entry.separator if entry.separator is not None else CANONICAL_SEPARATOR
        head += desc
        if group:
            head += " (" + ", ".join(f"[{lk.label}]({lk.url})" for lk in group) + ")"
        if tags:
            head += " " + " ".join(f"`{t}`" for t in tags)
    return head


def _indent(lines: list[str], width: int) -> list[str]:
    pad = " " * width
    return [pad + ln if ln else ln for ln in lines]


def _children_lines(entry: Entry) -> list[str]:
    out: list[str] = []
    for i, child in enumerate(entry.children):
        if entry.loose_children and i:
            out.append("")
        out.extend(_render_bullet_entry(child, _marker(child.marker, i)))
    return out


def _item_lines(first: str, marker: str, blocks: list[list[str]], blank_between: bool) -> list[str]:
    lines = [f"{marker} {first}".rstrip()]
    for b in blocks:
        if blank_between:
            lines.append("")
        lines.extend(_indent(b, len(marker) + 1))
    return lines


def _body_blocks(entry: Entry, first: list[list[str]]) -> list[list[str]]:
    """Continuation blocks in source order: leading notes, children, the other notes."""
    notes = [n.split("\n") for n in entry.notes]
    blocks = first + notes[: entry.leading_notes]
    if entry.children:
        blocks.append(_children_lines(entry))
    return blocks + notes[entry.leading_notes :]


def _render_bullet_entry(entry: Entry, marker: str) -> list[str]:
    blocks = _body_blocks(entry, [])
    # a note (HTML, code…) needs a blank line before it; a bare nested list does not
    return _item_lines(entry_head(entry), marker, blocks, blank_between=bool(entry.notes))


def _render_html_entry(entry: Entry, marker: str) -> list[str]:
    first = [[f"<p>{entry.description}</p>"]] if entry.description and entry.description_format == "html" else []
    blocks = _body_blocks(entry, first)
    # the first block follows the head directly; an HTML block ends only at a blank line
    lines = [f"{marker} {entry_head(entry)}".rstrip()]
    for i, b in enumerate(blocks):
        if i:
            lines.append("")
        lines.extend(_indent(b, len(marker) + 1))
    return lines


def _render_labelled_entry(entry: Entry, marker: str) -> list[str]:
    sub: list[str] = []
    groups: list[tuple[str | None, str, list[str]]] = []
    for lk in entry.links:
        if lk.inline:
            continue
        text = lk.text if lk.text is not None else lk.url
        if groups and groups[-1][0] == lk.label and lk.label is not None:
            groups[-1][2].append(f"[{text}]({lk.url})")
        else:
            groups.append((lk.label, lk.label_colon or ":", [f"[{text}]({lk.url})"]))
    nested = entry.description_format == "item-nested"
    if entry.description and entry.description_format in ("item", "item-nested"):
        sub.append(f"- {entry.description}")
    for label, colon, links in groups:
        if label is None:
            sub.extend(f"{'  ' if nested else ''}- {lk}" for lk in links)
        else:
            sub.append(f"- {label}{colon}")
            sub.extend(f"  - {lk}" for lk in links)
    if entry.children:
        sub.extend(_children_lines(entry))
    return _item_lines(entry_head(entry), marker, [sub] if sub else [], blank_between=False)


def _render_paragraph_entry(entry: Entry, marker: str) -> list[str]:
    head = f"[{entry.name or ''}]({entry.url})" if entry.url is not None else (entry.name or "")
    for lk in entry.links:
        if not lk.inline:
            head += f" | [{lk.label or lk.text or ''}]({lk.url})"
    for tag in entry.attributes.get("tags", []):
        head += f" | {tag}"
    lines = [head]
    if entry.description:
        lines.extend(f"  - {ln}" for ln in entry.description.split("\n"))
    return lines


def _value_text(value: object) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _links_text(entry: Entry, label: str) -> str:
    want = label.lower()
    return ", ".join(
        f"[{lk.text if lk.text is not None else (lk.label or lk.url)}]({lk.url})"
        for lk in entry.links
        if (lk.label or "").lower() == want and not lk.inline
    )


def _cell(text: str) -> str:
    """Text made safe for a table cell: unescaped pipes escaped, line breaks as spaces."""
    return re.sub(r"(?<!\\)\|", r"\\|", text.replace("\n", " "))


def render_fields_list(block: EntryList, bullet: str = "-") -> str:
    """`- [Name](url) - Description` with one `  - Title: value` sub-item per field that has a value."""
    items = []
    field_links = {c.title.lower() for c in block.columns if c.role == "link"}
    for e in block.entries:
        head = copy.copy(e)
        head.links = [lk for lk in e.links if (lk.label or "").lower() not in field_links]  # shown as fields
        if e.url is None and e.name_format is None and e.description:
            head.name_format = "bold"  # `**Name** - Description`: a plain name would swallow the description
        lines = [f"{bullet} {entry_head(head, inline_attributes=False)}".rstrip()]
        for col in block.columns:
            value = _links_text(e, col.title) if col.role == "link" else _value_text(e.attributes.get(col.key, ""))
            if value:
                lines.append(f"  - {col.title}: {value}")
        items.append("\n".join(lines))
    return ("\n\n" if block.loose else "\n").join(items)


def _render_bold_entry(entry: Entry, marker: str) -> list[str]:
    lines = [f"__{entry.name or ''}__"]
    if entry.description:
        lines.extend(entry.description.split("\n"))
    lines.extend(f"{lk.label}: {lk.url}" for lk in entry.links if not lk.inline)
    return lines


_STYLE_RENDERERS: dict[str, Callable[[Entry, str], list[str]]] = {
    STYLE_HTML: _render_html_entry,
    STYLE_LABELLED: _render_labelled_entry,
    STYLE_PARAGRAPH: _render_paragraph_entry,
    STYLE_BOLD: _render_bold_entry,
}


# -- tables -----------------------------------------------------------------------------------
def display_width(text: str) -> int:
    """Columns a string takes in a monospace editor: wide (CJK, emoji) count 2, combining 0."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200b\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def table_cells(table: Table) -> list[list[str]]:
    """The body cells of a table, as Markdown, from its entries."""
    rows = []
    for e in table.entries:
        row = []
        for col in table.columns:
            if col.role == "name":
                cell = f"[{e.name or ''}]({e.url})" if e.url is not None else (e.name or "")
            elif col.role == "description":
                cell = e.description
            elif col.role == "link":
                cell = _links_text(e, col.title)
            else:
                value = e.attributes.get(col.key, "")
                cell = ", ".join(value) if isinstance(value, list) else str(value)
            row.append(_cell(cell))
        rows.append(row)
    return rows


def render_table(table: Table) -> str:
    header = [c.title for c in table.columns]
    return format_table(header, [c.align for c in table.columns], table_cells(table))


def format_table(header: list[str], align: list[str | None], rows: list[list[str]]) -> str:
    """A GFM table with leading/trailing pipes and columns padded to the same display width."""
    ncol = len(header)
    rows = [(r + [""] * ncol)[:ncol] for r in rows]
    widths = [max(3, display_width(header[c]), *(display_width(r[c]) for r in rows)) for c in range(ncol)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c + " " * (widths[i] - display_width(c)) for i, c in enumerate(cells)) + " |"

    def delim(i: int) -> str:
        a, w = align[i], widths[i]
        if a == "center":
            return ":" + "-" * (w - 2) + ":"
        if a == "left":
            return ":" + "-" * (w - 1)
        if a == "right":
            return "-" * (w - 1) + ":"
        return "-" * w

    out = [line(header), "| " + " | ".join(delim(i) for i in range(ncol)) + " |"]
    out.extend(line(r) for r in rows)
    return "\n".join(out)
