"""Each shortcut taken for speed gives the answer the full check gives (speed changes no output).

Run over every line of the corpus, our fixtures and hostile strings, and over random text."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from awesomelint import urls
from awesomelint.lint.engine import FileContext
from awesomelint.lint.rules import entries
from awesomelint.parse import inline, parse_source_tokens
from awesomelint.source import decode
from awesomelint.urls import _url_problem_checks, url_problem
from conftest import CORPUS

HERE = Path(__file__).parent
# every list we have: the corpus, our fixtures and lint inputs
REAL_TEXTS = [p.read_text(encoding="utf-8") for p in [*CORPUS, *HERE.glob("fixtures/*.md"), *HERE.glob("lint_inputs/*.md")]]
LINES = sorted(
    {ln for text in REAL_TEXTS for ln in text.split("\n")}
    | {
        "- [A](https://a.org/(x) - A.",
        "- [B] (https://b.org) - B.",
        "- [C]https://c.org - C.",
        "(https://d.org)[D]",
        "| E](https://e.org) |",
        "- [F](https://f.org/](g) - F.",
        "- G <https://g.org and more <http://g.org too",
        "- H (http://h.org",
        "- I xhttps://i.org ahttp://i.org https://i.org",
        "- \\[J](https://j.org) - an escaped bracket.",
        "- [K](https://k.org) - a \\] stray one.",
        "- [[L](https://l.org) - one bracket too many.",
        "- (https://m.org)[M](https://m2.org) - reversed, then a link.",
        "- [N](<https://n.org>) - an angle-bracketed url.",
        "- [O](<https://o.org) - an angle bracket left open.",
        '- [P](https://p.org "P") - a title.',
        "- [Q](https://q.org)) - a parenthesis too many.",
        "- [R](https://r.org) - text ([Demo](https://d.org), [Code](https://c.org)) `MIT` `Go`",
        "- [S](https://s.org) - text  ([Demo](https://d.org))   `MIT`  `Go`",
        "- [T](https://t.org) - text([Demo](https://d.org)) `MIT`",
        "- [U](https://u.org) - ([Demo](https://d.org)) `MIT`",
        "- [V](https://v.org) - text `` `MIT`",
        "- [W](https://w.org) - `MIT` `Go`",
        "| [Y](https://y.org) | a cell |",
        "[Z](https://z.org)",
        "- [AA](https://aa.org)  two blanks, no dash",
        "[](https://[)",
        "- [AB](https://ab.org/]) - a bracket in the url.",
        "[Z](https://z.org) ",
        "[Z](https://z.org) `Tag`",
        "[![Z](https://z.org/z.svg)](https://z.org)",
        "- [X](https://x.org) - text ([D\\]](https://d.org),[E](https://e.org)) \t`MIT`",
    }
)
_TEXT = st.text(alphabet=st.sampled_from(list("[]()| \t-ab:/.hpstw\\`\u00a0\u2003")), max_size=60)


def _full_malformed(text: str) -> list[object]:
    return [(p.pattern, bool(p.search(text))) for p, _, _ in entries._MALFORMED]


def _fast_malformed(text: str) -> list[object]:
    return [(p.pattern, bool(p.search(text)) if needle in text else False) for p, _, needle in entries._MALFORMED]


def _paren_by_characters(text: str) -> int:
    """The rule's definition, one character at a time: a destination (after `](`, to a blank or
    the `)` that closes it, escapes skipped) that an inner `(` leaves open; column of the `(`."""
    start = text.find("](")
    while start >= 0:
        i, depth, inner = start + 2, 1, False
        while i < len(text) and depth and not text[i].isspace():
            if text[i] == "\\":
                i += 1
            elif text[i] in "()":
                depth += 1 if text[i] == "(" else -1
                inner = inner or text[i] == "("
            i += 1
        if depth and inner and text[start + 2 : start + 6] in ("http", "www."):
            return start + 3
        start = text.find("](", max(i, start + 2))
    return 0


def test_prefilters_and_paren_shortcut_agree_on_every_real_line() -> None:
    for line in LINES:
        assert _fast_malformed(line) == _full_malformed(line), line
        assert entries._unbalanced_paren(line) == entries._unbalanced_paren_scan(line) == _paren_by_characters(line), line


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_prefilters_and_paren_shortcut_agree_on_random_text(text: str) -> None:
    assert _fast_malformed(text) == _full_malformed(text)
    assert entries._unbalanced_paren(text) == entries._unbalanced_paren_scan(text) == _paren_by_characters(text)


def _line_ctx() -> FileContext:
    """A file that defines one reference label, `[known]`, so undefined references can be told apart."""
    src = decode(b"# T\n\n- [A](https://a.org) - A.\n\n[known]: https://k.org\n", "t.md")
    doc, tokens = parse_source_tokens(src)
    return FileContext(src.path, src, doc, _tokens=tokens)


_CTX = _line_ctx()


def _both_ways_agree(module: object, shortcut: str, reading: Callable[[str], object], text: str) -> None:
    """`reading(text)` with the module's shortcut pattern, and with it switched off (a pattern that
    never matches: the full reading), give the same answer."""
    fast = reading(text)
    saved = getattr(module, shortcut)
    setattr(module, shortcut, re.compile(r"(?!)"))
    try:
        full = reading(text)
    finally:
        setattr(module, shortcut, saved)
    assert fast == full, text


def _bits(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Text made of pieces that the shortcut under test could mistake for one another."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


def _malformed_both_ways(text: str) -> None:
    """AL104 on one line with its well-formed shortcut and without it (the full check), and AL101's
    test of the line as defined."""
    _both_ways_agree(entries, "_WELL_FORMED", lambda t: entries.malformed_in_line(_CTX, t), text)
    assert entries._link_trouble(_CTX, text) == _link_trouble_full(text), text


def _link_trouble_full(text: str) -> bool:
    """AL101's test of a line, as defined: an undefined reference, a malformed-link pattern, or a
    bare url once the links are set aside."""
    code_free = entries._CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)
    return (
        bool(entries.undefined_references(_CTX, text))
        or any(p.search(code_free) for p, _, _ in entries._MALFORMED)
        or _BARE_URL_DEFINED.search(entries._LINKED.sub(" ", code_free)) is not None
    )


def test_well_formed_shortcut_agrees_on_every_real_line() -> None:
    for line in LINES:
        _malformed_both_ways(line)


_LINK_BITS = _bits(
    [
        "[",
        "]",
        "(",
        ")",
        "](",
        "]()",
        ")[",
        "](https://",
        "](http://",
        "](www.",
        "][",
        "[known]",
        "a",
        " ",
        "\t",
        "\\",
        "`",
        "<",
        ">",
        '"',
        "'",
        "|",
        "-",
        "x.org/",
    ],
    16,
)


@settings(max_examples=500, deadline=None)
@given(_LINK_BITS)
def test_well_formed_shortcut_agrees_on_random_lines(text: str) -> None:
    _malformed_both_ways(text)
    _malformed_both_ways("- " + text)


def _leading_link_both_ways(text: str) -> None:
    """The link at the start of a text, read in one match (`_SIMPLE_LINK`) and by the bracket scanner."""
    _both_ways_agree(inline, "_SIMPLE_LINK", lambda t: inline.split_leading_link(t, _REFS), text)


def test_leading_link_shortcut_agrees_on_every_real_line() -> None:
    for line in LINES:
        _leading_link_both_ways(_BULLET.sub("", line))
        for cell in line.split("|"):
            _leading_link_both_ways(cell.strip())


@settings(max_examples=500, deadline=None)
@given(_LINK_BITS)
@example("[r]()")  # found by the table test: an empty destination
@example("[r](<>)")
def test_leading_link_shortcut_agrees_on_random_text(text: str) -> None:
    _leading_link_both_ways(text)
    _leading_link_both_ways("[a" + text)


_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_REFS = {"known": {"url": "https://k.org"}}


def _head_both_ways(text: str) -> None:
    """An entry head read with the plain-head shortcut and without it (the general reading); a
    head that is one plain link alone, read by `link_alone`, as `parse_head` reads it."""
    _both_ways_agree(inline, "_PLAIN_HEAD", lambda t: inline.parse_head(t, _REFS), text)
    alone = inline.link_alone(text)
    if alone is not None:
        head = inline.parse_head(text, _REFS)
        assert alone == (head.name, head.url), text


def test_plain_head_shortcut_agrees_on_every_real_line() -> None:
    for line in LINES:
        _head_both_ways(_BULLET.sub("", line))
        for cell in line.split("|"):  # a table's cells, the name cell's link alone among them
            _head_both_ways(cell)


_HEAD_BITS = _bits(
    [
        "[",
        "]",
        "(",
        ")",
        "[A]",
        "(https://a.org)",
        "[known]",
        " - ",
        " -  ",
        " – ",
        ": ",
        " ",
        "\t",
        "\u00a0",
        "\n",
        "\\",
        "`",
        "<",
        ">",
        "!",
        "*",
        "x",
        ".",
        "/",
        "&",
        ",",
        " ([D](https://d.org)",
        ", [S](https://s.org)",
        "[\\]](https://e.org)",
        " `T`",
        "``",
        "`U`",
        " ( [",
    ],
    12,
)


@settings(max_examples=500, deadline=None)
@given(_HEAD_BITS)
def test_plain_head_shortcut_agrees_on_random_heads(text: str) -> None:
    _head_both_ways(text)
    _head_both_ways("[A](https://a.org) - " + text)


_DESTINATION_BITS = st.lists(st.sampled_from(["](", "](http", "](www.", "(", ")", "\\", "\\(", "\\)", " ", "\t", "\u00a0", "a", "/", "["]), max_size=20).map(
    "".join
)


@settings(max_examples=500, deadline=None)
@given(_DESTINATION_BITS)
def test_paren_scan_agrees_on_destinations(text: str) -> None:
    assert entries._unbalanced_paren(text) == entries._unbalanced_paren_scan(text) == _paren_by_characters(text)


_URL = st.text(alphabet=st.sampled_from(list("htps:/wx.org? #()\t")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_URL)
def test_url_problem_shortcut_agrees(url: str) -> None:
    assert url_problem(url) == _url_problem_checks(url.strip())


def test_url_problem_shortcut_agrees_on_every_real_url() -> None:
    import re

    for url in {u for ln in LINES for u in re.findall(r"\]\(([^)\s]*)", ln)}:
        assert url_problem(url) == _url_problem_checks(url.strip()), url


def _normalized_both_ways(url: str) -> None:
    _both_ways_agree(urls, "_PLAIN_URL", urls.normalize_url, url)


def test_plain_url_shortcut_agrees_on_every_real_url() -> None:
    for url in {u for ln in LINES for u in re.findall(r"\]\(([^)\s]*)", ln)} | {
        "https://www.a.org/",
        "https://www./a",
        "https://www.www.a.org/b/",
        "https://www.a.org/index.html",
        "http://a.org/index.html",
        "https://A.org/x//",
        "https://a.org/x ",
        "https://a.org/\u2003",
    }:
        _normalized_both_ways(url)


@settings(max_examples=500, deadline=None)
@given(_bits(["https://", "http://", "www.", "a", "A", ".", "-", "/", "//", "?", "#", "%2F", "index.html", ":80", " ", "\t", "\u2003", "é"], 8))
def test_plain_url_shortcut_agrees_on_random_urls(url: str) -> None:
    _normalized_both_ways(url)
    _normalized_both_ways("https://" + url)


def test_cell_split_and_display_width_shortcuts_agree() -> None:
    from awesomelint.parse.cells import CELL_SPACE, _split_escaped, split_cells
    from awesomelint.render.markdown import display_width

    def full_width(text: str) -> int:
        import unicodedata

        return sum(0 if unicodedata.combining(c) or c in "\u200b\u200d\ufe0f" else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)

    rows = [ln for ln in LINES if "|" in ln] + ["| a | `b|c` | d |", "|x||y|", "| a \\| b |", "|", "||"]
    for row in rows:
        s = row.strip(CELL_SPACE)
        s = s[1:] if s.startswith("|") else s
        s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
        assert split_cells(row) == _split_escaped(s), row
    for line in LINES:
        assert display_width(line) == full_width(line), line


def test_the_entry_walk_is_done_once_and_in_document_order() -> None:
    from awesomelint.lint.engine import FileContext
    from awesomelint.lint.rules.entries import entry_blocks
    from awesomelint.model import EntryList, Table
    from awesomelint.parse import parse_source_tokens
    from awesomelint.source import read_source

    def reference(doc):  # type: ignore[no-untyped-def]
        out = []

        def walk(block, entries, depth):  # type: ignore[no-untyped-def]
            for e in entries:
                out.append((id(block), id(e), depth))
                walk(block, e.children, depth + 1)

        for _, block in doc.iter_blocks():
            if isinstance(block, (EntryList, Table)):
                walk(block, block.entries, 0)
        return out

    for path in [*CORPUS, *HERE.glob("fixtures/*.md")]:
        src = read_source(path)
        doc, tokens = parse_source_tokens(src)
        ctx = FileContext(str(path), src, doc, settings={}, _tokens=tokens)
        first = [(id(b), id(e), d) for b, e, d in entry_blocks(ctx)]
        assert first == reference(doc), path
        assert [(id(b), id(e), d) for b, e, d in entry_blocks(ctx)] == first  # the second walk is the first one's


_MARKDOWN = st.text(alphabet=st.sampled_from(list("[]()<>*_`~\\!ab é\t")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_MARKDOWN)
def test_plain_text_shortcut_agrees(text: str) -> None:
    from awesomelint.anchors import _plain_text_full, plain_text

    assert plain_text(text) == _plain_text_full(text)


def test_plain_text_shortcut_agrees_on_every_real_line() -> None:
    from awesomelint.anchors import _plain_text_full, plain_text

    for line in LINES:
        assert plain_text(line) == _plain_text_full(line), line


def test_content_offset_agrees_with_expanding_every_line() -> None:
    """The shortcut expands tabs only in lines that have one: the same as expanding every line."""
    from awesomelint.fmt import _content_offset

    for line in [*LINES, "-\tx", " \t-  \ty", "1.\t\tz", "10)    w", "*"]:
        assert _content_offset(line) == _content_offset(line.expandtabs(4)), line


# the bare-url pattern as the rule defines it: a leading look-behind, then the scheme
_BARE_URL_DEFINED = re.compile(r"(?<![(<\w])https?://\S+")


def _bare_url_full(text: str) -> object:
    m = _BARE_URL_DEFINED.search(entries._LINKED.sub(lambda m: " " * len(m.group(0)), text))
    return m and m.span()


def _bare_url_fast(text: str) -> object:
    if entries._BARE_URL.search(text) is None:
        return None
    m = entries._BARE_URL.search(entries._LINKED.sub(lambda m: " " * len(m.group(0)), text))
    return m and m.span()


_LINKY = st.text(alphabet=st.sampled_from(list("[]()<>`\\ab :/htps.\t")), max_size=50)


@settings(max_examples=400, deadline=None)
@given(_LINKY)
def test_bracket_count_and_bare_url_prefilter_agree(text: str) -> None:
    assert entries._unbalanced(text) == entries._unbalanced_scan(text)
    assert _bare_url_fast(text) == _bare_url_full(text)


def test_bracket_count_and_bare_url_prefilter_agree_on_every_real_line() -> None:
    for line in LINES:
        assert entries._unbalanced(line) == entries._unbalanced_scan(line), line
        assert _bare_url_fast(line) == _bare_url_full(line), line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n")), max_size=30), st.integers(-5, 12), st.integers(-5, 12))
def test_text_lines_join_as_a_list_of_lines_would(text: str, first: int, stop: int) -> None:
    from awesomelint.parse.records import TextLines

    assert TextLines(text).join(first, stop) == "\n".join(text.split("\n")[first:stop])


def test_text_lines_join_every_range_of_a_real_list() -> None:
    from awesomelint.parse.records import TextLines

    text = "\n".join(LINES[:40])
    lines, tl = text.split("\n"), TextLines(text)
    for first in range(-2, len(lines) + 2):
        for stop in range(-2, len(lines) + 2):
            assert tl.join(first, stop) == "\n".join(lines[first:stop]), (first, stop)


def _both_ways(text: str) -> None:
    """fmt with the records always read, and fmt reading them only when a separator may change."""
    from awesomelint import fmt
    from awesomelint.source import decode

    src = decode(text.encode("utf-8"), "list.md")
    lazy = fmt.format_source(src)
    shortcut = fmt._separators_to_read
    fmt._separators_to_read = lambda text: True  # type: ignore[assignment]
    try:
        full = fmt.format_source(src)
    finally:
        fmt._separators_to_read = shortcut
    assert (lazy.text, lazy.final_newline, lazy.changes) == (full.text, full.final_newline, full.changes), text[:200]


def test_fmt_without_records_formats_the_same() -> None:
    from test_fmt_exact import EXAMPLES

    for path in [*CORPUS, *HERE.glob("fixtures/*.md"), *HERE.glob("lint_inputs/*.md"), *(HERE.parent / "lists").glob("*.md")]:
        _both_ways(path.read_text(encoding="utf-8"))
    for _, markdown in EXAMPLES:
        _both_ways(markdown)


_ITEM = st.tuples(
    st.sampled_from(["- ", "* ", "1. ", "  - ", "\t- ", "-\t"]),
    st.sampled_from(["[a](https://a.org)", "[b](<https://b.org>)", "**c**", "[d](https://d.org/(x))", "<https://e.org>"]),
    st.sampled_from([" - ", " -- ", " — ", " – ", ": ", ":", " -  ", "\u00a0- ", " -\u00a0", "\t-\t", " -", "- ", " ", " | ", "  -  "]),
    st.sampled_from(["Text.", "", "`code` - more", "(note)"]),
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ITEM, st.sampled_from(["", "## H", "text", "  continued"])), max_size=8).map("\n".join))
def test_fmt_without_records_formats_the_same_on_separators(text: str) -> None:
    _both_ways(text)


def test_fmt_reads_no_records_for_a_list_in_form(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from awesomelint.fmt import format_source
    from awesomelint.parse import records
    from awesomelint.source import decode

    built: list[int] = []
    real = records.RecordBuilder.document
    monkeypatch.setattr(records.RecordBuilder, "document", lambda self, *a, **k: built.append(1) or real(self, *a, **k))
    canonical = "# Awesome\n\n## A\n\n- [A](https://a.org) - A thing.\n- [B](https://b.org) - Another (with a note).\n"
    assert not format_source(decode(canonical.encode(), "list.md")).changes and not built
    format_source(decode(canonical.replace(") - A", ") — A").encode(), "list.md"))
    assert built  # a separator to rewrite: the records are read


def test_slugify_ascii_shortcut_drops_what_the_categories_drop() -> None:
    """Of ASCII, exactly `^` and the backtick are in the categories a GitHub anchor drops."""
    import unicodedata

    from awesomelint.anchors import _DROPPED

    assert {chr(c) for c in range(128) if unicodedata.category(chr(c)) in _DROPPED} == {"^", "`"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ 9-_^`~!.é😀\u0300*[]()")), max_size=30))
def test_slugify_agrees_with_its_definition(heading: str) -> None:
    import unicodedata

    from awesomelint.anchors import _KEEP, heading_text, slugify

    text = "".join(c for c in heading_text(heading).lower() if unicodedata.category(c) not in ("So", "Sk", "Cs", "Co"))
    assert slugify(heading) == _KEEP.sub("", text).replace(" ", "-")


def _duplicates_by_definition(rows: list[tuple[str, str, int, str, str]]) -> list[tuple[str, int, str]]:
    """AL201 read straight from its docstring: each url entry against every earlier one."""
    from awesomelint.lint.rules.duplicates import _part_of, _shown_name
    from awesomelint.urls import name_key

    out, seen = [], []
    for path, key, line, section, name in rows:
        shown = _shown_name(name)
        for p, k, at, sec, other in seen:
            if k == key and (p != path or name_key(other) == name_key(shown) or (sec == section and not _part_of(other, shown))):
                out.append((path, line, f"line {at}" if p == path else f"{p}:{at}"))
                break
        seen.append((path, key, line, section, shown))
    return out


_ROW = st.tuples(
    st.sampled_from(["a.md", "b.md"]),
    st.sampled_from(["x.org", "y.org"]),
    st.sampled_from(["A", "B"]),
    st.sampled_from(["uv", "uv-build", "UV", "**uv**", "hatchling", "hatch", "Flask app", "flask", "x", ""]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ROW, max_size=25))
def test_duplicate_url_index_agrees_with_its_definition(picks: list[tuple[str, str, str, str]]) -> None:
    from types import SimpleNamespace

    from awesomelint.lint.rules.duplicates import duplicate_url

    rows = [(path, key, n + 1, section, name) for n, (path, key, section, name) in enumerate(picks)]
    files = [
        SimpleNamespace(path=path, urls=[(key, line, 1, "u", section, name) for p, key, line, section, name in rows if p == path]) for path in ("a.md", "b.md")
    ]
    got = [(d.path, d.line, d.message.rsplit("also at ", 1)[1].rstrip(")")) for d in duplicate_url(files)]  # type: ignore[arg-type]
    in_file_order = [r for path in ("a.md", "b.md") for r in rows if r[0] == path]
    assert got == _duplicates_by_definition(in_file_order)


def _old_records_view(data: object) -> object:
    """fmt's record comparison as it was written before it became one pass: lines stripped
    (`strip_lines`), then separators, looseness and white space set aside."""
    from awesomelint.yamlio import strip_lines

    def without_separators(d: object) -> object:
        if isinstance(d, dict):
            if "prose" in d:
                return {"prose": d.get("kind", "prose")}
            return {k: without_separators(v) for k, v in d.items() if k not in ("separator", "markdown", "loose", "loose_children")}
        if isinstance(d, list):
            return [without_separators(v) for v in d]
        if isinstance(d, str):
            return "\n".join(ln.strip(" \t") for ln in d.split("\n") if ln.strip(" \t"))
        return d

    return without_separators(strip_lines(data))


def test_fmt_safety_check_shortcuts_agree_with_the_full_comparison() -> None:
    """The records compared in one pass are the records compared in two; a page is the same
    when cmark-gfm's HTML is the same, and otherwise as normalised HTML says."""
    from awesomelint import verify
    from awesomelint.fmt import format_source
    from awesomelint.parse import parse_source
    from awesomelint.source import decode
    from awesomelint.yamlio import to_data

    pages = {True: 0, False: 0}
    for path in [*CORPUS, *HERE.glob("fixtures/*.md"), *HERE.glob("lint_inputs/*.md")]:
        src = decode(path.read_bytes(), path.name)
        data = to_data(parse_source(src))
        assert verify._kept_by_fmt(data) == _old_records_view(data), path.name
        out = format_source(src).text
        variants = (" -- ", " — ")
        others = (out, *(out.replace(") - ", ")" + v, 1) for v in variants), out.replace("- [", "* [", 1), out.replace("](", "] (", 1), src.text + "\n")
        for other in others:
            same = verify._page(src.text) == verify._page(other)
            assert (verify._same_page_for_fmt(src.text, other) is None) == same, path.name
            pages[same] += 1
    assert pages[True] and pages[False]  # both answers were put to the test


