"""What a reader sees as the entries of a list, read from GitHub's own rendering (cmark-gfm).

Independent of the parser under test: it renders the Markdown with cmarkgfm (`CMARK_OPT_SOURCEPOS`)
and walks the HTML with the standard library's `html.parser`. The rule (issue 12):

- every `<li>` (its own content: nested lists excluded) and every table body row that holds a link
  is an entry; links to `#anchors` and "back to top" links are navigation, images alone are badges;
- its first link is the url; the text before the link is the name (the link's text when nothing
  but punctuation precedes it, or when the link text is generic like "Link" in a table row); the text
  after it, separators trimmed, is the description (table rows: the cell under a description title);
- a heading that holds a link is an entry too, with the paragraph under it as its description.

`compare(markdown, document)` scores our records against it: recall by url (the url is an entry's
url or one of its links anywhere in the document), names and descriptions equal after folding
whitespace, for the entries whose url is a record's own url.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote

import cmarkgfm
from cmarkgfm.cmark import Options

_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_SEPARATORS = " \t\n-–—:：.|,;·•"
_GENERIC = re.compile(
    r"(?i)^\W*(link|links|download|downloads|here|website|site|web|homepage|url|data|dataset|"
    r"下载链接|下载|链接|地址|官网|主页|enlace|lien|-|—|→|»)\W*$"
)
_DESCRIPTION_TITLE = re.compile(r"(?i)descr|summary|about|overview|简介|描述|内容|概述|说明|beschreibung|descripción|описание")
_LEADING = re.compile(r"^(?:[\s\-–—:：|,;·•\])]|\.(?=\s|$))+")
_JOIN = re.compile(r"[ \t]+[/&][ \t]+")
_NAV = re.compile(r"(?i)back to (top|contents|index)|^\W*(top|⬆|↑)\W*$")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Any] = field(default_factory=list)  # Node or str
    parent: Node | None = None


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.cur = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.cur)
        self.cur.children.append(node)
        if tag not in _VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.cur.children.append(Node(tag, {k: v or "" for k, v in attrs}, parent=self.cur))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.cur = node.parent

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


@dataclass
class SeenEntry:
    url: str
    name: str
    description: str | None  # None: no place for one (a table without a description column)
    line: int
    kind: str  # "li", "row", "heading"


def render(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_SOURCEPOS | Options.CMARK_OPT_UNSAFE)


def tree(markdown: str) -> Node:
    parser = _Tree()
    parser.feed(render(markdown))
    parser.close()
    return parser.root


def fold(text: str) -> str:
    return " ".join(text.split())


def text_of(node: Any, skip: frozenset[str] = frozenset()) -> str:
    if isinstance(node, str):
        return node
    if node.tag in skip:
        return ""
    if node.tag == "img":
        return node.attrs.get("alt", "")
    if node.tag == "br":
        return " "
    return "".join(text_of(c, skip) for c in node.children)


def norm_url(url: str) -> str:
    url = unquote(html.unescape(url)).strip()
    url = re.sub(r"^(?i:https?)://", "", url)
    return url.rstrip("/")


def _line(node: Node) -> int:
    pos = node.attrs.get("data-sourcepos", "")
    m = re.match(r"(\d+):", pos)
    if m:
        return int(m.group(1))
    return _line(node.parent) if node.parent is not None else 0


def _flatten(node: Node, skip: frozenset[str]) -> list[Any]:
    """The node's content in order as text pieces and <a> nodes (not descending into skipped tags)."""
    out: list[Any] = []
    for c in node.children:
        if isinstance(c, str):
            out.append(c)
        elif c.tag in skip:
            continue
        elif c.tag == "a":
            out.append(c)
        elif c.tag == "img":
            continue  # a picture (a badge): nothing a reader reads as the name or the text
        elif c.tag in ("p", "div", "br", "blockquote"):
            out.append(" ")
            out.extend(_flatten(c, skip))
            out.append(" ")
        else:
            out.extend(_flatten(c, skip))
    return out


def _is_entry_link(a: Node) -> bool:
    href = a.attrs.get("href", "")
    if not href or href.startswith("#"):
        return False
    text = fold(text_of(a, frozenset({"img"})))
    return bool(text) and not _NAV.search(text)


_TRAILING_URL_SPLIT = re.compile(r"[ \t]+[-–—][ \t]+|:[ \t]+")


def _is_bare(a: Node) -> bool:
    """An autolink: its text is its address (`www.x.org` for `http://www.x.org`)."""
    text, href = fold(text_of(a)), a.attrs.get("href", "")
    return text in (href, re.sub(r"^(?i:https?)://", "", href), re.sub(r"^(?i:mailto):", "", href))


