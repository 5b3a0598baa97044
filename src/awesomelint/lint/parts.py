"""Linting a Markdown file part by part, so that after an edit only the part it touched is read again.

A part is a run of lines that starts at a heading written at the left margin (`## Imaging`)
and ends where the next part starts. Parts are at least `MIN_LINES` long; the first part holds
the file's start (front matter, title, intro) and its first heading. Each part is parsed on its
own, its records and the findings of the rules marked `local` (what they say about a part
depends only on that part) are kept in the user's cache (signed, see `cachedir`), keyed by the
part's text, the heading line that follows it, the tool version and the configuration. A run
then reads only the parts it has no entry for, puts their outlines together in one `Document`
(headings, prose and blocks; the entries of lists and tables are left unread) and runs the other
rules (headings, table of contents, the file-wide ones) and the url index over it. A part's
records are kept apart from its outline: a file-wide rule that reads the entries of a list has
them all read and the file-wide rules run again over the records in full. A rule may also say,
part by part, whether it is relevant (AL108: only where a url is relative); a rule relevant to
no part is not run, which keeps the default rules on the outline.

When is a part's own parse the same as the file's? When a part starts at the left margin of
the top level (no open list, quote, code block or HTML block), nothing before it can change how
it is read, except link reference definitions (`[label]: url`), which apply to the whole file:
a file with a `]:` anywhere is not split. A part's parse includes the heading line after it,
which must come out as a heading: that proves the part leaves nothing open, so the next part
starts at the top level too (and a section at the end of a part gets the children that follow
it); a part whose next heading is not one is joined to the next part. The first part must
settle the title. Anything else (a rule not marked local asking for the tokens, records JSON
cannot keep) gives `None`, and the caller lints the file whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from awesomelint.inputs import code_stamp, hasher
from awesomelint.lint.engine import Diagnostic, FileContext, all_rules, comment_suppressions, directive_comments
from awesomelint.model import Document, EntryList, Section, Table
from awesomelint.record import Record
from awesomelint.source import SourceText, split_front_matter

MIN_LINES = 200
_FORMAT = "3"  # url rows with the name as written

# lines that start a heading, a code fence or an HTML block at the left margin (the fence and
# HTML block hide the headings inside them)
_OPENER = re.compile(r"^(?:#{1,6}(?=[ \t\n]|$)| {0,3}(?:`{3,}|~{3,})| {0,3}<)", re.M)
_HTML_ENDS = (
    (re.compile(r"<(?:script|pre|style|textarea)(?:[\s>]|$)", re.I), re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)
_BLANK = re.compile(r"^[ \t]*$", re.M)
# the tags that start an HTML block ending at a blank line even after a paragraph (CommonMark's
# type 6); another tag alone on a line (type 7: `<br>`) often sits in a paragraph or a table, where
# it hides nothing, so the scan lets it be and the part's own parse judges
_BLOCK_TAG = re.compile(
    r"</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|"
    r"figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|"
    r"ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|/>|$)",
    re.I,
)


class _NotLocal(Exception):
    """A rule run over the whole file asked for the block tokens, which a file put together from parts has not."""


class _WholeContext(FileContext):
    __slots__ = ()

    @property
    def block_tokens(self) -> Any:
        raise _NotLocal


def part_starts(text: str, skip: int = 0) -> list[int]:
    """0-based line numbers where parts start: 0, then headings at the left margin that no code
    fence or HTML block above holds (as far as a quick scan tells; each part proves it when
    parsed), each at least `MIN_LINES` after the last. `skip` lines (front matter) are not looked at."""
    pos = 0
    for _ in range(skip):
        nl = text.find("\n", pos)
        pos = len(text) if nl < 0 else nl + 1
    starts = [0]
    first = True
    line, counted = 0, 0  # line number of offset `counted`
    n = len(text)
    while pos < n:
        m = _OPENER.search(text, pos)
        if m is None:
            break
        at = m.start()
        eol = text.find("\n", at)
        eol = n if eol < 0 else eol
        head = m.group(0)
        if head.startswith("#"):
            line += text.count("\n", counted, at)
            counted = at
            if first:
                first = False  # the first part keeps the first heading: it settles the title
            elif line - starts[-1] >= MIN_LINES:
                starts.append(line)
            pos = eol + 1
            continue
        stripped = head.lstrip(" ")
        if stripped[0] in "`~":
            closing = re.compile(r"^ {0,3}" + re.escape(stripped[0]) + "{" + str(len(stripped)) + r",}[ \t]*$", re.M).search(text, eol)
            pos = n if closing is None else closing.end() + 1
            continue
        rest = text[at:eol]
        for start, end in _HTML_ENDS:
            if start.match(rest.lstrip(" ")):
                found = end.search(text, at)
                after = -1 if found is None else text.find("\n", found.end())
                pos = n if after < 0 else after + 1
                break
        else:
            if _BLOCK_TAG.match(rest.lstrip(" ")):  # an HTML block to the next blank line
                blank = _BLANK.search(text, eol + 1) if eol < n else None
                pos = n if blank is None else blank.end() + 1
            else:
                pos = eol + 1
    return starts


def _part_key(base: str, index: int, text: str, after: str | None) -> str:
    h = hasher(base.encode("utf-8", "surrogateescape"))
    h.update(b"\0first" if index == 0 else b"\0")
    h.update(b"\0" + (after.encode("utf-8", "surrogateescape") if after is not None else b"\xff"))
    h.update(b"\0" + text.encode("utf-8", "surrogateescape"))
    return "s" + h.hexdigest()


def read_part(
    path: str,
    text: str,
    after: str | None,
    first: bool,
    skip: int,
    front_matter: str | None,
    local: list[str],
    schema: dict[str, Any],
    with_urls: bool,
    wide: Sequence[str],
) -> dict[str, Any]:
    """Parse one part (and the heading line `after` it), run the local rules over it, ask the
    file-wide rules in `wide` whether they are relevant to it and, with `with_urls`, index its
    urls (AL201): what the cache keeps of it, lines counted from the part's first line: its
    records, and their outline apart. `{"ok": False}` when the part cannot stand on its own."""
    from awesomelint.parse import codec
    from awesomelint.parse.blocks import parse_blocks
    from awesomelint.parse.records import RecordBuilder

    n = text.count("\n") + 1
    full = text if after is None else text + "\n" + after
    tokens, env = parse_blocks(full, skip if first else 0)
    if any(env.values()):
        return {"ok": False}  # reference definitions (or anything else the parse keeps) reach across parts
    if after is not None:
        last = next((t for t in reversed(tokens) if t["type"] != "blank_line"), None)
        if last is None or last["type"] != "heading" or last["line"] != n + 1:
            return {"ok": False, "merge": True}  # the heading after the part is not one: something is still open
    doc = RecordBuilder(full, env, path).document(tokens, front_matter if first else None, shed=True, title_open=first)
    if after is not None and not _drop_last_section(doc, n + 1):
        return {"ok": False, "merge": True}
    if first and doc.title is None and not doc.sections:
        return {"ok": False}  # the title is not settled: a level-1 heading further down could be it
    tokens = [t for t in tokens if t.get("line", 0) <= n]
    rules = all_rules()
    ctx = FileContext(path, SourceText(path, text), doc, settings={"schema": schema}, _tokens=tokens)
    diags = {code: [[d.line, d.column, d.message] for d in rules[code].func(ctx)] for code in local}
    urls = []
    if with_urls:
        from awesomelint.lint.rules.duplicates import url_rows

        ordinal = {id(block): i for i, (_, block) in enumerate(doc.iter_blocks())}
        urls = [[ordinal[id(block)], *rest] for block, *rest in url_rows(ctx)]
    relevant = {}
    for code in wide:
        test = rules[code].relevant
        if test is not None:
            relevant[code] = bool(test(ctx))
    try:
        records = codec.encode(doc)
        payload = json.dumps(records, separators=(",", ":"))
        if codec.decode(json.loads(payload), path) != doc:
            return {"ok": False}
    except (ValueError, RecursionError):
        return {"ok": False}
    return {
        "ok": True,
        "outline": codec.outline(records),
        "records": records,
        "relevant": relevant,
        "diags": diags,
        "urls": urls,
        "comments": directive_comments(tokens),
    }


def _drop_last_section(doc: Document, line: int) -> bool:
    """Take away the section of the heading after the part (read with it so that its parent
    knows it has children). Its ancestors keep it as their last line, which is right: that
    heading starts the next part, whose first section becomes their child (and `_close` takes
    their last line from it)."""
    level = doc.sections
    while level and level[-1].line != line:
        level = level[-1].sections
    if not level:
        return False
    level.pop()
    return True


class _NeedsRecords(Exception):
    """A rule run over the outline read the entries of a list or table, which the outline has not."""


class _Unread(list[Any]):
    """The entries of a list or table in an outline: reading them asks for the records."""

    def _ask(self, *args: Any) -> Any:
        raise _NeedsRecords

    __iter__ = __len__ = __getitem__ = __contains__ = __reversed__ = _ask


class Assembled(Record):
    """A file put together from its parts: its outline (entries unread, see `records`), the local
    rules' findings by code, the suppression comments, the url rows (AL201) and the codes of the
    file-wide rules relevant to some part, all with the file's own line numbers."""

    __slots__ = _fields = ("doc", "found", "comments", "rows", "relevant", "parts", "base", "names")

    def __init__(
        self,
        doc: Document,
        found: dict[str, list[Diagnostic]],
        comments: list[tuple[int, str]],
        rows: list[tuple[Any, str, int, int, str, bool, str]],
        relevant: set[str] | None = None,
        parts: list[tuple[str, int]] | None = None,
        base: str = "",
        names: list[str] | None = None,
    ) -> None:
        self.doc = doc
        self.found = found
        self.comments = comments
        self.rows = rows
        self.relevant: set[str] = set() if relevant is None else relevant
        self.parts: list[tuple[str, int]] = [] if parts is None else parts  # (cache key, first line - 1)
        self.base = base  # what the cache keys of this file's parts start from (version, path, configuration)
        self.names: list[str] = [] if names is None else names  # every cache entry this version of the file is read from


