"""Block parsing: mistune 3.4 with source lines added, and the fixes real lists need.

mistune's tokens carry no positions. We subclass `BlockState` and `BlockParser` so every block
token and every list item gets `line` and `end_line` (1-based, inclusive, in the file's lines):

* `PosState` remembers where a child state (list item, block quote) starts in its parent:
  child sources map 1:1 onto the parent's lines.
* `PosBlockParser.parse_method` knows that a rule-dispatched token starts at `m.start()` and ends
  where the method returns; paragraphs and the indented-code fast path are stamped where they
  are created.
* `_parse_list_item` (a private module-level function of mistune, looked up as a global) is
  wrapped to record each item's first line and its child state.

Fixes for real lists: a `</details>`-style HTML line right under a list item is not swallowed,
GFM tables whose rows lack the trailing `|` keep all rows (our own table rule), link reference
definitions become `ref_def` tokens with their lines, and front matter is skipped.
Inline parsing is left to the caller, on the raw `text` of the blocks it cares about.
"""

from __future__ import annotations

import itertools
import re
import threading
from bisect import bisect_right
from typing import Any

import mistune
from mistune import list_parser
from mistune.block_parser import BlockParser
from mistune.core import BlockState

from awesomelint.parse.cells import CELL_SPACE, split_cells

Token = dict[str, Any]

_seq = itertools.count(1)


class PosState(BlockState):
    """A block state that can turn its own offsets into absolute line numbers."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rel_line = 0  # line of src[0] in the parent's src (0-based)
        self._abs: int | None = None
        self._nl: list[int] | None = None
        self.last_child: PosState | None = None

    def child_state(self, src: str, lazy_line_starts: Any = None) -> PosState:
        noted = getattr(_lazy_item, "lines", None)
        if noted is not None:  # a list item's, noted as mistune built its text
            if lazy_line_starts is None and noted[0] is src:
                lazy_line_starts = noted[1]
            _lazy_item.lines = None
        child = super().child_state(src, lazy_line_starts)
        self.last_child = child  # type: ignore[assignment]
        return child  # type: ignore[return-value]

    def local_line(self, offset: int) -> int:
        """0-based line of `offset` within this state's own src."""
        if self._nl is None:
            self._nl = [m.start() for m in re.finditer("\n", self.src)]
        return bisect_right(self._nl, offset - 1) if offset > 0 else 0

    def abs_base(self) -> int:
        if self._abs is None:
            self._abs = self.rel_line + (self.parent.abs_base() if self.parent is not None else 0)
        return self._abs

    def append_token(self, token: Token) -> None:
        if "_s" not in token:
            token["_s"] = (self, self.cursor, next(_seq), True)
        self.tokens.append(token)

    def prepend_token(self, token: Token) -> None:
        if "_s" not in token:
            token["_s"] = (self, self.cursor, next(_seq), True)
        self.tokens.insert(len(self.tokens) - 1, token)

    def add_paragraph(self, text: str) -> None:
        last = self.last_token()
        if last and last["type"] == "paragraph":
            last["text"] += text
        else:
            self.tokens.append({"type": "paragraph", "text": text, "_s": (self, self.cursor, next(_seq), False)})


# rule 6 of HTML blocks also ends the tag name at ">" or "/>" (mistune needs whitespace there,
# so `</details>` right under a list item was swallowed into the item)
_BLOCK_HTML = BlockParser.BLOCK_HTML.replace(r"(?:[ \t]+|\n|$)", r"(?:[ \t]+|\n|$|(?=/?>))")

# GFM table: a header line with a pipe, then a delimiter row; matched together so a lone line with
# a pipe is never taken for a table start.
_DELIM_CELL = r"[ \t]*:?-+:?[ \t]*"
TABLE_PATTERN = (
    r"^ {0,3}(?P<table_head>[^\n|]*\|[^\n]*)\n"  # up to the first pipe: one way to match, so linear
    r" {0,3}(?P<table_delim>\|?" + _DELIM_CELL + r"(?:\|" + _DELIM_CELL + r")*\|?[ \t]*)$"
)
_DELIM_HAS_PIPE = re.compile(r"\|")