def _table_records(text: str) -> list[object]:
    from awesomelint.model import Table

    doc, _ = parse_source_tokens(decode(text.encode("utf-8"), "t.md"))
    return [(b.columns, b.entries) for _, b in doc.iter_blocks() if isinstance(b, Table)]


def _switched_both_ways(module: object, switch: str, reading: Callable[[str], object], text: str) -> None:
    """`reading(text)` with the module's shortcut switched on, and off (the full reading), agree."""
    fast = reading(text)
    setattr(module, switch, False)
    try:
        full = reading(text)
    finally:
        setattr(module, switch, True)
    assert fast == full, text


def _tables_both_ways(text: str) -> None:
    """A table's records with the link-free columns read as plain attributes, and with every
    cell read for links (`field_value`)."""
    from awesomelint.parse.shapes import table

    _switched_both_ways(table, "linkless_columns", _table_records, text)


def test_linkless_columns_read_as_every_cell_on_every_real_table() -> None:
    for text in REAL_TEXTS:
        _tables_both_ways(text)


_CELLS = [
    "",
    "Yes",
    "No",
    "apiKey",
    "P, L, T",
    "a, b",
    "[D](https://d.org)",
    "[later]",
    "https://u.org",
    "<https://v.org>",
    "www.w.org",
    "`c`",
    "1,000",
    "[x]",
    " ",
    "\u00a0b\u00a0",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_CELLS), min_size=1, max_size=4), min_size=1, max_size=6))
