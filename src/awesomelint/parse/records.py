"""Block tokens → records: the document, its sections, and the registry of list shapes.

`RecordBuilder` walks the blocks, makes sections of headings, and asks the shapes registered in
`PARAGRAPH_SHAPES` and `BLOCK_SHAPES` to read entries; what no shape reads is prose, kept byte
for byte. Each shape lives in `parse/shapes/` (its module docstring shows it in Markdown); the
builder also holds what they share: the entry-head reader (`apply_head`), inline links, raw lines.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from typing import Any

from awesomelint.anchors import plain_text
from awesomelint.model import (
    Block,
    Document,
    Entry,
    EntryList,
    Link,
    Prose,
    Section,
    Table,
)
from awesomelint.parse.blocks import Token
from awesomelint.parse.shapes import bold, bullet, heading, labelled, name_first, paragraph, table
from awesomelint.parse.shapes.common import INLINE_LINK_HINT, line_offset
from awesomelint.parse.shapes.fields import column_keys

__all__ = ["RecordBuilder", "column_keys"]
from awesomelint.parse.inline import (
    BADGE,
    CANONICAL_SEPARATOR,
    bare_urls,
    normalize_label,
    parse_head,
)

# the shapes, one module each (`parse/shapes/`): a new shape is a module and a line here
PARAGRAPH_SHAPES: tuple[Callable[[RecordBuilder, list[Token], int], tuple[int, list[Block]] | None], ...] = (paragraph.read, bold.read)
BLOCK_SHAPES: dict[str, Callable[[RecordBuilder, Token], Block]] = {"list": bullet.read, "table": table.read}
# shapes that reread a list item after it was read (in this order): values under it, a name before its url…
ITEM_FOLDS: tuple[Callable[[RecordBuilder, Entry], None], ...] = (labelled.fold_extras, name_first.fold, labelled.fold_one_link)

_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>([^<\n]*)</h\1>\s*$", re.I)


_NEWLINE = re.compile("\n")


class TextLines:
    """A text's lines by number, from where each starts: no list of line strings (on a list of
    100k entries that list is 16 MB, held beside the tokens while the records are built)."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = array("q", [0])
        self.starts.extend(m.end() for m in _NEWLINE.finditer(text))
        self.starts.append(len(text) + 1)

    def join(self, first: int, stop: int) -> str:
        """`"\n".join(lines[first:stop])`, as a slice of the text."""
        span = range(len(self.starts) - 1)[first:stop]
        return self.text[self.starts[span.start] : self.starts[span.stop] - 1] if span else ""