def assemble(src: SourceText, enabled: set[str], schema: dict[str, Any], store: Any, config_key: str) -> Assembled | None:
    """Read a file by parts (from `store` where it has them, storing the others); None when the
    file is not read this way (see the module's docstring)."""
    from awesomelint.parse import codec

    rules = all_rules()
    if any(rules[c].family == "style" for c in enabled) or "]:" in src.text:
        return None
    front_matter, skip = split_front_matter(src.text)
    starts = part_starts(src.text, skip)
    if len(starts) < 2:
        return None
    lines = src.text.split("\n")
    local = sorted(c for c in enabled if rules[c].local)
    wide = _file_wide(enabled)
    with_urls = "AL201" in enabled
    base = "\0".join((code_stamp(), _FORMAT, src.path, config_key, ",".join(sorted(enabled))))
    out = Assembled(Document(path=src.path, front_matter=front_matter), {c: [] for c in local}, [], [], base=base)
    stack: list[Section] = []
    i = 0
    while i < len(starts):
        a = starts[i]
        b = starts[i + 1] if i + 1 < len(starts) else len(lines)
        text = "\n".join(lines[a:b])
        after = lines[b] if b < len(lines) else None
        key = _part_key(base, i, text, after)
        data = store.get(key)
        if not isinstance(data, dict) or "ok" not in data:
            data = read_part(src.path, text, after, i == 0, skip, front_matter, local, schema, with_urls, wide)
            if data["ok"]:
                store.put(_records_key(key), data.pop("records"))  # apart: most runs need only the outline
            store.put(key, data)
        out.names.append(key)
        if not data["ok"]:
            if data.get("merge") and i + 1 < len(starts):
                del starts[i + 1]  # that heading is not where a part can start: join the next part on
                continue
            return None
        try:
            part = codec.decode(data["outline"], src.path, a)
            for code in local:
                out.found[code].extend(Diagnostic(src.path, line + a, col, code, msg) for line, col, msg in data["diags"][code])
            out.comments.extend((line + a, body) for line, body in data["comments"])
            out.relevant.update(code for code, yes in data["relevant"].items() if yes)
            if with_urls:
                blocks = [block for _, block in part.iter_blocks()]
                out.rows.extend((blocks[k], norm, line + a, col, url, row, name) for k, norm, line, col, url, row, name in data["urls"])
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return None  # an entry of ours that is not what we write: read the file whole
        for _, block in part.iter_blocks():
            if isinstance(block, (EntryList, Table)):
                block.entries = _Unread()
        _place(out.doc, stack, part, i == 0)
        out.parts.append((key, a))
        out.names.append(_records_key(key))
        i += 1
    _close(out.doc.sections)
    return out


