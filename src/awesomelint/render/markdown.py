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
    Column,
    Document,
    Entry,
    EntryList,
    Link,
    Prose,
    Section,
    Table,
)
from awesomelint.parse.inline import BADGE, BADGE_TEXT, CANONICAL_SEPARATOR, JOIN_MARKS, NAME_NOTE


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
    entries = with_list_shape(block.entries)
    items = ["\n".join(render_one(e, _marker(e.marker, i, bullet))) for i, e in enumerate(entries)]
    sep = "\n\n" if block.loose or block.style in (STYLE_PARAGRAPH, STYLE_BOLD) else "\n"
    return sep.join(items)


def with_list_shape(entries: list[Entry]) -> list[Entry]:
    """Entries written with no format hints of their own (a new entry typed into the YAML) take
    the shape most of their siblings have: bold names and sub-item descriptions in a labelled
    list, `<p>` descriptions in an html list. Copies; the records are not changed."""
    from collections import Counter

    shapes = Counter((e.name_format, e.description_format) for e in entries)
    (name_format, description_format), _ = shapes.most_common(1)[0] if shapes else ((None, None), 0)
    if name_format is None and description_format is None:
        return entries
    out = []
    for e in entries:
        if e.name_format is None and e.description_format is None:
            e = copy.copy(e)
            # bold is a plain name's mark: a linked name stays a link
            e.name_format = None if _emphasised(e.name) or (name_format == "bold" and e.url is not None) else name_format
            e.description_format = description_format
        out.append(e)
    return out


def _marker(marker: str, index: int, bullet: str = "-") -> str:
    if marker and marker[-1] in ".)" and marker[:-1].isdigit():
        delim = marker[-1] if bullet == "-" else bullet
        return f"{index + 1}{delim if delim in '.)' else marker[-1]}"
    return bullet if bullet in "-*+" else "-"


def link(text: str, url: str) -> str:
    """`[text](url)`; brackets in the text (outside code spans) are escaped when they would not
    pair up, and lone backticks are escaped: the reader sees the same text either way."""
    pieces = _backtick_pieces(text)
    depth, balanced = 0, True
    for kind, piece in pieces:
        if kind != "text":
            continue
        for m in re.finditer(r"\\.|[\[\]]", piece):
            if m.group() == "[":
                depth += 1
            elif m.group() == "]":
                depth -= 1
                balanced = balanced and depth >= 0
    if not balanced or depth:
        pieces = [(k, re.sub(r"(\\.)|([\[\]])", lambda m: m.group(1) or "\\" + m.group(2), p) if k == "text" else p) for k, p in pieces]
    return f"[{_joined(pieces)}]({url})"


def lone_backticks_escaped(text: str) -> str:
    """A backtick run with no run of the same length after it is literal in `text`; written
    next to more Markdown it could pair with a later one and swallow a link: escape it."""
    return _joined(_backtick_pieces(text)) if "`" in text else text


def _joined(pieces: list[tuple[str, str]]) -> str:
    return "".join("\\`" * len(p) if kind == "lone" else p for kind, p in pieces)


def _backtick_pieces(text: str) -> list[tuple[str, str]]:
    """`text` cut into ("text" | "code" | "lone", piece): code spans (a run of backticks closed by
    a run of the same length, as CommonMark reads them), lone backtick runs, and the rest."""
    from awesomelint.parse.inline import BacktickRuns

    out: list[tuple[str, str]] = []
    i = start = 0
    n = len(text)
    runs = BacktickRuns(text)
    while i < n:
        if text[i] == "\\":
            i += 2
            continue
        if text[i] != "`":
            i += 1
            continue
        k = i
        while k < n and text[k] == "`":
            k += 1
        out.append(("text", text[start:i]))
        close = runs.closing(k, k - i)
        end = k if close < 0 else close + (k - i)
        out.append(("lone" if close < 0 else "code", text[i:end]))
        i = start = end
    out.append(("text", text[start:]))
    return out