def _head(pieces: list[Any], line: int, kind: str) -> SeenEntry | None:
    for i, p in enumerate(pieces):
        if isinstance(p, Node) and _is_entry_link(p):
            before = fold("".join(x if isinstance(x, str) else text_of(x, frozenset({"img"})) for x in pieces[:i])).strip(_SEPARATORS + "[(")
            name = before or fold(text_of(p))
            j = i + 1
            # `[A](u) / [B](v)`: two names joined by a slash are one entry with two links
            while not before and j + 1 < len(pieces) and isinstance(pieces[j], str) and _JOIN.fullmatch(pieces[j]):
                if not (isinstance(pieces[j + 1], Node) and _is_entry_link(pieces[j + 1])):
                    break
                name += f" {pieces[j].strip()} {fold(text_of(pieces[j + 1]))}"
                j += 2
            after = fold("".join(x if isinstance(x, str) else text_of(x) for x in pieces[j:]))
            description = _LEADING.sub("", after).strip()
            if before and not description and _is_bare(p) and (parts := _TRAILING_URL_SPLIT.split(before, maxsplit=1))[1:]:
                # `Name - text www.example.org`: a bare url at the end leaves the name and its text
                name, description = parts[0].strip(), parts[1].strip(_SEPARATORS)
            return SeenEntry(p.attrs["href"], name, description, line, kind)
    return None


def entries(markdown: str) -> list[SeenEntry]:
    root = tree(markdown)
    out: list[SeenEntry] = []
    _walk(root, out)
    return out


def _walk(node: Node, out: list[SeenEntry]) -> None:
    for c in node.children:
        if isinstance(c, str):
            continue
        if "data-sourcepos" not in c.attrs and (c.tag in ("li", "table", "p") or re.fullmatch(r"h[2-6]", c.tag)):
            continue  # written as raw HTML: the author's own page furniture, not a Markdown list
        if c.tag == "li":
            seen = _head(_flatten(c, frozenset({"ul", "ol"})), _line(c), "li")
            if seen is not None:
                out.append(seen)
        elif c.tag == "table":
            out.extend(_table(c))
            continue
        elif c.tag == "p" and c.parent is not None and c.parent.tag != "li":
            seen = _paragraph(c)
            if seen is not None:
                out.append(seen)
        elif re.fullmatch(r"h[2-6]", c.tag):
            seen = _head(_flatten(c, frozenset()), _line(c), "heading")
            if seen is not None:
                seen.description = _next_paragraph(c)
                out.append(seen)
        _walk(c, out)


def _paragraph(p: Node) -> SeenEntry | None:
    """Two paragraph shapes read as entries: a first line all in bold over lines holding links
    (`__Name__` + `Paper: https://…`), and one line of nothing but links joined by `|`."""
    first = next((c for c in p.children if not (isinstance(c, str) and not c.strip())), None)
    line = _line(p)
    if isinstance(first, Node) and first.tag == "strong":
        head_text = fold(text_of(first))
        rest = p.children[p.children.index(first) + 1 :]
        first_line_rest = ""
        for x in rest:
            if isinstance(x, str):
                first_line_rest += x.split("\n", 1)[0]
                if "\n" in x:
                    break
            elif x.tag == "br":
                break
            else:
                first_line_rest += text_of(x)
        links = [a for a in _find(p, "a") if _is_entry_link(a)]
        if head_text and not first_line_rest.strip() and links and not any(a in _find(first, "a") for a in links):
            return SeenEntry(links[0].attrs["href"], head_text, None, line, "bold")
        return None
    text = fold(text_of(p))
    links = [a for a in _find(p, "a") if _is_entry_link(a)]
    heading = _heading_before(p)
    if heading is not None and len(links) == 1 and text == fold(text_of(links[0])) and (_GENERIC.match(text) or text.lower().startswith("link to")):
        # `### OASIS` + a paragraph + `[Link to OASIS](u)`: the heading names the entry
        return SeenEntry(links[0].attrs["href"], fold(text_of(heading)), None, line, "heading")
    if isinstance(first, Node) and first.tag == "a" and links and first is links[0]:
        leftover = text
        for a in links:
            leftover = leftover.replace(fold(text_of(a)), "", 1)
        if not leftover.replace("|", "").strip():
            return SeenEntry(first.attrs["href"], fold(text_of(first)), None, line, "paragraph")
    return None


def _heading_before(p: Node) -> Node | None:
    """The heading this paragraph belongs to: directly above it, or above a few paragraphs or quotes."""
    siblings = [s for s in p.parent.children if isinstance(s, Node)] if p.parent else []
    i = siblings.index(p)
    for j in range(i - 1, max(i - 4, -1), -1):  # over a paragraph, a quote, image lines
        if re.fullmatch(r"h[2-6]", siblings[j].tag):
            return None if _find(siblings[j], "a") else siblings[j]
        if siblings[j].tag not in ("p", "blockquote"):
            return None
    return None


def _next_paragraph(heading: Node) -> str | None:
    siblings = [s for s in heading.parent.children if not isinstance(s, str)] if heading.parent else []
    i = siblings.index(heading)
    if i + 1 < len(siblings) and siblings[i + 1].tag in ("p", "blockquote"):
        return fold(text_of(siblings[i + 1]))
    return None


def _find(node: Node, tag: str) -> list[Node]:
    found: list[Node] = []
    for c in node.children:
        if isinstance(c, Node):
            if c.tag == tag:
                found.append(c)
            found.extend(_find(c, tag))
    return found