def records(src: SourceText, got: Assembled, store: Any) -> Document | None:
    """The file's records in full, from the records kept apart for each of its parts."""
    from awesomelint.parse import codec
    from awesomelint.parse.records import _dominant_style

    doc = Document(path=src.path, front_matter=got.doc.front_matter)
    stack: list[Section] = []
    for n, (key, a) in enumerate(got.parts):
        data = store.get(_records_key(key))
        try:
            part = codec.decode(data, src.path, a)
        except (TypeError, ValueError, IndexError):
            return None
        _place(doc, stack, part, n == 0)
    _close(doc.sections)
    doc.style = _dominant_style(doc)
    return doc


def _file_wide(enabled: set[str]) -> list[str]:
    """The rules run over the whole file put together: neither local to a part, nor run across
    files, nor AL001 (said after suppressions)."""
    rules = all_rules()
    return [c for c in sorted(enabled) if not rules[c].local and not rules[c].project and c != "AL001"]


def _records_key(key: str) -> str:
    return "r" + key[1:]


def _place(doc: Document, stack: list[Section], part: Document, first: bool) -> None:
    """Put a part's sections where they belong, as the record builder nests them (see
    `RecordBuilder.document`): under the last open section of a lower level."""
    if first:
        doc.title, doc.title_line, doc.intro = part.title, part.title_line, part.intro
    for s in part.sections:
        while stack and stack[-1].level >= s.level:
            stack.pop()
        (stack[-1].sections if stack else doc.sections).append(s)
        stack.append(s)
        while stack[-1].sections:
            stack.append(stack[-1].sections[-1])