def entry_head(entry: Entry, inline_attributes: bool = True) -> str:
    """`[Name](url) - Description ([Demo](…)) `Tag`` — the first line of a bullet entry.

    `inline_attributes=False` leaves out `(count) years` (a fields list shows them as fields)."""
    name = entry.name or ""
    if entry.url is not None and entry.url_text is not None and entry.url_at_end and entry.description and entry.description_format is None:
        # `Name - text https://…`: the bare url ends the line
        sep = entry.separator if entry.separator is not None else CANONICAL_SEPARATOR
        url_sep = entry.url_separator if entry.url_separator is not None else CANONICAL_SEPARATOR
        shown = _url_shown(entry.url, entry.url_text)
        return f"{name}{sep}{entry.description}{url_sep}{shown}"
    if entry.url is not None and entry.url_text is not None:
        shown = _url_shown(entry.url, entry.url_text)
        head = (
            (f"**{name}**" if entry.name_format == "bold" else name) + (entry.url_separator if entry.url_separator is not None else CANONICAL_SEPARATOR) + shown
        )
    elif entry.url is not None:
        head = link(name, entry.url)
        if entry.name_format == "brackets":
            head = f"[{head}]"
        for lk in entry.links:
            if lk.label in JOIN_MARKS and lk.text and not lk.inline:
                head += f" {lk.label} {link(lk.text, lk.url)}"
        if entry.name_format == "bold":
            head = f"**{head}**"
    elif entry.name_format == "bold":
        head = f"**{name}**"
    else:
        head = name
    badges = [lk for lk in entry.links if _is_badge(lk)]
    if badges and entry.url is not None and entry.url_text is None:
        head = " ".join(f"[{lk.text}]({lk.url})" for lk in badges) + " " + head
    attrs = entry.attributes
    if _counts_in_head(entry, inline_attributes):
        if "count" in attrs:
            head += f" ({attrs['count']})"
        if "years" in attrs:
            head += f" {attrs['years']}"
        return head
    desc = entry.description if entry.description_format is None else ""
    group = [lk for lk in entry.links if _in_group(lk)]
    tags = (attrs.get("tags") or []) if desc else []  # tags are read only after a description
    if not desc and not group and entry.separator is not None and entry.separator.strip() == ".":
        head += entry.separator  # `[Name](url).`
    if desc or group:
        head += entry.separator if entry.separator is not None else CANONICAL_SEPARATOR
        head += lone_backticks_escaped(desc) if tags else desc
        if group:
            head += (" (" if desc else "(") + ", ".join(link(lk.label or lk.text or "", lk.url) for lk in group) + ")"
        if tags:
            head += " " + " ".join(f"`{t}`" for t in tags)
    return head


def _counts_in_head(entry: Entry, inline_attributes: bool = True) -> bool:
    attrs = entry.attributes
    return inline_attributes and entry.url is None and ("count" in attrs or "years" in attrs)


def _trailers_in_head(entry: Entry, inline_attributes: bool = True) -> bool:
    """Does the head line carry the `` `tags` `` (after a description only)?"""
    return not _counts_in_head(entry, inline_attributes) and bool(entry.description) and entry.description_format is None


def _group_in_head(entry: Entry, inline_attributes: bool = True) -> bool:
    """Does the head line carry the `([Data](…))` group (with or without a description)?"""
    return not _counts_in_head(entry, inline_attributes)


def _url_shown(url: str, text: str) -> str:
    """A url as its entry wrote it: bare (`https://x.org`, `www.x.org`) or as a link with its text."""
    bare = text == url or (text.lower().startswith("www.") and url == "http://" + text)
    return text if bare and not text.startswith(("<", "[")) else link(text, url)


def _is_badge(lk: Link) -> bool:
    return lk.label == BADGE and not lk.inline and bool(lk.text) and BADGE_TEXT.fullmatch(lk.text or "") is not None


def _second_name(entry: Entry, lk: Link) -> bool:
    """A second linked name shown on the head line: `[A](u) / [B](v)`."""
    return lk.label in JOIN_MARKS and bool(lk.text) and entry.url is not None and entry.url_text is None and not lk.inline


def _in_group(lk: Link) -> bool:
    """A link the head line's `([Data](…), [Code](…))` group shows: a label or a text, not both."""
    if lk.inline:
        return False
    if lk.label is not None:
        return lk.text is None or lk.text in (lk.label, lk.url)
    return lk.text not in (None, "", lk.url)


