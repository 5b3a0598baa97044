"""Canonical formatting by source edits, and the safety check that guards every write.

The formatter never re-renders the document. It runs a fixed pipeline of passes over the
source lines, each tagged with the style rule it enforces (AL5xx); a pass edits only what the
parser's positions make safe and every other byte is copied. The style rules of `lint` report
exactly the lines a pass changes, and `lint --fix` runs the same passes, so the two agree.

Before anything is written, `verify.check_formatted` proves three things or refuses (exit 2):
1. GitHub's renderer (cmark-gfm) gives the same HTML for input and output, exactly (only
   inter-element blanks next to block tags and the separator change of AL505 are set aside);
2. the records are the same (lines and separators aside);
3. formatting the output again changes nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from typing import Any

from awesomelint.model import STYLE_BULLET, STYLE_HTML, Document, EntryList
from awesomelint.parse import Parsed
from awesomelint.record import Record
from awesomelint.source import SourceText

Token = dict[str, Any]

STYLE_CODES = ("AL501", "AL502", "AL503", "AL504", "AL505", "AL506", "AL507", "AL508", "AL509")
_SEPARATOR_MARKS = {"-", "–", "—", "--", ":"}
_BLANKS = " \t\u00a0"


def _normalisable(separator: str | None) -> bool:
    """A separator the parser read whose mark is a dash or colon, not ` - ` as written: `—`, `–`,
    `:` and a dash with other blanks around it (`  -  `, a no-break space: awesome-lint's "invalid
    whitespace"). It ends in a blank, as the page check (`verify._SEPARATOR_HTML`) expects."""
    return (
        separator is not None
        and separator != " - "
        and separator.strip(_BLANKS) in _SEPARATOR_MARKS
        and separator[-1] in _BLANKS
        and (separator[0] in _BLANKS or separator[0] == ":")  # `[x](u)- text` is AL107's, not a style
    )


class Layout(Record):
    """What the passes know about the source: line kinds from the parser's positions."""

    __slots__ = _fields = ("code", "html", "front", "paragraph_last", "paragraphs", "headings", "lists", "tables", "top", "quoted")

    def __init__(
        self,
        code: set[int] | None = None,
        html: set[int] | None = None,
        front: set[int] | None = None,
        paragraph_last: dict[int, bool] | None = None,
        paragraphs: list[Token] | None = None,
        headings: list[Token] | None = None,
        lists: list[tuple[Token, list[Token]]] | None = None,
        tables: list[Token] | None = None,
        top: list[Token] | None = None,
        quoted: set[int] | None = None,
    ) -> None:
        self.code: set[int] = set() if code is None else code  # 1-based lines inside code blocks (content and fences)
        self.html: set[int] = set() if html is None else html
        self.front: set[int] = set() if front is None else front
        self.paragraph_last: dict[int, bool] = {} if paragraph_last is None else paragraph_last  # line in a paragraph -> is its last line
        self.paragraphs: list[Token] = [] if paragraphs is None else paragraphs
        self.headings: list[Token] = [] if headings is None else headings
        self.lists: list[tuple[Token, list[Token]]] = [] if lists is None else lists  # (list, its sibling tokens)
        self.tables: list[Token] = [] if tables is None else tables
        self.top: list[Token] = [] if top is None else top
        self.quoted: set[int] = set() if quoted is None else quoted


def _open_fence(t: Token, lines: list[str]) -> bool:
    """A fenced code block with no closing fence: it runs to the end of its container, and
    the blank lines after it are code (cmark-gfm keeps them), though its token ends before them."""
    line, end, marker = t["line"], t.get("end_line") or t["line"], t.get("marker") or ""
    if t.get("style") != "fenced" or not marker:
        return False
    last = lines[end - 1].lstrip(" \t>").rstrip(" \t") if end <= len(lines) else ""
    return end == line or len(last) < len(marker) or last.strip(marker[0]) != ""


# raw HTML that runs past blank lines to an end marker (CommonMark's HTML blocks 1 to 5), by what
# opens it; the other kinds end at a blank line
_VERBATIM_HTML = re.compile(r"[ \t]*(?:(<(?:script|pre|style|textarea)(?:[ \t>]|$))|(<!--)|(<\?)|(<!\[CDATA\[)|(<![A-Za-z]))", re.I | re.M)
_VERBATIM_HTML_END = [re.compile(r"</(?:script|pre|style|textarea)>", re.I), re.compile("-->"), re.compile(r"\?>"), re.compile(r"\]\]>"), re.compile(">")]


def _open_html(t: Token) -> bool:
    """Raw HTML of a kind that runs past blank lines, with no end marker: like a fence left open it
    runs to the end of its container, and the blank lines after it are its content (cmark-gfm
    keeps them), though its token ends before them."""
    raw = t.get("raw") or ""
    m = _VERBATIM_HTML.match(raw)
    return m is not None and m.lastindex is not None and _VERBATIM_HTML_END[m.lastindex - 1].search(raw) is None


def _layout(tokens: list[Token], skip: int, lines: list[str]) -> Layout:
    lay = Layout(front=set(range(1, skip + 1)), top=[t for t in tokens if t["type"] != "blank_line"])

    def walk(toks: list[Token], in_quote: bool) -> None:
        for t in toks:
            typ = t["type"]
            line, end = t.get("line"), t.get("end_line") or t.get("line") or 0
            if typ == "block_code" and line:
                lay.code.update(range(line, end + 1))
                if _open_fence(t, lines):
                    while end < len(lines) and not lines[end].strip(" \t"):
                        end += 1
                        lay.code.add(end)
            elif typ in ("block_html", "ref_def") and line:
                lay.html.update(range(line, end + 1))
                if typ == "block_html" and _open_html(t):
                    while end < len(lines) and not lines[end].strip(" \t"):
                        end += 1
                        lay.html.add(end)
            elif typ in ("paragraph", "block_text") and line:
                for n in range(line, end + 1):
                    lay.paragraph_last[n] = n == end
                lay.paragraphs.append(t)
            elif typ == "heading" and not in_quote:
                lay.headings.append(t)
            elif typ == "table" and not in_quote:
                lay.tables.append(t)
            if typ == "block_quote" and line:
                lay.quoted.update(range(line, (end or line) + 1))
            if "children" in t:
                walk(t["children"], in_quote or typ == "block_quote")

    walk(tokens, False)
    for t in tokens:
        if t["type"] == "list":
            lay.lists.append((t, tokens))
    return lay


class Lines:
    """Output lines per source line: `cells[i]` replaces source line i+1 (usually one line)."""

    def __init__(self, lines: list[str]) -> None:
        self.cells: list[list[str]] = [[ln] for ln in lines]
        self.touched: set[int] = set()  # source lines changed by the pass that is running

    def get(self, n: int) -> str:
        cell = self.cells[n - 1]
        return cell[-1] if cell else ""

    def set(self, n: int, text: str) -> None:
        cell = self.cells[n - 1]
        if cell and cell[-1] != text:
            cell[-1] = text
            self.touched.add(n)

    def delete(self, n: int) -> None:
        if self.cells[n - 1]:
            self.cells[n - 1] = []
            self.touched.add(n)

    def blank_before(self, n: int) -> None:
        cell = self.cells[n - 1]
        if cell and (len(cell) < 2 or cell[-2] != ""):
            cell.insert(len(cell) - 1, "")
            self.touched.add(n)

    def text(self) -> str:
        return "\n".join(ln for cell in self.cells for ln in cell)


# -- passes -------------------------------------------------------------------------------------
def _expand_indent(line: str) -> str:
    stripped = line.lstrip(" \t")
    if "\t" not in line[: len(line) - len(stripped)]:
        return line
    return line[: len(line) - len(stripped)].expandtabs(4) + stripped


def pass_tabs(out: Lines, lay: Layout, doc: Document | None) -> None:
    """AL503: tabs in the indentation of list lines become spaces (tab stops of 4)."""
    for lst, _ in lay.lists:
        for n in range(lst["line"], lst["end_line"] + 1):
            if n in lay.code or n in lay.quoted:
                continue
            out.set(n, _expand_indent(out.get(n)))


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_MARKER_GAP = re.compile(r"([-*+]|\d{1,9}[.)])([ \t]*)")


def _content_offset(marker_line: str) -> int:
    """Columns from the marker's first character to the item's content."""
    s = (marker_line.expandtabs(4) if "\t" in marker_line else marker_line).lstrip(" ")
    m = _MARKER_GAP.match(s)
    if not m:
        return 2
    gap = len(m.group(2).expandtabs(4))
    if gap == 0 or gap > 4 or not s[m.end() :].strip(" \t"):
        gap = 1
    return len(m.group(1)) + gap


def pass_indent(out: Lines, lay: Layout, doc: Document | None) -> None:
    """AL502: nested lists sit at their parent's content column; whole item subtrees move together."""

    def shift(start: int, end: int, delta: int) -> None:
        for n in range(start, end + 1):
            line = out.get(n)
            if not line.strip(" \t"):
                continue
            if delta > 0:
                out.set(n, " " * delta + line)
            else:
                cut = min(-delta, _indent_of(line))
                out.set(n, line[cut:])

    def has_code(start: int, end: int) -> bool:
        return any(n in lay.code for n in range(start, end + 1))

    def place(lst: Token, column: int) -> None:
        for item in lst["children"]:
            line = out.get(item["line"])
            delta = column - _indent_of(line)
            if has_code(item["line"] + 1, item["end_line"]):
                continue  # code inside an item: its indentation is content; leave the item alone
            if delta:
                shift(item["line"], item["end_line"], delta)
            content = column + _content_offset(out.get(item["line"]))
            # every continuation block moves to the content column with its whole subtree, or a
            # block after a moved nested list would change owner
            for child in item["children"]:
                start = child.get("line")
                if not start or start <= item["line"] or child["type"] == "blank_line":
                    continue
                if child["type"] == "list":
                    place(child, content)
                    continue
                d = content - _indent_of(out.get(start))
                if d:
                    shift(start, child.get("end_line", start), d)

    previous_end: dict[int, Token] = {t.get("end_line", 0): t for t in lay.top}
    for lst, _ in lay.lists:
        if lst["line"] in lay.quoted:
            continue
        before = previous_end.get(lst["line"] - 1)
        # a list right under a paragraph describes it (the `[Name](url) | [dataset](url)` shape)
        place(lst, 2 if before is not None and before["type"] == "paragraph" else 0)


def pass_bullets(out: Lines, lay: Layout, doc: Document | None) -> None:
    """AL501: bullets are `-`; lists that touch alternate `-` and `*`, or they would merge into one."""

    def groups(siblings: list[Token]) -> list[list[Token]]:
        out_groups: list[list[Token]] = []
        current: list[Token] = []
        for t in siblings:
            if t["type"] == "blank_line":
                continue
            if t["type"] == "list" and not t["attrs"].get("ordered"):
                current.append(t)
                continue
            if current:
                out_groups.append(current)
            current = []
        if current:
            out_groups.append(current)
        return out_groups

    def set_bullet(lst: Token, bullet: str) -> None:
        for item in lst["children"]:
            line = out.get(item["line"])
            col = _indent_of(line)
            if line[col : col + 1] in ("*", "+", "-") and line[col] != bullet:
                out.set(item["line"], line[:col] + bullet + line[col + 1 :])

    def walk(siblings: list[Token]) -> None:
        for group in groups(siblings):
            for i, lst in enumerate(group):
                set_bullet(lst, "-" if i % 2 == 0 else "*")
        for t in siblings:
            if t["type"] == "list":
                for item in t["children"]:
                    walk(item["children"])

    top = [t for t in lay.top if t.get("line") not in lay.quoted]
    walk(top)


def pass_trailing(out: Lines, lay: Layout, doc: Document | None) -> None:
    """AL504: no trailing white space, except a hard line break (two spaces inside a paragraph).

    Inside a paragraph a line end is usually a soft or hard break, where cmark-gfm drops the
    blanks before it; but it can also sit inside a code span, a link title or an HTML attribute,
    where they are content. A paragraph whose inner line ends would change is rendered before
    and after (GitHub's renderer); if the two differ, its line is left as it is.
    """
    keep = _significant_line_ends(out, lay)
    for n in range(1, len(out.cells) + 1):
        if n in lay.code or n in lay.front or n in keep:
            continue
        line = out.get(n)
        new = _trimmed(line, n, lay)
        if new is not None:
            out.set(n, new)


def _trimmed(line: str, n: int, lay: Layout) -> str | None:
    """Line `n` without its trailing blanks (a hard break keeps two spaces), or None to keep it."""
    stripped = line.rstrip(" \t")
    if stripped == line:
        return None
    if n in lay.html:
        return None  # inside raw HTML: keep it byte for byte (a line of blanks in a `<pre>` is content)
    if lay.paragraph_last.get(n) is False and line.endswith("  ") and stripped:
        return stripped + "  "  # a hard line break
    return stripped


def _significant_line_ends(out: Lines, lay: Layout) -> set[int]:
    """Inner paragraph lines whose trailing blanks are content (a code span, title or attribute)."""
    from awesomelint.htmlcheck import normalize_html, render_html

    keep: set[int] = set()
    for para in lay.paragraphs:
        first, last = para["line"], para["end_line"]
        if first in lay.front or not any(_trimmed(out.get(n), n, lay) not in (None, out.get(n)) for n in range(first, last)):
            continue
        lines = para["text"].rstrip("\n").split("\n")
        if len(lines) != last - first + 1:
            keep.update(range(first, last))  # cannot match the text to its lines: leave it
            continue
        page = normalize_html(render_html("\n".join(lines)))
        for i in range(len(lines) - 1):
            new = _trimmed(lines[i], first + i, lay)
            if new is not None and new != lines[i]:
                trial = lines[:i] + [new] + lines[i + 1 :]
                if normalize_html(render_html("\n".join(trial))) != page:
                    keep.add(first + i)
    return keep


def pass_separators(out: Lines, lay: Layout, doc: Document | None) -> None:
    """AL505: ` - ` between an entry's link and its description (no records: the text has no
    separator to rewrite, see `_separators_to_read`)."""
    if doc is None:
        return
    for _, block in doc.iter_blocks():
        if not isinstance(block, EntryList) or block.style not in (STYLE_BULLET, STYLE_HTML) or block.markdown is not None:
            continue
        stack = list(block.entries)
        while stack:
            e = stack.pop()
            stack.extend(e.children)
            sep = e.separator
            if e.url is None or sep is None or not _normalisable(sep) or not e.description:
                continue
            line = out.get(e.line)
            close = _link_end(line)
            if close < 0 or not line[close:].startswith(sep):
                continue
            out.set(e.line, line[:close] + " - " + line[close + len(sep) :])


def _link_end(line: str) -> int:
    """Index just past the first `[text](url)` of an item line, or -1."""
    from awesomelint.parse.inline import match_bracket, match_paren

    start = line.find("[")
    if start < 0:
        return -1
    close = match_bracket(line, start)
    if close < 0 or close >= len(line) or line[close] != "(":
        return -1
    return match_paren(line, close)


def pass_headings(out: Lines, lay: Layout, doc: Document | None) -> None:
    """AL507: ATX headings: setext headings become `#`/`##`, closing `#`s go."""
    for h in lay.headings:
        line, end = h["line"], h["end_line"]
        level = h["attrs"]["level"]
        if h.get("style") == "setext":
            if end != line + 1:
                continue  # a multi-line setext heading would have to be joined: left alone
            text = out.get(line).strip(" \t")  # CommonMark's blanks only: NBSP and U+3000 are content
            out.set(line, "#" * level + " " + text)
            out.delete(end)
        else:
            text = out.get(line)
            parts = _atx_parts(text)
            if parts is not None and parts[0] == "" and not re.search(r"[ \t]#+[ \t]*$", parts[2]):
                new = f"{parts[1]} {parts[2]}".rstrip(" \t")
                if new != text.rstrip(" \t") and not parts[2].endswith("\\"):
                    out.set(line, new)


_ATX_OPEN = re.compile(r"( {0,3})(#{1,6})[ \t]+")


def _atx_parts(text: str) -> tuple[str, str, str] | None:
    """(indent, hashes, content) of an ATX heading line, its closing `#`s and blanks dropped.

    A scan from the end; the regex it replaces (`(.*?)(?:[ \t]+#+)?[ \t]*$`) was quadratic on a
    heading with long runs of blanks inside it.
    """
    m = _ATX_OPEN.match(text)
    if m is None:
        return None
    body = text[m.end() :].rstrip(" \t")
    without_hashes = body.rstrip("#")
    if without_hashes != body and without_hashes.endswith((" ", "\t")):
        body = without_hashes.rstrip(" \t")
    return m.group(1), m.group(2), body


def pass_tables(out: Lines, lay: Layout, doc: Document | None) -> None:
    """AL509: GFM tables with leading/trailing pipes and columns aligned by display width."""
    from awesomelint.render.markdown import format_table

    for t in lay.tables:
        header = t["header"]
        rows = [r["cells"] for r in t["rows"]]
        if any(len(r) > len(header) for r in rows) or t["line"] in lay.quoted:
            continue
        if any(_indent_of(out.get(n)) for n in range(t["line"], t["end_line"] + 1)):
            continue
        table = format_table(header, t["align"], [r + [""] * (len(header) - len(r)) for r in rows]).split("\n")
        for offset, text in enumerate(table):
            n = t["line"] + offset
            if out.get(n).rstrip() != text:
                out.set(n, text)


def pass_blank_lines(out: Lines, lay: Layout, doc: Document | None) -> None:
    """AL506: one blank line at most, blank lines around headings, lists and tables, none at the end."""
    total = len(out.cells)
    prev_blank = True
    for n in range(1, total + 1):
        if n in lay.code or n in lay.front or n in lay.html:  # (blank lines inside raw HTML are content)
            prev_blank = False
            continue
        line = out.get(n)
        if not out.cells[n - 1]:
            continue
        blank = not line.strip(" \t")  # CommonMark's blank: spaces and tabs only
        if blank and prev_blank:
            out.delete(n)
            continue
        prev_blank = blank
    blocks = [t for t in lay.top if t.get("line")]
    for prev, cur in itertools.pairwise(blocks):
        if cur["line"] != prev.get("end_line", 0) + 1:
            continue
        if cur["type"] == "heading" or prev["type"] in ("heading", "list", "table", "block_code", "thematic_break"):
            if prev["type"] == "list" and cur["type"] == "list":
                continue
            out.blank_before(cur["line"])
    # no blank lines at the end of the file
    for n in range(total, 0, -1):
        if not out.cells[n - 1]:
            continue
        if n in lay.code or n in lay.html or out.get(n).strip(" \t"):
            break
        out.delete(n)


PASSES: list[tuple[str, Callable[[Lines, Layout, Document | None], None]]] = [
    ("AL503", pass_tabs),
    ("AL502", pass_indent),
    ("AL501", pass_bullets),
    ("AL504", pass_trailing),
    ("AL505", pass_separators),
    ("AL507", pass_headings),
    ("AL509", pass_tables),
    ("AL506", pass_blank_lines),
]


class FormatResult(Record):
    __slots__ = _fields = ("text", "final_newline", "changes")

    def __init__(self, text: str, final_newline: bool, changes: dict[str, list[int]]) -> None:
        self.text = text  # "\n" endings, no final newline
        self.final_newline = final_newline
        self.changes = changes  # rule code -> source lines it changed

    def changed(self, src: SourceText) -> bool:
        return self.text != src.text or self.final_newline != src.final_newline

    def encoded(self, src: SourceText) -> bytes:
        """The result as the file's bytes: its BOM and line endings, as `src` had them."""
        from awesomelint.source import encode

        return encode(self.text, SourceText(src.path, self.text, src.bom, src.newline, self.final_newline))

    def diff(self, src: SourceText) -> str:
        """A unified diff from `src` to the result."""
        import difflib

        a = (src.text + ("\n" if src.final_newline else "")).splitlines(keepends=True)
        b = (self.text + ("\n" if self.final_newline else "")).splitlines(keepends=True)
        out = "".join(difflib.unified_diff(a, b, f"{src.path} (original)", f"{src.path} (formatted)"))
        return out if out.endswith("\n") or not out else out + "\n\\ No newline at end of file\n"


# a link followed by a separator other than ` - ` that AL505 may rewrite (blanks and a dash or colon
# mark): where the text has none, the separator pass has nothing to do and the records are not read
_SEPARATOR_CANDIDATE = re.compile(r"\)[ \t\u00a0]*(?:--|[-–—:])[ \t\u00a0]+")


def _separators_to_read(text: str) -> bool:
    return any(m.group() != ") - " for m in _SEPARATOR_CANDIDATE.finditer(text))


def format_source(src: SourceText, doc: Document | None = None, tokens: list[Token] | None = None, codes: Iterable[str] = STYLE_CODES) -> FormatResult:
    """Run the passes for `codes` over a source text (its records and tokens, when the caller has
    them); no safety check (see `format_checked`)."""
    return _run_passes(Parsed(src, tokens, doc), set(codes))


def _run_passes(parsed: Parsed, codes: set[str]) -> FormatResult:
    """The passes over a parsed source. The records are read only if the separator pass (AL505,
    the one pass that reads them) may have something to do."""
    src = parsed.src
    doc = parsed.records() if "AL505" in codes and _separators_to_read(src.text) else None
    source_lines = src.text.split("\n")
    lay = _layout(parsed.tokens, parsed.skip, source_lines)
    out = Lines(source_lines)
    changes: dict[str, list[int]] = {}
    for code, run in PASSES:
        if code not in codes:
            continue
        before = {n: tuple(out.cells[n - 1]) for n in out.touched}
        out.touched = set()
        run(out, lay, doc)
        lines = sorted(n for n in out.touched if before.get(n) != tuple(out.cells[n - 1]) or n not in before)
        out.touched |= set(before)
        if lines:
            changes[code] = lines
    final_newline = src.final_newline
    if "AL508" in codes and not src.final_newline and src.text:
        changes["AL508"] = [len(out.cells)]
        final_newline = True
    text = out.text()
    if not text.strip(" \t\n"):  # nothing but blanks: the canonical form is an empty file
        text, final_newline = "", True  # (an empty text is written as an empty file either way)
    if text == src.text and final_newline == src.final_newline:
        changes = {}  # edits that cancel out (an empty file's one blank line) are no change
    return FormatResult(text, final_newline, changes)


def format_checked(src: SourceText, codes: Iterable[str] = STYLE_CODES) -> FormatResult:
    """Format and prove the result safe; raises `UnsafeFormatError` when it is not."""
    from awesomelint.verify import check_formatted

    codes = tuple(codes)
    parsed = Parsed(src)
    result = _run_passes(parsed, set(codes))
    check_formatted(src, result, codes, parsed.records() if result.changed(src) else None)
    return result