def lint_by_parts(src: SourceText, enabled: set[str], schema: dict[str, Any], store: Any, config_key: str) -> Any:
    """`lint_file`'s answer for a Markdown file, from its parts; None when the file is not read
    this way (see the module's docstring). The file-wide rules read the outline first; when one
    of them reads the entries of a list, they all run again over the records in full."""
    from awesomelint.lint.rules.duplicates import with_sections
    from awesomelint.lint.run import FileResult

    got = assemble(src, enabled, schema, store, config_key)
    if got is None:
        return None
    rules = all_rules()
    wide = [code for code in _file_wide(enabled) if rules[code].relevant is None or code in got.relevant]
    diags: dict[str, list[Diagnostic]] = {}
    try:
        try:
            ctx = _WholeContext(src.path, src, got.doc, settings={"schema": schema})
            diags = {code: list(rules[code].func(ctx)) for code in wide}
        except _NeedsRecords:
            doc = records(src, got, store)
            if doc is None:
                return None
            ctx = _WholeContext(src.path, src, doc, settings={"schema": schema})
            diags = {code: list(rules[code].func(ctx)) for code in wide}
    except _NotLocal:
        return None
    out: list[Diagnostic] = []
    for code in sorted(enabled):
        out.extend(got.found[code] if rules[code].local else diags.get(code, ()))
    urls = with_sections(got.doc, got.rows) if "AL201" in enabled else []
    store.supersede("parts\0" + got.base, got.names)  # the parts of the file's last version that this one has not go
    return FileResult(src.path, out, urls, comment_suppressions(got.comments, len(ctx.lines)), sorted(enabled), ctx.probes)


def _close(sections: list[Section]) -> None:
    """A section ends where its last child ends (children may come from later parts)."""
    for s in sections:
        if s.sections:
            _close(s.sections)
            s.end_line = max(s.end_line, s.sections[-1].end_line)