# blocks that end a table on GitHub but cannot break a paragraph (a table is not one): any list item
# (`2. x`, an empty `-`), indented code, and HTML of the seventh kind, a whole open or closing tag
# alone on its line (`<br />`, `<span>`); possessive, so a long line of attributes is read once
_HTML_ATTRIBUTE = r"""[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*+(?:[ \t]*=[ \t]*(?:[^ \t\n"'=<>`]++|'[^'\n]*+'|"[^"\n]*+"))?"""
_TABLE_ONLY_BREAKS = (
    r"|(?:^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$))"
    r"|(?:^(?: {0,3}\t| {4})[ \t]*[^ \t\n])"
    r"|(?:^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*+(?:" + _HTML_ATTRIBUTE + r")*+[ \t]*/?>|</[A-Za-z][A-Za-z0-9-]*+[ \t]*>)[ \t]*$)"
)


_QUOTE_MARKER = re.compile(r" {0,3}>")  # a line of a block quote (mistune's test), not a lazy one


def _align(cell: str) -> str | None:
    cell = cell.strip(CELL_SPACE)
    left, right = cell.startswith(":"), cell.endswith(":")
    if left and right:
        return "center"
    if left:
        return "left"
    if right:
        return "right"
    return None


class PosBlockParser(BlockParser):
    """mistune's block parser, with positions and our fixes (see the module docstring)."""

    state_cls = PosState

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.specification["block_html"] = _BLOCK_HTML
        self.register("table", TABLE_PATTERN, _parse_table, before="paragraph")  # type: ignore[arg-type]  # our PosState is its BlockState
        for rules in (self.list_rules, self.block_quote_rules):
            if "table" not in rules:
                rules.append("table")
        # the lines that end a table: any block start, those a paragraph cannot be broken by included
        self._break_rules = re.compile(
            "|".join(f"(?:{self.specification[name]})" for name in ("atx_heading", "block_quote", "thematic_break", "block_html"))
            + r"|(?:^ {0,3}(?:`{3,}[^`\n]*|~{3,}[^\n]*)$)"  # a fence (a backtick one has no backtick after it)
            + _TABLE_ONLY_BREAKS,
            re.M,
        )

    fast_scanner = True  # tests turn it off to prove the tokens are the same

    def compile_sc(self, rules: list[str] | None = None) -> re.Pattern[str]:
        """mistune's block scanner with `(?=^)` in front: every rule starts at a line start, and
        the look-ahead lets `search` fail at once elsewhere instead of trying all rules at every
        position (several times faster on long list items; the same matches)."""
        if not self.fast_scanner:
            return super().compile_sc(rules)
        key = "$" if rules is None else "|".join(rules)
        cache = self.__dict__.setdefault("_fast_sc", {})
        sc = cache.get(key)
        if sc is None:
            names = self.rules if rules is None else rules
            regex = "|".join(f"(?P<{k}>{self.specification[k]})" for k in names)
            sc = cache[key] = re.compile(f"(?=^)(?:{regex})", self.sc_flag)
        return sc

    def parse_method(self, m: re.Match[str], state: PosState) -> int | None:  # type: ignore[override]
        seq0 = next(_seq)
        start = m.start()
        end = super().parse_method(m, state)
        tokens = state.tokens
        for tok in tokens[-1:-6:-1] if tokens else ():
            s = tok.get("_s")
            if s is None or (s[3] and s[2] > seq0):
                tok["_s"] = (state, start, next(_seq), False)
                if end:
                    tok["_e"] = (state, end)
            elif tok["type"] == "heading" and tok.get("style") == "setext" and end and "_e" not in tok:
                tok["_e"] = (state, end)
        return end

    def _parse_indent_code_fast(self, state: PosState) -> int | None:  # type: ignore[override]
        n = len(state.tokens)
        end = super()._parse_indent_code_fast(state)
        if end is not None and len(state.tokens) > n:
            state.tokens[-1]["_e"] = (state, end)
        return end

    def extract_block_quote(self, m: re.Match[str], state: PosState) -> tuple[str, int | None, set[int]]:  # type: ignore[override]
        """mistune's, with the quote's lazy lines (no `>`) found again in the text it returns: mistune
        counts their offsets before it expands the text's tabs, which moves them."""
        start = state.cursor
        text, end_pos, lazy = super().extract_block_quote(m, state)
        if lazy:
            lazy = set()
            offset, pos = 0, start
            for line in text.split("\n")[:-1]:  # one line of text for each line the quote took
                source = state.get_line(pos)
                if pos > start and _QUOTE_MARKER.match(source) is None:
                    lazy.add(offset)
                offset, pos = offset + len(line) + 1, pos + len(source)
        return text, end_pos, lazy

    def parse_block_quote(self, m: re.Match[str], state: PosState) -> int:  # type: ignore[override]
        first = state.local_line(state.cursor)
        end = super().parse_block_quote(m, state)
        for tok in reversed(state.tokens):
            if tok["type"] == "block_quote":
                tok["_child"] = state.last_child
                break
        if state.last_child is not None:
            state.last_child.rel_line = first
            state.last_child = None  # no parent ↔ child cycle: states go when their tokens are placed
        return end

    def parse_ref_link(self, m: re.Match[str], state: PosState) -> int | None:  # type: ignore[override]
        end = super().parse_ref_link(m, state)
        if end:
            state.append_token({"type": "ref_def", "raw": state.src[m.start() : end]})
        return end

    def is_break(self, line: str) -> bool:
        return bool(self._break_rules.match(line))

    fast_lists = True  # tests turn it off to prove the tokens are the same

    def parse_list(self, m: re.Match[str], state: PosState) -> int:  # type: ignore[override]
        if self.fast_lists:
            end = _simple_list(self, m, state)
            if end is not None:
                return end
        return super().parse_list(m, state)


