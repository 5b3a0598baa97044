"""Block tokens → records: sections, entry lists, tables, prose.

Shapes recognised (see `model.py` for the style names):
bullet `- [Name](url) - Description`, html `- [Name](url)` + `<p>…</p>`, paragraph
`[Name](url) | [dataset](url)` + an indented list, labelled `- **Name** (40k) 2008 - 2019` with
`Intro:`/`Data:`/`Code:` groups, bold `__Name__` blocks with `Label: https://…` lines, and
table rows. Tables of contents and "back to top" links are navigation: kept as prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from awesomelint.anchors import plain_text
from awesomelint.model import (
    STYLE_BOLD,
    STYLE_BULLET,
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
from awesomelint.parse.blocks import Token
from awesomelint.parse.inline import (
    CANONICAL_SEPARATOR,
    LABEL_LINE,
    bare_urls,
    normalize_label,
    parse_head,
    split_leading_link,
    split_name_then_url,
    split_separator,
    split_trailers,
)

# a link whose text says nothing of the entry: the name is in another column
_GENERIC_TEXT = re.compile(
    r"(?i)\W*(?:links?|downloads?|here|website|site|web ?page|home ?page|url|data ?set|data|paper|code|source|repo(?:sitory)?"
    r"|下载链接|下载|链接|地址|官网|主页|网址|网站|数据集|enlace|descarga|lien|télécharger)?\W*"
)
_DESCRIPTION_TITLE = re.compile(r"(?i)descr|summary|about|overview|简介|描述|内容|概述|说明|介绍|beschreibung|descripción|descrição|описание|説明|概要")
_BARE_URL_CELL = re.compile(r"(?:https?://|www\.)[^\s<>\[\]|]+")
_NAME_TITLE = re.compile(r"(?i)\W*(name|dataset|data set|title|project|resource|api)\W*")
_CELL_LINK = re.compile(r"\[((?:[^\[\]\\\n]|\\[^\n])*)\]\(([^()\s]+)\)")
_ONLY_LINKS = re.compile(r"^\[(?:[^\[\]\\\n]|\\[^\n])*\]\([^()\s]+\)(?:[ \t]*(?:,[ \t]*)?\[(?:[^\[\]\\\n]|\\[^\n])*\]\([^()\s]+\))*$")
_FIELD_ITEM = re.compile(r"^(?P<title>[A-Za-z][^:\[\]\n]{0,38}?):[ \t]+(?P<value>\S.*)$")
_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>([^<\n]*)</h\1>\s*$", re.I)
_HTML_P = re.compile(r"^\s*<p>(.*)</p>\s*$", re.S)
_INLINE_LINK_HINT = re.compile(r"\[|<https?:|https?://", re.I)
_NAV_TEXT = re.compile(r"back to (?:top|contents|index)|^\W*(?:top|⬆|↑)", re.I)
# `[awaiting dataset]`, `[dataset pending]`: a few bracketed words standing where a link will go
_PLACEHOLDER = re.compile(r"\[\w[\w \t-]{0,40}\]")
_SEP_PARTS = re.compile(r"(?<![ \t])[ \t]+\|[ \t]+")
# a link's text stops at the next bracket, so each `[` is looked at once (linear on `[[[[…`)
_ITEM_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)")


class RecordBuilder:
    def __init__(self, lines: list[str], env: dict[str, Any], path: str) -> None:
        self.lines = lines
        self.env = env
        self.refs: dict[str, Any] = {normalize_label(k): v for k, v in env.get("ref_links", {}).items()}
        self.path = path
        self._inline: Any = None

    # -- helpers --------------------------------------------------------------------------
    def raw(self, line: int, end_line: int) -> str:
        return "\n".join(self.lines[line - 1 : end_line])

    def inline_links(self, text: str, line: int) -> list[Link]:
        """Every link in a piece of inline Markdown (images' targets excluded), with lines."""
        if not _INLINE_LINK_HINT.search(text):
            return []
        if self._inline is None:
            from awesomelint.parse.blocks import markdown

            self._inline = markdown().inline
        env = {"ref_links": self.env.get("ref_links", {})}
        tokens = self._inline(text, env)
        out: list[Link] = []

        def walk(toks: list[dict[str, Any]]) -> None:
            for t in toks:
                if t["type"] == "link":
                    url = t["attrs"]["url"]
                    out.append(Link(None, url, _tokens_text(t.get("children", [])), line + _line_offset(text, url)))
                    walk([c for c in t.get("children", []) if c["type"] != "image"])
                elif "children" in t:
                    walk(t["children"])

        walk(tokens)
        return out

    # -- document -------------------------------------------------------------------------
    def document(self, tokens: list[Token], front_matter: str | None) -> Document:
        doc = Document(path=self.path, front_matter=front_matter)
        stack: list[Section] = []
        content = doc.intro
        i = 0
        n = len(tokens)
        while i < n:
            tok = tokens[i]
            typ = tok["type"]
            if typ == "blank_line":
                i += 1
                continue
            if typ == "heading":
                level = tok["attrs"]["level"]
                title = tok["text"].strip()
                if tok.get("style") == "setext":
                    title = title.replace("\n", " ")
                if level == 1 and doc.title is None and not doc.sections and not stack:
                    doc.title = title
                    doc.title_line = tok["line"]
                    i += 1
                    continue
                sec = Section(title=title, level=level, line=tok["line"], end_line=tok["end_line"])
                if level >= 2 and title.startswith("["):
                    head = parse_head(title, self.refs)
                    if head.name_kind == "link" and head.url:
                        sec.entry = Entry(head.name, head.url, head.description, line=tok["line"], end_line=tok["end_line"])
                        sec.entry.separator = head.separator if head.separator not in (None, CANONICAL_SEPARATOR) else None
                while stack and stack[-1].level >= level:
                    stack.pop()
                (stack[-1].sections if stack else doc.sections).append(sec)
                stack.append(sec)
                content = sec.content
                i += 1
                continue
            html_heading = _HTML_HEADING.match(tok.get("raw", "")) if typ == "block_html" else None
            if html_heading:
                level = int(html_heading.group(1))
                sec = Section(plain_text(html_heading.group(2)), level, tok["line"], tok["end_line"])
                sec.markdown = self.raw(tok["line"], tok["end_line"])
                while stack and stack[-1].level >= level:
                    stack.pop()
                (stack[-1].sections if stack else doc.sections).append(sec)
                stack.append(sec)
                content = sec.content
                i += 1
                continue
            consumed, blocks = self.blocks_at(tokens, i)
            content.extend(blocks)
            i += consumed
        self._close_sections(doc.sections)
        doc.style = _dominant_style(doc)
        return doc

    def _close_sections(self, sections: list[Section]) -> None:
        for s in sections:
            if s.entry is not None and not s.entry.description and s.content:
                first = s.content[0]
                if isinstance(first, Prose) and first.kind == "prose":
                    s.entry.description = first.markdown
                    s.entry.description_format = "paragraph"
                    s.entry.end_line = first.end_line
                    s.entry.links.extend(self._inline_only(first.markdown, first.line))
            ends = [s.end_line] + [b.end_line for b in s.content]
            self._close_sections(s.sections)
            ends += [c.end_line for c in s.sections]
            s.end_line = max(ends)

    def blocks_at(self, tokens: list[Token], i: int) -> tuple[int, list[Block]]:
        tok = tokens[i]
        typ = tok["type"]
        if typ == "paragraph":
            entry_count = self._paragraph_entries(tokens, i)
            if entry_count:
                return entry_count
            bold = self._bold_entry(tok)
            if bold is not None:
                return 1, [bold]
        if typ == "list":
            return 1, [self.list_block(tok)]
        if typ == "table":
            return 1, [self.table_block(tok)]
        kind = {"block_html": "html", "block_code": "code", "ref_def": "reference"}.get(typ, "prose")
        return 1, [Prose(self.raw(tok["line"], tok["end_line"]), kind, tok["line"], tok["end_line"])]

    # -- lists ----------------------------------------------------------------------------
    def list_block(self, tok: Token) -> Block:
        raw = self.raw(tok["line"], tok["end_line"])
        if _is_navigation_list(tok):
            return Prose(raw, "toc", tok["line"], tok["end_line"])
        entries = [self.item_entry(it) for it in tok["children"]]
        if not any(_has_link(e) for e in entries):
            return Prose(raw, "list", tok["line"], tok["end_line"])
        style = STYLE_BULLET
        columns = _fold_fields(entries, self._field_value)
        if columns:
            for e in entries:
                _drop_private(e)
            return EntryList(STYLE_FIELDS, entries, tok["line"], tok["end_line"], loose=not tok.get("tight", True), columns=columns)
        for e in entries:
            self._fold_extras(e)
            self._name_then_url(e)
            if _named_over_one_link(e):
                self._fold_labelled(e)  # `- PhysioNet website` over its one link: the link is the entry's
        if any(e.description_format == "html" for e in entries):
            style = STYLE_HTML
        elif any(e.attributes.get("_labelled") for e in entries):
            style = STYLE_LABELLED
        for e in entries:
            _drop_private(e)
        return EntryList(style, entries, tok["line"], tok["end_line"], loose=not tok.get("tight", True))

    def item_entry(self, item: Token) -> Entry:
        children = item["children"]
        entry = Entry(name=None, url=None, line=item["line"], end_line=item["end_line"], marker=item.get("marker", "-"))
        rest = children
        after: list[tuple[str, str, int]] = []
        if children and children[0]["type"] in ("paragraph", "block_text"):
            first = children[0]
            self._apply_head(entry, first["text"].rstrip("\n"), first["line"])
            rest = children[1:]
        for child in rest:
            typ = child["type"]
            if typ == "blank_line":
                continue
            if typ == "list":
                if not entry.children:
                    entry.leading_notes = len(entry.notes)
                entry.children.extend(self.item_entry(it) for it in child["children"])
                entry.loose_children = entry.loose_children or not child.get("tight", True)
                continue
            raw = self._dedent(child["line"], child["end_line"])
            paragraph = _html_paragraph(raw) if typ == "block_html" else None
            if paragraph is not None and not entry.description and not entry.notes and not entry.children:
                entry.description = paragraph  # `<p>` first of all: the description
                entry.description_format = "html"
                entry.links.extend(self._inline_only(paragraph, child["line"]))
                continue
            if paragraph is not None and entry.children and entry.description_format == "html" and len(entry.notes) == entry.leading_notes:
                after.append((paragraph, raw, child["line"]))  # right after the sub-list: more of it, if last
                continue
            for _, kept, at in after:  # something follows: those paragraphs were notes
                entry.notes.append(kept)
                entry.links.extend(self._inline_only(kept, at))
            after = []
            entry.notes.append(raw)
            entry.links.extend(self._inline_only(raw, child["line"]))
        for paragraph, _, at in after:  # the last blocks, after the sub-list: the description's end
            entry.description += f"\n\n{paragraph}"
            entry.links.extend(self._inline_only(paragraph, at))
        if not entry.children:
            entry.leading_notes = len(entry.notes)
        partly_bold = entry.name_format is None and (entry.name or "").startswith(("**", "__"))
        if entry.url is None and (entry.name_format == "bold" or "count" in entry.attributes or partly_bold):
            self._fold_labelled(entry)
        return entry

    def _apply_head(self, entry: Entry, text: str, line: int) -> None:
        head = parse_head(text, self.refs)
        entry.name = head.name
        entry.url = head.url
        if head.name_kind == "bold":
            entry.name_format = "bold"
        if head.separator is not None and head.separator != CANONICAL_SEPARATOR:
            entry.separator = head.separator
        entry.description = head.description
        entry.attributes.update(head.attributes)
        if head.tags:
            entry.attributes["tags"] = head.tags
        for mark, link_text, url in head.joined:
            entry.links.append(Link(mark, url, link_text, line))
        for label, url in head.group:
            entry.links.append(Link(label, url, None, line + _line_offset(text, url)))
        if head.name_kind == "text":
            entry.links.extend(self._inline_only(text, line))
            if not entry.links:
                entry.links.extend(Link(None, u, None, line) for _, u in bare_urls(text))
        else:
            if head.name_kind == "link" and head.name and "[" in head.name:
                entry.links.extend(self._inline_only(head.name, line))  # badge inside the name
            entry.links.extend(self._inline_only(head.description, line + _line_offset(text, head.description[:20])))

    def _inline_only(self, text: str, line: int) -> list[Link]:
        links = self.inline_links(text, line)
        for link in links:
            link.inline = True
        return links

    def _dedent(self, line: int, end_line: int) -> str:
        lines = [ln.expandtabs(4) for ln in self.lines[line - 1 : end_line]]
        widths = [len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()]
        cut = min(widths) if widths else 0
        return "\n".join(ln[cut:] for ln in lines)

    def _fold_extras(self, entry: Entry) -> None:
        """The values under an entry, written as its last sub-items: `Title: value` fields and
        `Label:` groups of plain links (how a list shows what its head line has no place for).
        Only a trailing run of such sub-items is folded, at every depth; real children stay."""
        for child in entry.children:
            self._fold_extras(child)
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
                title = _label(title)
                colon = (child.name or "").rstrip()[-1:]
                for c in child.children:
                    entry.links.append(Link(title, c.url or "", c.name, c.line, label_colon=None if colon == ":" else colon))
            else:
                self._field_value(entry, Column(column_keys([title])[0], title), value, child.line)
        entry.children = entry.children[: len(entry.children) - len(trailing)]

    def _name_then_url(self, entry: Entry) -> None:
        """`MySQL - [awesome-mysql](u) - text` or `2019 - https://…`: the plain-text name before
        the link is the name, the link is the url (at every depth; read after the fields and
        groups under an entry were folded, so `Paper: [x](u)` sub-items stay fields)."""
        for child in entry.children:
            self._name_then_url(child)
        if entry.url is not None or entry.name_format is not None or entry.description or not entry.name or entry.attributes:
            return
        if "\n" in entry.name:
            return
        found = split_name_then_url(entry.name, self.refs)
        if found is None:
            return
        head_links = [lk for lk in entry.links if lk.line == entry.line and lk.inline]
        entry.links = [lk for lk in entry.links if lk not in head_links]
        entry.links = [lk for lk in entry.links if not (lk.label is None and lk.url == found.url and lk.line == entry.line)]
        entry.name, entry.url, entry.url_text = found.name, found.url, found.text
        entry.url_separator = found.separator if found.separator != CANONICAL_SEPARATOR else None
        separator, description = split_separator(found.rest)
        group: list[tuple[str, str]] = []
        tags: list[str] = []
        if separator is not None:
            description, group, tags = split_trailers(description)
        entry.separator = separator if separator not in (None, CANONICAL_SEPARATOR) else None
        entry.description = description
        for label, url in group:
            entry.links.append(Link(label, url, None, entry.line))
        if tags:
            entry.attributes["tags"] = tags
        entry.links[:0] = self._inline_only(description, entry.line)

    def _fold_labelled(self, entry: Entry) -> None:
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
            if label_m and child.children and all(_is_plain_link(c) for c in child.children) and not child.notes:
                label = _label(label_m.group("label"))
                colon = (child.name or "").rstrip()[-1:]
                for c in child.children:
                    links.append(Link(label, c.url or "", c.name, c.line, label_colon=None if colon == ":" else colon))
                continue
            if _is_plain_link(child):
                links.append(Link(None, child.url or "", child.name, child.line))
                continue
            if (
                i == 0
                and not description
                and child.url is None
                and not child.notes
                and not [lk for lk in child.links if not lk.inline]
                and all(_is_plain_link(c) for c in child.children)
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
        entry.links = [lk for lk in entry.links if lk.inline] + links
        entry.children = fields
        entry.attributes["_labelled"] = True

    # -- paragraph shapes -------------------------------------------------------------------
    def _paragraph_entries(self, tokens: list[Token], i: int) -> tuple[int, list[Block]] | None:
        """`[Name](url) | [dataset](url)` paragraphs, each with an optional describing list."""
        entries: list[Entry] = []
        j = i
        n = len(tokens)
        while j < n:
            tok = tokens[j]
            if tok["type"] == "blank_line":
                j += 1
                continue
            if tok["type"] != "paragraph":
                break
            k = j + 1
            described = k < n and tokens[k]["type"] == "list" and tokens[k]["line"] == tok["end_line"] + 1
            entry = self._paragraph_entry(tok)
            if entry is None and entries:
                entry = _plain_name_entry(tok)  # among linked entries: one listed with no link (yet)
            if entry is None:
                break
            if described:
                lst = tokens[k]
                items = lst["children"]
                if not all(len(it["children"]) == 1 and it["children"][0]["type"] in ("paragraph", "block_text") for it in items):
                    break
                entry.description = "\n".join(it["children"][0]["text"].strip() for it in items)
                entry.end_line = lst["end_line"]
                for it in items:
                    entry.links.extend(self._inline_only(it["children"][0]["text"], it["line"]))
                k += 1
            elif entry.url is not None and not _only_links(tok["text"]):
                break
            entries.append(entry)
            j = k
        if not entries:
            return None
        _label_placeholders(entries)
        while tokens[j - 1]["type"] == "blank_line":
            j -= 1
        block = EntryList(STYLE_PARAGRAPH, entries, entries[0].line, entries[-1].end_line, loose=True)
        return j - i, [block]

    def _paragraph_entry(self, tok: Token) -> Entry | None:
        text = tok["text"].rstrip("\n")
        if "\n" in text or not text.startswith("["):
            return None
        link = split_leading_link(text, self.refs)
        if link is None:
            return None
        head = parse_head(text, self.refs)
        entry = Entry(head.name, head.url, line=tok["line"], end_line=tok["end_line"])
        rest = link.rest.strip()
        if rest:
            if not rest.startswith("|"):
                return None
            for part in _SEP_PARTS.split(" " + rest)[1:]:
                part = part.strip()
                pl = split_leading_link(part, self.refs)
                if pl is not None and not pl.rest.strip():
                    url = pl.dest if pl.dest is not None else self.refs.get(normalize_label(pl.ref or ""), {}).get("url", "")
                    entry.links.append(Link(pl.text, url, None, tok["line"]))
                elif _PLACEHOLDER.fullmatch(part):
                    # `[awaiting dataset]`: the place of a link that has no url yet (labelled below)
                    entry.links.append(Link(None, "", part[1:-1], tok["line"]))
                else:
                    entry.attributes.setdefault("tags", []).append(part)
        return entry

    def _bold_entry(self, tok: Token) -> EntryList | None:
        """`__Name__` + description lines + `Label: https://…` lines (one paragraph)."""
        text = tok["text"].rstrip("\n")
        lines = text.split("\n")
        m = re.match(r"^(\*\*|__)(?=\S)(.+?)(?<=\S)\1[ \t]*$", lines[0].rstrip())
        if not m or len(lines) < 2:
            return None
        entry = Entry(m.group(2), None, line=tok["line"], end_line=tok["end_line"])
        desc: list[str] = []
        for n, ln in enumerate(lines[1:], start=1):
            lm = re.match(r"^([^:\n]{1,40}?):[ \t]+(\S+)[ \t]*$", ln.rstrip())
            urls = bare_urls(ln)
            if lm and urls and urls[0][1].startswith(lm.group(2).rstrip(".,;")[:8]):
                entry.links.append(Link(lm.group(1).strip(), urls[0][1], None, tok["line"] + n))
            else:
                desc.append(ln.rstrip())
                entry.links.extend(self._inline_only(ln, tok["line"] + n))
                entry.links.extend(Link(None, u, None, tok["line"] + n, True) for _, u in bare_urls(ln) if "](" not in ln)
        if not any(not lk.inline for lk in entry.links):
            return None
        entry.description = "\n".join(desc)
        return EntryList(STYLE_BOLD, [entry], tok["line"], tok["end_line"])

    # -- tables ---------------------------------------------------------------------------
    def table_block(self, tok: Token) -> Block:
        header = tok["header"]
        # in a GFM cell `\|` is a literal pipe: the records hold the pipe, rendering escapes it again
        rows = [dict(r, cells=[c.replace("\\|", "|") for c in r["cells"]]) for r in tok["rows"]]
        raw = self.raw(tok["line"], tok["end_line"])
        keys = column_keys(header)
        name_col = None
        if any("](" in cell for r in rows for cell in r["cells"]):
            name_col = next((c for c, t in enumerate(header) if _NAME_TITLE.fullmatch(plain_text(t))), None)
        if name_col is None:
            for c in range(len(header)):
                cells = [r["cells"][c] for r in rows if c < len(r["cells"]) and r["cells"][c]]
                if cells and sum(1 for cell in cells if split_leading_link(cell, self.refs)) * 2 > len(cells):
                    name_col = c
                    break
        url_col = None
        if name_col is None or self._generic_links(rows, name_col):
            # the links (or bare urls) are the urls; the name is the first column of plain text
            link_col = name_col if name_col is not None else self._bare_url_column(rows, len(header))
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
        for c, col in enumerate(columns):
            if col.role != "attribute":
                continue
            cells = [r["cells"][c] for r in rows if c < len(r["cells"]) and r["cells"][c]]
            if cells and all(_ONLY_LINKS.match(cell) for cell in cells):
                col.role = "link"
                continue
            col.split = _is_list_column(cells)
        entries = []
        for r in rows:
            cells = r["cells"]
            e = Entry(None, None, line=r["line"], end_line=r["line"])
            for c, col in enumerate(columns):
                cell = cells[c] if c < len(cells) else ""
                if col.role == "name":
                    link = split_leading_link(cell, self.refs)
                    if link and not link.rest.strip():
                        head = parse_head(cell, self.refs)
                        e.name, e.url = head.name, head.url
                    else:
                        e.name = cell
                        e.links.extend(self._inline_only(cell, r["line"]))
                elif col.role == "url":
                    self._url_cell(e, col, cell, r["line"])
                elif col.role == "description":
                    e.description = cell
                    e.links.extend(self._inline_only(cell, r["line"]))
                else:
                    self._field_value(e, col, cell, r["line"])
            entries.append(e)
        return Table(columns, entries, tok["line"], tok["end_line"])

    def _generic_links(self, rows: list[dict[str, Any]], c: int) -> bool:
        """Most cells of the column are a link whose text names nothing: `[Download](u)`, a badge."""
        cells = [r["cells"][c] for r in rows if c < len(r["cells"]) and r["cells"][c].strip()]
        generic = 0
        for cell in cells:
            link = split_leading_link(cell.strip(), self.refs)
            if link is not None and not link.rest.strip() and (_GENERIC_TEXT.fullmatch(plain_text(link.text)) or link.text.startswith("![")):
                generic += 1
        return bool(cells) and generic * 2 > len(cells)

    def _bare_url_column(self, rows: list[dict[str, Any]], width: int) -> int | None:
        for c in range(width):
            cells = [r["cells"][c].strip() for r in rows if c < len(r["cells"]) and r["cells"][c].strip()]
            if cells and sum(1 for cell in cells if _BARE_URL_CELL.fullmatch(cell)) * 2 > len(cells):
                return c
        return None

    def _url_cell(self, e: Entry, col: Column, cell: str, line: int) -> None:
        """A cell of the url column: one link (its text kept) or one bare url; anything else is
        the column's attribute, as in any other column."""
        text = cell.strip()
        link = split_leading_link(text, self.refs) if text.startswith("[") else None
        if link is not None and not link.rest.strip() and link.dest is not None:
            e.url, e.url_text = link.dest, link.text
        elif text.startswith(("http://", "https://")) and _BARE_URL_CELL.fullmatch(text):
            e.url = e.url_text = text
        else:
            self._field_value(e, col, cell, line)

    def _field_value(self, e: Entry, col: Column, value: str, line: int) -> None:
        """One table cell or `Title: value` field: a value that is only links is those links
        (labelled with the column); any other value is the attribute, with the links in its
        text read from it (derived, `inline`). One source of truth either way."""
        if value and _ONLY_LINKS.match(value):
            e.links.extend(Link(col.title, url, text, line) for text, url in _CELL_LINK.findall(value))
            return
        if value and _PLACEHOLDER.fullmatch(value) and normalize_label(value[1:-1]) not in self.refs:
            e.links.append(Link(col.title, "", value[1:-1], line))  # `[awaiting dataset]`: no url yet
            return
        found = self.inline_links(value, line) if value else []
        for lk in found:
            lk.label = col.title
            lk.inline = True
        e.links.extend(found)
        if col.split and value and not found:
            e.attributes[col.key] = [p.strip() for p in value.split(",")]
        elif value or col.role == "attribute":
            e.attributes[col.key] = value


def _named_over_one_link(e: Entry) -> bool:
    """`- `PhysioNet` website` with one plain link under it (a top-level item): a name and its link."""
    return (
        e.url is None
        and not e.description
        and len(e.children) == 1
        and _is_plain_link(e.children[0])
        and not e.links
        and not LABEL_LINE.match(e.name or "")  # `- Data:` over links is a group of its parent's
    )


def _label_placeholders(entries: list[Entry]) -> None:
    """A placeholder takes the label of the links it stands for: `[awaiting dataset]` among
    `[dataset](…)` links is the `dataset` link, without a url yet."""
    labels = {lk.label for e in entries for lk in e.links if lk.url and lk.label}
    for e in entries:
        for lk in e.links:
            if not lk.url and lk.text:
                words = lk.text.split()
                lk.label = next((w for w in words if w in labels), lk.text)


def _plain_name_entry(tok: Token) -> Entry | None:
    """A short one-line paragraph with no link among paragraph entries: a name without a url."""
    text = tok["text"].strip()
    if "\n" in text or len(text) > 100 or _INLINE_LINK_HINT.search(text) or text[-1:] in ".:!?;," or text.startswith(("<", "#", ">", "|")):
        return None
    return Entry(text, None, line=tok["line"], end_line=tok["end_line"])


def _html_paragraph(raw: str) -> str | None:
    """The text of a one-paragraph `<p>…</p>` block (not empty, no nested `<p>`, no blank line)."""
    m = _HTML_P.match(raw)
    if m is None or not m.group(1).strip() or "<p" in m.group(1) or "\n\n" in m.group(1):
        return None
    return m.group(1)


def _fold_fields(entries: list[Entry], field_value: Callable[[Entry, Column, str, int], None]) -> list[Column]:
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
            m = _FIELD_ITEM.match(c.name or "") if c.url is None and not c.children and not c.notes else None
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
        if values and all(_ONLY_LINKS.match(v) for v in values):
            col.role = "link"
    for e, fields in zip(entries, parsed):
        first_field = e.children[0].line if e.children else e.end_line + 1
        e.children = []
        e.links = [lk for lk in e.links if lk.line < first_field]  # the head's own (on all its lines)
        for title, value in fields:
            field_value(e, columns[title], value, e.line)
    for col in columns.values():
        values = [e.attributes[col.key] for e in entries if col.role == "attribute" and col.key in e.attributes]
        if col.role == "attribute" and _is_list_column([v for v in values if isinstance(v, str)]):
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


def _plain_column(rows: list[dict[str, Any]], width: int, skip: int | None) -> int | None:
    """The first column with text in most rows and no link or url in any: the names."""
    for c in range(width):
        if c == skip:
            continue
        cells = [r["cells"][c] for r in rows if c < len(r["cells"])]
        filled = [x for x in cells if x.strip()]
        if filled and len(filled) * 2 > len(cells) and not any(_INLINE_LINK_HINT.search(x) or "www." in x for x in filled):
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


def _is_list_column(cells: list[str]) -> bool:
    if not cells or not any(", " in c for c in cells):
        return False
    for c in cells:
        if re.search(r"\d|\[|`|<", c):
            return False
        if any(len(p.split()) > 4 or not p.strip() for p in c.split(",")):
            return False
    return True


def _tokens_text(tokens: list[dict[str, Any]]) -> str:
    out = []
    for t in tokens:
        if "raw" in t:
            out.append(t["raw"])
        elif t["type"] == "image":
            out.append(t.get("attrs", {}).get("alt", "") or _tokens_text(t.get("children", [])))
        elif "children" in t:
            out.append(_tokens_text(t["children"]))
        elif t["type"] in ("softbreak", "linebreak"):
            out.append(" ")
    return "".join(out)


def _line_offset(text: str, needle: str) -> int:
    if not needle or "\n" not in text:
        return 0
    pos = text.find(needle)
    return text.count("\n", 0, pos) if pos > 0 else 0


def _only_links(text: str) -> bool:
    """A one-line paragraph that is nothing but links separated by `|`."""
    parts = _SEP_PARTS.split(text.strip())
    return all(p.startswith("[") and p.rstrip().endswith(")") for p in parts)


def _label(text: str) -> str:
    """A link group's label as a role: `intro` is `Intro` (its first letter capitalised)."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _extra_shape(child: Entry) -> tuple[str, str, str] | None:
    """("group", label, "") for `- Label:` over plain links, ("field", title, value) for
    `- Title: value`, None for anything else (a real child entry)."""
    if child.url is not None or child.notes:
        return None
    if child.children:
        m = LABEL_LINE.match(child.name or "")
        if m and all(_is_plain_link(c) for c in child.children):
            return ("group", m.group("label").strip(), "")
        return None
    m = _FIELD_ITEM.match(child.name or "")
    if m is None or not child.description == "" or child.separator is not None:
        return None
    return ("field", m.group("title").strip(), m.group("value").strip())


def _is_plain_link(e: Entry) -> bool:
    return bool(e.url) and not e.description and not e.children and not e.notes and e.separator is None


def _has_link(e: Entry) -> bool:
    return bool(e.url or e.links or any(_has_link(c) for c in e.children))


def _drop_private(e: Entry) -> None:
    for key in [k for k in e.attributes if k.startswith("_")]:
        del e.attributes[key]
    for c in e.children:
        _drop_private(c)


def _item_links(item: Token) -> list[tuple[str, str]]:
    """(text, url-or-ref) of every inline link written in a list item's own text."""
    out = []
    for child in item["children"]:
        if child["type"] in ("paragraph", "block_text"):
            out.extend(_ITEM_LINK.findall(child["text"]))
    return out


def _is_navigation_list(tok: Token) -> bool:
    """A table of contents: every link of every item (nested too) is an in-page `#anchor`."""
    total = 0
    anchors = 0
    stack = [tok]
    while stack:
        lst = stack.pop()
        for item in lst["children"]:
            for text, url in _item_links(item):
                total += 1
                if url.startswith("#") or _NAV_TEXT.search(text):
                    anchors += 1
            stack.extend(c for c in item["children"] if c["type"] == "list")
    return total > 0 and anchors == total


def _dominant_style(doc: Document) -> str | None:
    counts: dict[str, int] = {}
    for _, block in doc.iter_blocks():
        if isinstance(block, EntryList):
            counts[block.style] = counts.get(block.style, 0) + len(block.entries)
        elif isinstance(block, Table):
            counts["table"] = counts.get("table", 0) + len(block.entries)
    return max(counts, key=lambda k: counts[k]) if counts else None