def extra_lines(entry: Entry, shown: tuple[str, ...] = (), links: bool = True, inline_attributes: bool = True) -> list[str]:
    """Sub-items for the values an entry's head line cannot show: `Title: value` fields for its
    attributes and `Label:` groups for its labelled links that have their own text (and for the
    group and tags when the line has no description to follow). The parser folds a trailing run
    of these back into the entry, so nothing is left nowhere."""
    lines: list[str] = []
    trailers = _trailers_in_head(entry, inline_attributes)
    shown = shown + (("tags",) if trailers else ()) + (("count", "years") if _counts_in_head(entry, inline_attributes) else ())
    for key, value in entry.attributes.items():
        if key in shown or key.startswith("_") or value in ("", [], None):
            continue
        title = key_title(key)
        lines.append(f"- {title}: {value_text(value).replace(chr(10), ' ')}")
    groups: dict[str, list[Link]] = {}
    for lk in entry.links if links else []:
        if lk.inline:
            continue
        if not lk.url and lk.text:  # a placeholder, `- dataset: [awaiting dataset]`
            lines.append(f"- {lk.label or 'Link'}: [{lk.text}]")
            continue
        if _in_group(lk):
            if not _group_in_head(entry, inline_attributes):
                groups.setdefault(lk.label or lk.text or "", []).append(lk)
        elif lk.label is not None and not _second_name(entry, lk) and not (_is_badge(lk) and entry.url is not None and entry.url_text is None):
            groups.setdefault(lk.label, []).append(lk)
    for label, group in groups.items():
        lines.append(f"- {label}{group[0].label_colon or ':'}")
        lines.extend(f"  - {link(lk.text or lk.label or '', lk.url)}" for lk in group)
    return lines


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


def _body_blocks(entry: Entry, first: list[list[str]], extras: list[str] | None = None) -> list[list[str]]:
    """Continuation blocks in source order: leading notes, children (then the extra values, in
    the same list), the other notes."""
    notes = [n.split("\n") for n in entry.notes]
    blocks = first + notes[: entry.leading_notes]
    sub = (_children_lines(entry) if entry.children else []) + (extras or [])
    if sub:
        if extras and not entry.children and entry.notes[entry.leading_notes :]:
            blocks = first + notes  # no children: the extra values come last of all
            return blocks + [sub]
        blocks.append(sub)
    return blocks + notes[entry.leading_notes :]


def _render_bullet_entry(entry: Entry, marker: str) -> list[str]:
    if entry.url is None and (entry.name_format == "bold" or entry.description or entry.attributes or any(not lk.inline for lk in entry.links)):
        # a plain name cannot be told from what follows it: `**Name** (40k) 2008 - 2019` + sub-items
        return _render_labelled_entry(entry, marker)
    if entry.description_format == "html" and entry.description:
        return _render_html_entry(entry, marker)
    if "\n\n" in entry.description.strip():  # paragraphs cannot stand on the head line: `<p>` blocks
        entry = copy.copy(entry)
        entry.description_format = "html"
        return _render_html_entry(entry, marker)
    return _render_head_entry(entry, marker)


def _render_head_entry(entry: Entry, marker: str) -> list[str]:
    """The head line (name, description, link group, tags), then notes and children, then the
    values the line has no place for as trailing sub-items."""
    if entry.description_format is not None:
        entry = copy.copy(entry)
        entry.description_format = None  # a description sub-item is read only under a bold name
    blocks = _body_blocks(entry, [], extra_lines(entry))
    # a note (HTML, code…) needs a blank line before it; a bare nested list does not
    return _item_lines(entry_head(entry), marker, blocks, blank_between=bool(entry.notes))


def _shaped(entry: Entry, formats: tuple[str | None, ...]) -> Entry:
    """The entry with a description format the shape at hand writes (`formats`), else the head
    line's (None): a hint carried from another list's shape (a merged entry) never hides the
    description."""
    if entry.description_format in formats:
        return entry
    entry = copy.copy(entry)
    entry.description_format = None
    return entry


def _render_html_entry(entry: Entry, marker: str) -> list[str]:
    """`- [Name](url)` then the description's `<p>` blocks: the first under the name, the others
    after the sub-list (all in a row when there is none), then notes."""
    if entry.url is None:  # a plain name: the labelled shape keeps it apart from what follows
        return _render_labelled_entry(_shaped(entry, (None, "item", "item-nested")), marker)
    entry = _shaped(entry, (None, "html"))
    paragraphs = [[f"<p>{p}</p>"] for p in entry.description.split("\n\n")] if entry.description and entry.description_format == "html" else []
    first, later = (paragraphs[:1], paragraphs[1:]) if entry.children else (paragraphs, [])
    blocks = _body_blocks(entry, first, extra_lines(entry)) + later
    # the first block follows the head directly; an HTML block ends only at a blank line
    lines = [f"{marker} {entry_head(entry)}".rstrip()]
    for i, b in enumerate(blocks):
        if i:
            lines.append("")
        lines.extend(_indent(b, len(marker) + 1))
    return lines