def _parse_table(block: PosBlockParser, m: re.Match[str], state: PosState) -> int | None:
    lazy = state.lazy_line_starts
    if lazy and (m.start() in lazy or m.end("table_head") + 1 in lazy):
        return None  # a container's lazy lines continue its paragraph on GitHub: no table starts there
    head_line, delim_line = m.group("table_head"), m.group("table_delim")
    if not (_DELIM_HAS_PIPE.search(delim_line) or head_line.strip(" \t").startswith("|")):
        return None
    header = split_cells(head_line)
    delims = split_cells(delim_line)
    if len(header) != len(delims) or not all(re.fullmatch(r":?-+:?", d.strip(CELL_SPACE)) for d in delims):
        return None
    pos = m.end() + 1
    rows: list[tuple[int, str]] = []
    while pos < state.cursor_max:
        if pos in state.lazy_line_starts:
            break  # a line without its quote's `>` or its item's indent: a table has no lazy lines
        line = state.get_line(pos)
        text = line.strip(" \t\n")
        if not text or text == "|" or (line[:1] != "|" and block.is_break(line)):
            break  # (a pipe alone is a row of no cells, which ends a table; no block starts with a pipe)
        rows.append((pos, line.rstrip("\n")))
        pos += len(line)
    token: Token = {
        "type": "table",
        "header": header,
        "align": [_align(d) for d in delims],
        "rows": [{"offset": off, "cells": split_cells(text), "raw": text} for off, text in rows],
        "head_raw": head_line,
        "delim_raw": delim_line,
    }
    state.append_token(token)
    return pos