def test_linkless_columns_read_as_every_cell_on_random_tables(rows: list[list[str]]) -> None:
    header = "| Name | Auth | Kind | Count |\n| --- | --- | --- | --- |\n"
    body = "".join(f"| [N{i}](https://n{i}.org) | " + " | ".join(cells) + " |\n" for i, cells in enumerate(rows))
    _tables_both_ways(header + body)


def _table_findings(text: str) -> list[tuple[int, int, str, str]]:
    from awesomelint.lint.engine import all_rules

    src = decode(text.encode("utf-8"), "t.md")
    doc, tokens = parse_source_tokens(src, shed=True)
    ctx = FileContext("t.md", src, doc, _tokens=tokens)
    rules = all_rules()
    return [(d.line, d.column, d.code, d.message) for code in ("AL301", "AL302") for d in rules[code].func(ctx)]


def _table_rules_both_ways(text: str) -> None:
    """AL301 and AL302 on the cells the parser split, and on the rows split again from the lines."""
    from awesomelint.lint.rules import tables

    _switched_both_ways(tables, "parser_cells", _table_findings, text)


def test_table_rules_agree_on_the_parsers_cells_on_every_real_table() -> None:
    for text in REAL_TEXTS:
        _table_rules_both_ways(text)


_ROWS = [
    "| a | b |",
    "| \u00a0a | b\u00a0 |",
    "| \u00a0 | b |",
    "|",
    "| a | b | \u00a0 |",
    "| a |",
    "| a | b | c |",
    "| a | | c |",
    "a | b",
    "| a \\| b | c |",
    "|  |  |",
    "| `x|y` | z |",
    "",
    "> | q |",
    "- | r |",
    "   | s | t |",
    "## H",
    "| [N](https://n.org) | d |",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_ROWS), max_size=8))