def _emphasised(name: str | None) -> bool:
    """`**Alzheimer’s Disease** Neuroimaging …`: a name that starts in bold is read as a name as it is."""
    return (name or "").startswith(("**", "__"))


# a description that, written as a sub-item (`- {description}`), would start another block there
_STARTS_A_BLOCK = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|#{1,6}(?:[ \t]|$)|[>|<]|```|~~~|(?:[*_-][ \t]*){3,}$")


def _render_labelled_entry(entry: Entry, marker: str) -> list[str]:
    if entry.url is not None:  # `- [Name](url) - …`: the bullet shape, with sub-items for the rest
        return _render_bullet_entry(entry, marker)
    entry = _shaped(entry, (None, "item", "item-nested"))
    if entry.description_format in ("item", "item-nested") and _STARTS_A_BLOCK.match(entry.description):
        entry = _shaped(entry, (None,))  # `- 00.` would be an empty numbered item: the head line holds it
    plain_head = not entry.description and not entry.attributes and not any(not lk.inline for lk in entry.links)
    if entry.name_format != "bold" and not _emphasised(entry.name) and not (plain_head and entry.children):
        # bold keeps a plain name apart from what follows it; a name over real children has nothing
        # following, and in bold its plain-link children would read back as its links
        entry = copy.copy(entry)
        entry.name_format = "bold"
    if (entry.children or entry.notes) and not _counts_in_head(entry):
        # real children end the labelled shape: `**Name** - Description ([Data](…))`, children,
        # then the other values as trailing sub-items
        return _render_head_entry(entry, marker)
    if entry.description and entry.description_format is None and _counts_in_head(entry):
        entry = copy.copy(entry)
        entry.description_format = "item"  # `**Name** (40k) 2008 - 2019` ends the line: a sub-item
    sub: list[str] = []
    groups: list[tuple[str | None, str, list[str]]] = []
    for lk in entry.links:
        if lk.inline:
            continue
        text = lk.text if lk.text is not None else lk.url
        if groups and groups[-1][0] == lk.label and lk.label is not None:
            groups[-1][2].append(link(text, lk.url))
        else:
            groups.append((lk.label, lk.label_colon or ":", [link(text, lk.url)]))
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
    sub.extend(extra_lines(entry, links=False))
    return _item_lines(entry_head(entry), marker, [sub] if sub else [], blank_between=False)


def _render_paragraph_entry(entry: Entry, marker: str) -> list[str]:
    head = link(entry.name or "", entry.url) if entry.url is not None else (entry.name or "")
    for lk in entry.links:
        if not lk.inline:
            head += f" | [{lk.label or lk.text or ''}]({lk.url})" if lk.url else f" | [{lk.text or lk.label or ''}]"
    for tag in entry.attributes.get("tags", []):
        head += f" | {tag}"
    lines = [head]
    if entry.description:
        lines.extend(f"  - {ln}" for ln in entry.description.split("\n"))
    return lines


def value_text(value: object) -> str:
    """An attribute value as one text (a list joined with commas)."""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _links_text(entry: Entry, label: str) -> str:
    want = label.lower()
    return ", ".join(
        link(lk.text if lk.text is not None else (lk.label or lk.url), lk.url) for lk in entry.links if (lk.label or "").lower() == want and not lk.inline
    )


def column_values(e: Entry, col: Column) -> tuple[str, str]:
    """What an entry shows in a column (a table cell, a `Title: value` field): (the attribute's
    text, the links labelled with the column's title). The one place a column's value is read,
    for tables and fields lists alike. When both are there they are shown apart (two fields, or
    a link column beside the attribute's), or the links would read back as part of the text."""
    text = value_text(e.attributes.get(col.key, "")) if col.role != "link" else ""
    return text, _links_text(e, col.title)


def column_value(e: Entry, col: Column) -> str:
    return " ".join(x for x in column_values(e, col) if x)