# A simple list: item lines only (a bullet or a number, 1-4 spaces, text that can only be a
# paragraph), each sub-list at its parent's text column (up to 3 more), no blank line inside, ended
# by the end of the text, a heading, or blank lines and a line that cannot continue the list. Most of
# an awesome list is this; mistune spends ~50 µs an item on it (a child state, a block scan and a
# dozen helper calls each), this a few µs. Anything else returns None and mistune parses the list;
# tests compare the tokens of both ways on the corpus, the GFM spec and generated lists.
_SIMPLE_ITEM = re.compile(r"([ \t]*)([-*+]|\d{1,9}[.)])( {1,4})([^\n]*)")
_ORDERED_START = re.compile(r"\d{1,9}[.)](?:[ \t]|$)")
_SAFE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789[!(\"'@&/.,;?{}%^*_`~:$")
_HR_LIKE = re.compile(r"[*_-](?:[ \t]*[*_-]){2,}[ \t]*$")
_BLANK = " \t\v\f"  # mistune's blank line


def _paragraph_only(text: str) -> bool:
    """Can `text` at the start of a line only begin a paragraph (no block rule can start there)?"""
    c = text[:1]
    if not c:
        return False
    if c in _SAFE_ASCII:
        if c.isdigit():
            return not _ORDERED_START.match(text)
        if c in "*_":
            return text[1:2] not in (" ", "\t", "") and not _HR_LIKE.match(text)
        if c in "`~":
            return not text.startswith(c * 3)
        if c == "[":
            return "]:" not in text
        return True
    return ord(c) > 127 and not c.isspace()


def _column(ws: str) -> int:
    """The column after leading white space (tabs stop every 4 columns, as mistune counts)."""
    if "\t" not in ws:
        return len(ws)
    col = 0
    for ch in ws:
        col = col + 4 - col % 4 if ch == "\t" else col + 1
    return col


class _Level:
    """An open list of a simple list: where its markers stand, and its last item so far."""

    __slots__ = ("bullet", "col", "item", "lst", "text_col")

    def __init__(self, col: int, bullet: str, lst: Token, item: Token, text_col: int) -> None:
        self.col, self.bullet, self.lst, self.item, self.text_col = col, bullet, lst, item, text_col


def _simple_list(block: PosBlockParser, m: re.Match[str], state: PosState) -> int | None:
    """Parse a simple list (see above) into the tokens mistune would give, or return None."""
    depth0 = state.depth()
    if state.lazy_line_starts or depth0 >= block.max_nested_level - 2:
        return None
    src, end = state.src, state.cursor_max
    pos = m.start()
    local = state.local_line(pos)
    root = state.parent is None
    match_item = _SIMPLE_ITEM.match
    levels: list[_Level] = []  # the open lists, outermost first
    while True:
        nl = src.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        im = match_item(src, pos, line_end)
        if im is None or im.end() != line_end:
            if not levels:
                return None
            blank = not src[pos:line_end].strip(_BLANK)
            if blank and nl < 0:
                return None  # white space with no line end: leave it to mistune
            while blank:  # blank lines belong to the list; what follows them decides
                pos = nl + 1
                if pos >= end:
                    break
                nl = src.find("\n", pos, end)
                line_end = end if nl < 0 else nl
                if src[pos:line_end].strip(_BLANK):
                    break
                if nl < 0:
                    return None
            if pos >= end:
                break
            return _end_list(block, state, pos, src[pos:line_end], levels, blank)
        ws, marker, text = im.group(1), im.group(2), im.group(4)
        if not _paragraph_only(text):
            return None
        col = _column(ws)
        bullet = marker[-1]
        ordered = len(marker) > 1
        start = int(marker[:-1]) if ordered else 1
        level = len(levels)  # a sibling of the open list whose markers stand at this column, or a new one
        for i, lv in enumerate(levels):
            if lv.col == col:
                level = i
                break
        if level < len(levels):
            if levels[level].bullet != bullet:
                return None  # another kind of bullet starts another list
            del levels[level + 1 :]
            base_col = levels[level - 1].text_col if level else 0
        elif levels:
            base_col = levels[-1].text_col
            if not base_col <= col <= base_col + 3 or depth0 + level >= block.max_nested_level - 2:
                return None
            if start != 1:
                return None  # cannot interrupt its parent's paragraph
        else:
            base_col = 0
            if ws != m.group("list_1"):
                return None
            if start != 1 and state.tokens and state.tokens[-1]["type"] == "paragraph":
                return None
        para: Token = {"type": "block_text", "text": text + "\n"}
        item: Token = {
            "type": "list_item",
            "children": [para],
            "marker": marker,
        }
        if root:  # lines are known now (a child state learns where it starts only after its parse)
            para["line"] = para["end_line"] = item["line"] = item["end_line"] = local + 1
        else:
            para["_fl"] = (state, local, local)
            item["_fl"] = [state, local, local]
        text_col = col + len(marker) + len(im.group(3))
        if level == len(levels):
            attrs: dict[str, Any] = {"depth": depth0 + level, "ordered": ordered}
            if start != 1:
                attrs["start"] = start
            lst: Token = {"type": "list", "children": [item], "tight": True, "bullet": bullet, "attrs": attrs}
            if levels:
                levels[-1].item["children"].append(lst)
            levels.append(_Level(col, bullet, lst, item, text_col))
        else:
            lv = levels[level]
            lv.lst["children"].append(item)
            lv.item, lv.text_col = item, text_col
        for lv in levels:  # the open items now end on this line
            if root:
                lv.item["end_line"] = local + 1
            else:
                lv.item["_fl"][2] = local
        local += 1
        pos = end if nl < 0 else nl + 1
        if pos >= end:
            break
    state.tokens.append(levels[0].lst)
    state.cursor = pos
    return pos


def _end_list(block: PosBlockParser, state: PosState, pos: int, line: str, levels: list[_Level], blank: bool) -> int | None:
    """The list ends before the line at `pos`, which its outermost item sees as mistune does: a
    block that breaks in is parsed here and the list put before it, as mistune's list parser does."""
    outer = levels[0]
    lst = outer.lst
    if _column(line[: len(line) - len(line.lstrip(" \t"))]) >= outer.text_col:
        return None  # indented: it goes on with the item
    leading = outer.col + len(outer.item["marker"])
    brk = list_parser._compile_list_break_sc(block, leading).match(state.src, pos)
    if brk is None or brk.lastgroup != "thematic_break":
        sibling = re.compile(list_parser._compile_list_item_pattern(list_parser._get_list_bullet(outer.bullet), leading))
        if sibling.match(line):
            return None  # another item after blank lines: a loose list
    if brk is not None and brk.lastgroup != "list":
        state.cursor = pos
        index = len(state.tokens)
        end_pos = block.parse_method(brk, state)
        if end_pos:
            state.tokens.insert(index, lst)
            return int(end_pos)
        del state.tokens[index:]
    if not blank:
        return None  # lazy text goes on with the item
    state.tokens.append(lst)
    state.cursor = pos
    return pos


_orig_parse_list_item = list_parser._parse_list_item


def _parse_list_item(block: Any, bullet: str, item: Any, token: Token, state: Any, rules: list[str]) -> Any:
    if not isinstance(state, PosState):
        return _orig_parse_list_item(block, bullet, item, token, state, rules)
    marker_local = state.local_line(state.cursor - 1)
    nxt = _orig_parse_list_item(block, bullet, item, token, state, rules)
    li = token["children"][-1]
    child = state.last_child
    state.last_child = None  # no parent ↔ child cycle: states go when their tokens are placed
    assert child is not None
    child.rel_line = marker_local + (0 if item.text.strip() else 1)
    li["_ls"] = (state, marker_local)
    li["_child"] = child
    li["marker"] = item.marker
    return nxt


list_parser._parse_list_item = _parse_list_item

_orig_build_source = list_parser._build_list_item_source
_lazy_item = threading.local()  # .lines: (a list item's text, its lazy line starts), for its child state (one per thread)


def _build_list_item_source(text: str, src: str, continue_width: int) -> str:
    """mistune's text of a list item, noting which of its lines are lazy (a line without the item's
    indent that mistune took as the paragraph's): the item's child state gets them as a quote's does."""
    out = _orig_build_source(text, src, continue_width)
    lazy: set[int] = set()
    offset = len(text)
    for line in src.split("\n"):  # as mistune's `_clean_list_item_text` cleans each line
        if list_parser._has_continuation_indent(line, continue_width):
            line = list_parser._strip_continuation_indent(line, continue_width)
        else:
            if line.strip(" \t"):
                lazy.add(offset)
            line = list_parser._expand_leading_tabs(line)
        offset += len(line) + 1
    _lazy_item.lines = (out, lazy) if lazy else None
    return out


list_parser._build_list_item_source = _build_list_item_source

_orig_compile_break = list_parser._compile_list_break_sc


def _compile_list_break_sc(block: Any, leading_width: int) -> re.Pattern[str]:
    """mistune compiles this for every list item; it only depends on the parser and the indent."""
    cache = block.__dict__.setdefault("_break_sc_cache", {})
    sc = cache.get(leading_width)
    if sc is None:
        sc = cache[leading_width] = _orig_compile_break(block, leading_width)
    return sc


list_parser._compile_list_break_sc = _compile_list_break_sc

# mistune strips a heading's closing `#`s with `(\s+|^)#+\s*$`, tried from every blank of a run:
# quadratic on a heading with a long run of blanks. Starting only where a run starts is the same
# match (a match from inside a run also matches from its start) in linear time.
_block_parser_module_for_atx = __import__("mistune.block_parser", fromlist=["_ATX_HEADING_TRIM"])
_block_parser_module_for_atx._ATX_HEADING_TRIM = re.compile(  # type: ignore[attr-defined]
    r"(?:(?<!\s)\s+|^)#+\s*$"
)

# a self-closing tag alone on its line (`<br />`) is an HTML block (CommonMark rule 7)
_block_parser_module = __import__("mistune.block_parser", fromlist=["_OPEN_TAG_END"])
_block_parser_module._OPEN_TAG_END = re.compile(  # type: ignore[attr-defined]
    _block_parser_module.HTML_ATTRIBUTES + r"[ \t]*/?>[ \t]*(?:\n|$)"
)


def _make_markdown() -> mistune.Markdown:
    block = PosBlockParser()
    return mistune.Markdown(renderer=None, block=block, inline=mistune.InlineParser())


_MD: mistune.Markdown | None = None


def markdown() -> mistune.Markdown:
    global _MD
    if _MD is None:
        _MD = _make_markdown()
    return _MD


def parse_blocks(text: str, skip_lines: int = 0) -> tuple[list[Token], dict[str, Any]]:
    """Parse `text` ("\\n" endings) into block tokens with `line`/`end_line`; return (tokens, env).

    `skip_lines` lines at the top (front matter) are not parsed, and line numbers stay absolute.
    """
    md = markdown()
    state = PosState()
    state.process(text + "\n")
    if skip_lines:
        pos = 0
        for _ in range(skip_lines):
            nl = state.src.find("\n", pos)
            pos = len(state.src) if nl < 0 else nl + 1
        state.cursor = pos
    md.block.parse(state)
    _assign_lines(state.tokens)
    return state.tokens, dict(state.env)


def _line_of(stamp: tuple[Any, ...]) -> int:
    st, off = stamp[0], stamp[1]
    return st.abs_base() + st.local_line(off) + 1


def _assign_lines(tokens: list[Token]) -> None:
    for tok in tokens:
        if "end_line" in tok:  # a simple list's item or text in the top state: placed when read
            if "children" in tok:
                _assign_lines(tok["children"])
            continue
        fl = tok.pop("_fl", None)
        if fl is not None:  # a simple list's item or text: lines known when it was read
            st, first, last = fl
            base = st.abs_base()
            tok["line"] = base + first + 1
            tok["end_line"] = base + last + 1
            if "children" in tok:
                _assign_lines(tok["children"])
            continue
        s = tok.pop("_s", None)
        e = tok.pop("_e", None)
        if s is not None:
            tok["line"] = _line_of(s)
        typ = tok["type"]
        if typ == "list_item":
            child = tok.pop("_child")
            st, local = tok.pop("_ls")
            tok["line"] = st.abs_base() + local + 1
            _assign_lines(tok["children"])
            src = child.src.rstrip(" \t\n")
            # an empty item (`-` alone) ends on its marker line
            tok["end_line"] = max(tok["line"], child.abs_base() + src.count("\n") + 1) if src else tok["line"]
            if "line" not in tok:
                tok["line"] = child.abs_base() + 1
            continue
        if typ == "block_quote":
            child = tok.pop("_child", None)
            _assign_lines(tok["children"])
            if child is not None:
                tok["end_line"] = child.abs_base() + child.src.rstrip(" \t\n").count("\n") + 1
            elif e is not None:
                tok["end_line"] = _line_of((e[0], max(e[1] - 1, 0)))
            continue
        if typ == "list":
            _assign_lines(tok["children"])
            items = tok["children"]
            if items:
                tok["line"] = items[0]["line"]
                tok["end_line"] = max(it["end_line"] for it in items)
            continue
        if typ == "table":
            st = s[0] if s else None
            rows = tok["rows"]
            # the rows are consecutive lines of the state's text (`_parse_table`): the first is looked up
            first = st.abs_base() + st.local_line(rows[0]["offset"]) + 1 if st and rows else 0
            for i, row in enumerate(rows):
                del row["offset"]
                row["line"] = first + i if st else 0
            tok["end_line"] = tok["rows"][-1]["line"] if tok["rows"] else tok.get("line", 0) + 1
            continue
        if typ in ("paragraph", "block_text") or (typ == "heading" and tok.get("style") == "setext" and e is None):
            tok["end_line"] = tok.get("line", 0) + tok["text"].rstrip("\n").count("\n")
            if typ == "heading":
                tok["end_line"] += 1
            continue
        if e is not None and "line" in tok:
            end_line = _line_of((e[0], max(e[1] - 1, 0)))
            src = e[0].src
            # an end offset may sit past trailing blank lines; step back over them
            off = e[1] - 1
            while end_line > tok["line"] and off > 0 and src[src.rfind("\n", 0, off) + 1 : off].strip(" \t") == "":
                off = src.rfind("\n", 0, off)
                end_line -= 1
            tok["end_line"] = end_line
        elif "line" in tok:
            tok["end_line"] = tok["line"]
        if "children" in tok:
            _assign_lines(tok["children"])