class RecordBuilder:
    def __init__(self, text: str, env: dict[str, Any], path: str) -> None:
        self.lines = TextLines(text)
        self.env = env
        self.refs: dict[str, Any] = {normalize_label(k): v for k, v in env.get("ref_links", {}).items()}
        self.path = path
        self._inline: Any = None
        self.item_folds = ITEM_FOLDS

    # -- helpers --------------------------------------------------------------------------
    def raw(self, line: int, end_line: int) -> str:
        return self.lines.join(line - 1, end_line)

    def inline_links(self, text: str, line: int) -> list[Link]:
        """Every link in a piece of inline Markdown (images' targets excluded), with lines."""
        if not INLINE_LINK_HINT.search(text):
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
                    out.append(Link(None, url, _tokens_text(t.get("children", [])), line + line_offset(text, url)))
                    walk([c for c in t.get("children", []) if c["type"] != "image"])
                elif "children" in t:
                    walk(t["children"])

        walk(tokens)
        return out

    # -- document -------------------------------------------------------------------------
    def document(self, tokens: list[Token], front_matter: str | None, shed: bool = False, title_open: bool = True) -> Document:
        """`title_open`: a first level-1 heading before any section is the title (not when the
        tokens are a later part of a file, whose first part settled the title)."""
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
                if level == 1 and title_open and doc.title is None and not doc.sections and not stack:
                    doc.title = title
                    doc.title_line = tok["line"]
                    i += 1
                    continue
                sec = Section(title=title, level=level, line=tok["line"], end_line=tok["end_line"])
                if level >= 2:
                    sec.entry = heading.section_entry(title, tok, self.refs)
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
            if shed:
                for j in range(i, i + consumed):
                    if tokens[j]["type"] == "list":
                        tokens[j] = _shed(tokens[j])
            i += consumed
        self._close_sections(doc.sections)
        doc.style = _dominant_style(doc)
        return doc

    def _close_sections(self, sections: list[Section]) -> None:
        for s in sections:
            heading.describe(self, s)
            ends = [s.end_line] + [b.end_line for b in s.content]
            self._close_sections(s.sections)
            ends += [c.end_line for c in s.sections]
            s.end_line = max(ends)

    def blocks_at(self, tokens: list[Token], i: int) -> tuple[int, list[Block]]:
        """The block(s) starting at token i: the first registered shape that reads them, else prose."""
        tok = tokens[i]
        typ = tok["type"]
        if typ == "paragraph":
            for read in PARAGRAPH_SHAPES:
                found = read(self, tokens, i)
                if found is not None:
                    return found
        if typ in BLOCK_SHAPES:
            return 1, [BLOCK_SHAPES[typ](self, tok)]
        kind = {"block_html": "html", "block_code": "code", "ref_def": "reference"}.get(typ, "prose")
        return 1, [Prose(self.raw(tok["line"], tok["end_line"]), kind, tok["line"], tok["end_line"])]

    def apply_head(self, entry: Entry, text: str, line: int) -> None:
        head = parse_head(text, self.refs)
        entry.name = head.name
        entry.url = head.url
        if head.name_kind == "bold":
            entry.name_format = "bold"
        elif head.bracketed:
            entry.name_format = "brackets"
        if head.separator is not None and head.separator != CANONICAL_SEPARATOR:
            entry.separator = head.separator
        entry.description = head.description
        entry.attributes.update(head.attributes)
        if head.tags:
            entry.attributes["tags"] = head.tags
        for image, url in head.badges:
            entry.links.append(Link(BADGE, url, image, line))
        for mark, link_text, url in head.joined:
            entry.links.append(Link(mark, url, link_text, line))
        for label, url in head.group:
            entry.links.append(Link(label, url, None, line + line_offset(text, url)))
        if head.name_kind == "text":
            entry.links.extend(self.inline_only(text, line))
            if not entry.links:
                entry.links.extend(Link(None, u, None, line) for _, u in bare_urls(text))
        else:
            if head.name_kind == "link" and head.name and "[" in head.name:
                entry.links.extend(self.inline_only(head.name, line))  # badge inside the name
            entry.links.extend(self.inline_only(head.description, line + line_offset(text, head.description[:20])))

    def inline_only(self, text: str, line: int) -> list[Link]:
        links = self.inline_links(text, line)
        for link in links:
            link.inline = True
        return links

    def dedent(self, line: int, end_line: int) -> str:
        lines = [ln.expandtabs(4) for ln in self.lines.join(line - 1, end_line).split("\n")]
        widths = [len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()]
        cut = min(widths) if widths else 0
        return "\n".join(ln[cut:] for ln in lines)

    # -- paragraph shapes -------------------------------------------------------------------
    # -- tables ---------------------------------------------------------------------------


def _shed(lst: Token) -> Token:
    """A list token with only the descendants code lines and suppressions are read from, in
    document order (pre-order, as their walks visit them)."""
    kept: list[Token] = []
    stack = list(reversed(lst["children"]))
    while stack:
        t = stack.pop()
        typ = t["type"]
        if typ in ("block_code", "block_html") or (typ in ("paragraph", "block_text") and "<!--" in t.get("text", "")):
            kept.append(t)
        stack.extend(reversed(t.get("children") or ()))
    return {"type": "list", "line": lst["line"], "end_line": lst["end_line"], "children": kept}


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


def _dominant_style(doc: Document) -> str | None:
    counts: dict[str, int] = {}
    for _, block in doc.iter_blocks():
        if isinstance(block, EntryList):
            counts[block.style] = counts.get(block.style, 0) + len(block.entries)
        elif isinstance(block, Table):
            counts["table"] = counts.get("table", 0) + len(block.entries)
    return max(counts, key=lambda k: counts[k]) if counts else None