def key_title(key: str) -> str:
    """A title that reads back as `key` (`data_types` → `Data types`), or the key itself."""
    from awesomelint.parse.records import column_keys

    title = key.replace("_", " ").capitalize()
    return title if column_keys([title]) == [key] else key


def extra_columns(entries: list[Entry], columns: list[Column]) -> list[Column]:
    """Columns for values that no column shows: attribute keys and link labels of the entries
    (data edited by hand, merged lists). A value is never left out for want of a column."""
    from awesomelint.parse.records import column_keys

    have_keys = {c.key for c in columns}
    have_titles = {c.title.casefold() for c in columns if c.role in ("link", "attribute")}
    extra: list[Column] = []
    for e in entries:
        for key, value in e.attributes.items():
            if key.startswith("_") or key in have_keys or value in ("", [], None) or key == NAME_NOTE:
                continue
            title = key_title(key)
            if title.casefold() in have_titles:
                continue
            have_keys.add(key)
            have_titles.add(title.casefold())
            extra.append(Column(key, title, role="attribute", split=isinstance(value, list)))
        for lk in e.links:
            if lk.inline or lk.label is None or lk.label.casefold() in have_titles:
                continue
            have_titles.add(lk.label.casefold())
            key = column_keys([lk.label])[0]
            have_keys.add(key)
            extra.append(Column(key, lk.label, role="link"))
    return extra


def _cell(text: str) -> str:
    """Text made safe for a table cell: unescaped pipes escaped, line breaks as spaces."""
    return re.sub(r"(?<!\\)\|", r"\\|", text.replace("\n", " "))


def render_fields_list(block: EntryList, bullet: str = "-") -> str:
    """`- [Name](url) - Description` with one `  - Title: value` sub-item per field that has a value."""
    items = []
    extra = extra_columns(block.entries, block.columns)
    field_links = {c.title.lower() for c in block.columns + extra}
    for e in block.entries:
        head = copy.copy(_shaped(e, (None,)))  # the description stands on the head line
        head.links = [lk for lk in e.links if (lk.label or "").lower() not in field_links]  # shown as fields
        if e.url is None and e.name_format is None and (e.description or any(not lk.inline for lk in head.links)) and not _emphasised(e.name):
            head.name_format = "bold"  # `**Name** - Description`: a plain name would swallow what follows
        lines = [f"{bullet} {entry_head(head, inline_attributes=False)}".rstrip()]
        lines.extend(_indent(_children_lines(e), 2))  # before the fields: they end the item

        for col in block.columns + extra:
            for value in column_values(e, col):
                if value:
                    lines.append(f"  - {col.title}: {value.replace(chr(10), ' ')}")
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
    if text.isascii():
        return len(text)  # every ASCII character takes one column
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200b\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def table_columns(table: Table) -> list[Column]:
    """The table's columns, and one more for each value that none of them shows; an attribute
    column some row of which has both text and links gets a link column of the same title."""
    out: list[Column] = []
    for col in table.columns + extra_columns(table.entries, table.columns):
        if col.role == "attribute" and any(all(column_values(e, col)) for e in table.entries):
            text_only = copy.copy(col)  # the table's own column is not changed
            text_only.role = "attribute-text"
            out += [text_only, Column(col.key + "_links", col.title, role="link")]
        else:
            out.append(col)
    return out


def table_cells(table: Table) -> list[list[str]]:
    """The body cells of a table, as Markdown, from its entries."""
    rows = []
    columns = table_columns(table)
    url_column = any(col.role == "url" for col in columns)
    for e in table.entries:
        row = []
        for col in columns:
            if col.role == "name":
                cell = link(e.name or "", e.url) if e.url is not None and not url_column else (e.name or "")
                if e.attributes.get(NAME_NOTE) and e.url is not None and not url_column:
                    cell += f" {e.attributes[NAME_NOTE]}"
            elif col.role == "url":
                cell = _url_shown(e.url, e.url_text if e.url_text is not None else e.url) if e.url else column_value(e, col)
            elif col.role == "description":
                cell = e.description
            elif col.role == "attribute-text":
                cell = column_values(e, col)[0]
            else:
                cell = column_value(e, col)
            row.append(_cell(cell))
        rows.append(row)
    return rows


def render_table(table: Table) -> str:
    columns = table_columns(table)
    return format_table([c.title for c in columns], [c.align for c in columns], table_cells(table))


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