def test_table_rules_agree_on_the_parsers_cells_on_random_tables(rows: list[str]) -> None:
    _table_rules_both_ways("# T\n\n| A | B |\n| --- | --- |\n" + "\n".join(rows) + "\n")


def _plain_link_both_ways(text: str) -> None:
    """A name cell that is one plain link, read in one match (`link_alone`), and by the bracket
    scanner and `parse_head`."""
    _both_ways_agree(inline, "_SIMPLE_LINK", _table_records, text)


def test_plain_link_cells_read_as_parse_head_on_every_real_table() -> None:
    for text in REAL_TEXTS:
        _plain_link_both_ways(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        _bits(["[", "]", "(", ")", "\\", "`", "!", "<", ">", " ", "\u00a0", "a", "https://x.org", "[![i](j)](k)", "[A](https://a.org)", "[r]"], 6),
        min_size=1,
        max_size=4,
    )
)
@example(names=["\u00a0[A](https://a.org)"])  # found by CI: a no-break space before the link
def test_plain_link_cells_read_as_parse_head_on_random_names(names: list[str]) -> None:
    rows = "".join(f"| {name} | {i} |\n" for i, name in enumerate(names))
    _plain_link_both_ways("| Name | Count |\n| --- | --- |\n" + rows + "| [A](https://a.org) | 1 |\n\n[r]: https://r.org\n")