def _table(table: Node) -> list[SeenEntry]:
    head = [fold(text_of(th)) for th in _find(table, "th")]
    description_col = next((i for i, t in enumerate(head) if _DESCRIPTION_TITLE.search(t)), None)
    out: list[SeenEntry] = []
    for body in _find(table, "tbody"):
        for tr in _find(body, "tr"):
            cells = _find(tr, "td")
            for c, td in enumerate(cells):
                seen = _head(_flatten(td, frozenset()), _line(tr), "row")
                if seen is None:
                    continue
                texts = [fold(text_of(x)) for x in cells]
                generic = _GENERIC.match(seen.name) or re.match(r"(?i)(https?://|www\.)\S+$", seen.name)
                if seen.name == fold(text_of(td)) and generic:
                    plain = next((t for k, t in enumerate(texts) if k != c and t and not _find(cells[k], "a")), None)
                    if plain:
                        seen.name = plain
                seen.description = texts[description_col] if description_col is not None and description_col < len(texts) else None
                out.append(seen)
                break
    return out


# -- scoring our records --------------------------------------------------------------------------


def plain(markdown: str | None) -> str:
    """What GitHub shows for a piece of inline Markdown (or inline HTML), as folded text."""
    if not markdown:
        return ""
    root = tree(markdown)
    return fold(text_of(root))


@dataclass
class Score:
    seen: int = 0
    found: int = 0
    named: int = 0
    names_exact: int = 0
    described: int = 0
    descriptions_equal: int = 0
    missing: list[SeenEntry] = field(default_factory=list)
    wrong_names: list[tuple[SeenEntry, str]] = field(default_factory=list)
    wrong_descriptions: list[tuple[SeenEntry, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.seen if self.seen else 1.0

    @property
    def names(self) -> float:
        return self.names_exact / self.named if self.named else 1.0

    @property
    def descriptions(self) -> float:
        return self.descriptions_equal / self.described if self.described else 1.0


def _records(document: Any) -> list[Any]:
    out: list[Any] = []

    def walk_entries(es: list[Any]) -> None:
        for e in es:
            out.append(e)
            walk_entries(e.children)

    for _section, block in document.iter_blocks():
        walk_entries(getattr(block, "entries", []) or [])
    stack = list(document.sections)
    while stack:
        s = stack.pop()
        if s.entry is not None:
            out.append(s.entry)
        stack.extend(s.sections)
    return out


def compare(markdown: str, document: Any) -> Score:
    score = Score()
    by_url: dict[str, list[Any]] = {}
    link_urls: set[str] = set()
    urlless_by_line: dict[int, Any] = {}
    for e in _records(document):
        if e.url:
            by_url.setdefault(norm_url(e.url), []).append(e)
        else:
            urlless_by_line.setdefault(e.line, e)
        for lk in e.links:
            link_urls.add(norm_url(lk.url))
    for seen in entries(markdown):
        url = norm_url(seen.url)
        score.seen += 1
        candidates = by_url.get(url, [])
        if not candidates and url not in link_urls:
            score.missing.append(seen)
            continue
        score.found += 1
        if candidates:
            record = next((e for e in candidates if e.line == seen.line), candidates[0])
        elif seen.line in urlless_by_line and seen.kind != "bold":
            record = urlless_by_line[seen.line]  # the entry the reader sees here, its url kept as a link
        else:
            continue
        score.named += 1
        name = plain(record.name)
        if name == seen.name or _joined_name(record) == seen.name:
            score.names_exact += 1
        else:
            score.wrong_names.append((seen, name))
        if seen.description is not None:
            score.described += 1
            ours = plain(f"<p>{record.description}</p>" if record.description_format == "html" else record.description)
            if _accounts_for(seen.description, ours, record):
                score.descriptions_equal += 1
            else:
                score.wrong_descriptions.append((seen, ours))
    return score


def _joined_name(record: Any) -> str:
    return fold(" ".join([plain(record.name), *(f"{lk.label} {plain(lk.text)}" for lk in record.links if lk.label in ("/", "&") and lk.text)]))


def _accounts_for(shown: str, description: str, record: Any) -> bool:
    """The text a reader sees after the name is the description, plus the values the record holds
    apart from it (attributes such as counts, years, licences; links shown beside the text),
    in any order, with only punctuation left over."""
    if shown == description:
        return True
    at = shown.find(description) if description else 0
    if at < 0:
        return False
    rest = shown[:at] + " " + shown[at + len(description) :]
    values: list[str] = []
    for value in record.attributes.values():
        values.extend(str(v) for v in (value if isinstance(value, list) else [value]))
    for lk in record.links:
        if not lk.inline:
            values.extend(plain(x) for x in (lk.text, lk.label) if x)
    for value in sorted(values, key=len, reverse=True):
        if value:
            rest = rest.replace(fold(plain(value)), " ", 1) if fold(plain(value)) in rest else rest.replace(fold(value), " ", 1)
    return not re.sub(r"[\W_]+", "", rest)
