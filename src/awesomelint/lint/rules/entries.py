"""Entry rules (AL1xx): every entry has what its list promises, and its links are well formed."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from awesomelint.lint.engine import Diagnostic, FileContext, rule
from awesomelint.model import STYLE_BOLD, STYLE_BULLET, STYLE_HTML, STYLE_LABELLED, Document, Entry, EntryList, Table
from awesomelint.urls import url_problem

_CODE_SPAN = re.compile(r"`[^`\n]*`")


def entry_blocks(ctx: FileContext) -> Iterator[tuple[EntryList | Table, Entry, int]]:
    """(block, entry, depth) for every entry of every list and table, nested ones too (walked
    once per file)."""
    return iter(ctx.once("_entry_blocks", lambda: _entry_blocks(ctx.doc)))


def _entry_blocks(doc: Document) -> list[tuple[EntryList | Table, Entry, int]]:
    found: list[tuple[EntryList | Table, Entry, int]] = []
    for _, block in doc.iter_blocks():
        if isinstance(block, (EntryList, Table)):
            stack = [(e, 0) for e in reversed(block.entries)]
            while stack:  # depth first, in document order, without recursion (1000-deep lists)
                e, d = stack.pop()
                found.append((block, e, d))
                stack.extend((c, d + 1) for c in reversed(e.children))
    return found


def column_of(text: str, needle: str, default: int = 1) -> int:
    i = text.find(needle) if needle else -1
    return i + 1 if i >= 0 else default


@rule("AL101", "missing-url", records=True, local=True)
def missing_url(ctx: FileContext) -> Iterator[Diagnostic]:
    """An entry has a name but no link at all.

    Why: a curated list exists to send readers somewhere; an entry without a url is a dead end.
    Group headings inside a list (an item whose sub-items are the entries) are not entries and
    are not reported.

    Example:
        - MIMIC-IV - ICU records.                       # bad
        - [MIMIC-IV](https://physionet.org/content/mimiciv/) - ICU records.   # good
    """
    linked: dict[int, bool] = {}  # per list: does any of its entries have a url (asked once per list)
    for block, e, _ in entry_blocks(ctx):
        if e.url or e.links or e.children or e.name is None or not e.name.strip():
            continue
        if isinstance(block, EntryList) and e.name_format != "bold":
            has_url = linked.get(id(block))
            if has_url is None:
                has_url = linked[id(block)] = any(x.url for x in block.entries)
            if not has_url:
                continue  # a list of plain text items mixed into a link list
        text = ctx.line_text(e.line)
        if _link_trouble(ctx, text):
            continue  # the cause is the malformed link (AL104) or the bare url (AL105): said once
        yield ctx.diag(e.line, column_of(text, e.name[:10]), "AL101", f"entry '{e.name.strip()[:60]}' has no url")


@rule("AL102", "empty-name", local=True)
def empty_name(ctx: FileContext) -> Iterator[Diagnostic]:
    """A link has no text: `[](url)`.

    Why: readers see nothing to click, and screen readers announce a bare url.

    Example:
        - [](https://mimic.mit.edu/) - ICU records.        # bad
        - [MIMIC](https://mimic.mit.edu/) - ICU records.   # good
    """
    for _, e, _ in entry_blocks(ctx):
        if e.url is not None and (e.name is None or not e.name.strip()):
            text = ctx.line_text(e.line)
            yield ctx.diag(e.line, column_of(text, "[]"), "AL102", f"the link to {e.url} has no text")


@rule("AL103", "missing-description", default=False, records=True, local=True)
def missing_description(ctx: FileContext) -> Iterator[Diagnostic]:
    """An entry has no description, in a list where at least 4 in 5 entries have one.

    Why: the description is what makes a curated list better than a bookmark dump. Lists whose
    shape has no descriptions (links only) are not reported. Opt-in: a name that says enough
    (`JVM`, `Docker` in sindresorhus/awesome) is left bare on purpose, and nothing is broken.

    Example:
        - [eICU](https://eicu-crd.mit.edu/)                          # bad
        - [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU data.  # good
    """
    for _, block in ctx.doc.iter_blocks():
        if not isinstance(block, EntryList):
            continue
        linked = [e for e in block.entries if e.url]
        if len(linked) < 2:
            continue
        described = [e for e in linked if e.description.strip()]
        if len(described) * 5 < len(linked) * 4:
            continue  # descriptions are optional in this list
        for e in linked:
            if not e.description.strip() and not e.children:
                yield ctx.diag(e.line, len(ctx.line_text(e.line).rstrip()) + 1, "AL103", f"entry '{(e.name or '').strip()[:60]}' has no description")


_SPACE_BEFORE_PAREN = re.compile(r"\[[^\[\]\n]+\][ \t]+\((?:https?://|www\.)")
_NO_PAREN = re.compile(r"\[[^\[\]\n]+\](?:https?://|www\.)")
_REVERSED = re.compile(r"\((?:https?://)[^()\s]+\)\[[^\[\]\n]+\]")


# `Name](url)` at the start of an item: a link text with no `[` (anchored: one pass per line)
_NO_OPEN_BRACKET_CELL = re.compile(r"^[ \t]*\|[ \t]*[^\[\]|\n]+\]\((?:https?://|www\.)")
_NO_OPEN_BRACKET = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+[^\[\]\n]*\]\((?:https?://|www\.)")
# `[Name](https://x.org/a b)`: a blank inside the destination, not before a "title"
_SPACE_IN_URL = re.compile(r"\]\((?:https?://|www\.)[^\s()<>\"']+[ \t]+(?![\"'(])[^)\s]{1,200}\)")


# each pattern, what it means, and a substring it cannot match without: tested first where that is
# cheaper than the search (a pattern that starts with a literal is searched as fast as a substring)
_MALFORMED: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (_SPACE_BEFORE_PAREN, "a space between ] and (", ""),
    (_NO_PAREN, "no parentheses around the url", "]"),
    (_REVERSED, "url and text reversed", ")["),
    (_NO_OPEN_BRACKET, "no [ before the link text", ""),
    (_NO_OPEN_BRACKET_CELL, "no [ before the link text", "|"),
    (_SPACE_IN_URL, "a space in the url (write it as %20)", ""),
)


# a destination that reaches a `(` (escapes skipped) before a blank or a `)`: the only way one is left open
_INNER_OPEN = re.compile(r"\]\((?:http|www\.)(?:[^\s()\\]++|\\.)*+\(")


def _unbalanced_paren(text: str) -> int:
    """1-based column of a link destination whose parentheses do not balance, or 0."""
    if "](" not in text or not _INNER_OPEN.search(text):
        return 0  # no destination has a `(` inside it
    return _unbalanced_paren_scan(text)


_DESTINATION_RUN = re.compile(r"[^\s()\\]+")  # what a destination holds between parentheses, blanks and escapes


def _unbalanced_paren_scan(text: str) -> int:
    start = text.find("](")
    end = len(text)
    while start >= 0:
        i, depth, inner = start + 2, 1, False
        while i < end and depth:
            run = _DESTINATION_RUN.match(text, i)
            if run:
                i = run.end()
                if i >= end:
                    break
            c = text[i]
            if c == "\\":
                i += 2
                continue
            if c == "(":
                depth, inner = depth + 1, True
            elif c == ")":
                depth -= 1
            else:
                break  # a blank ends the destination
            i += 1
        if depth and inner and text[start + 2 : start + 6] in ("http", "www."):
            return start + 3  # an inner `(` left the link open: GitHub shows literal text
        start = text.find("](", max(i, start + 2))
    return 0


# `-[Name](url)`: no blank after the bullet, so it is not a list item (a lazy line of the one above)
_NO_SPACE_AFTER_BULLET = re.compile(r"^ {0,3}[-*+]\[[^\]\n]*\]\(")


def code_lines(ctx: FileContext) -> set[int]:
    """Lines inside code blocks and HTML blocks, where Markdown syntax is not read (once per file)."""
    return ctx.once("_code_lines", lambda: _code_lines(ctx.block_tokens))


def _code_lines(tokens: list[dict[str, Any]]) -> set[int]:
    out: set[int] = set()
    stack = list(tokens or [])
    while stack:
        t = stack.pop()
        if t.get("type") in ("block_code", "block_html") and t.get("line"):
            out.update(range(t["line"], (t.get("end_line") or t["line"]) + 1))
        stack.extend(t.get("children") or [])
    return out


_BRACKET_OR_ESCAPE = re.compile(r"\\.|[\[\]]")


# brackets that pair up one after another, none inside another: the common line, read in one match
_FLAT_PAIRS = re.compile(r"[^\[\]]*+(?:\[[^\[\]]*+\][^\[\]]*+)*+")


def _unbalanced(text: str) -> bool:
    """Do the brackets of a line fail to pair up (escapes and code spans aside)?"""
    if "\\" not in text and "`" not in text:  # nothing to set aside: count (most lines hold one pair)
        opens = text.count("[")
        if opens != text.count("]"):
            return True
        if opens <= 1:
            return opens == 1 and text.find("]") < text.find("[")
        if _FLAT_PAIRS.fullmatch(text):
            return False
    return _unbalanced_scan(text)


def _unbalanced_scan(text: str) -> bool:
    depth = 0
    for m in _BRACKET_OR_ESCAPE.finditer(_CODE_SPAN.sub("", text) if "`" in text else text):
        c = m.group(0)
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


# a line whose brackets are all links `[text](http…)` with no blank, parenthesis, bracket, quote
# or `<>` in the url, and no backslash or stray backtick anywhere: none of AL104's patterns can match it
# (each needs a `]` that does not open such a link, a `(` inside a url, or `)[`, tested apart)
_WELL_FORMED = re.compile(r"(?:[^\[\]\\`]++|\[[^\[\]\\`\n]*+\]\(https?://[^\s()<>\[\]\\\"'`]*+\))*+")


def _blank(m: re.Match[str]) -> str:
    """What a match is replaced by when it is set aside: blanks, so that columns stay put."""
    return " " * len(m.group(0))


def _without_code(text: str) -> str:
    """The line with its code spans blanked out (Markdown is not read inside them)."""
    return _CODE_SPAN.sub(_blank, text) if "`" in text else text


def _well_formed(text: str) -> bool:
    """Can no AL104 pattern match this line (code spans already blanked)? One match settles it."""
    return ")[" not in text and _WELL_FORMED.fullmatch(text) is not None


def _malformed_pattern(text: str) -> tuple[re.Match[str], str] | None:
    """The first of AL104's patterns that matches the line, and what it means."""
    for pattern, what, needle in _MALFORMED:
        m = pattern.search(text) if needle in text else None
        if m:
            return m, what
    return None


def malformed_in_line(ctx: FileContext, text: str) -> tuple[int, str] | None:
    """AL104's finding on one entry line: (1-based column, message), or None."""
    text = _without_code(text)
    if _well_formed(text):
        return None  # the common line, settled in one match
    found = _malformed_pattern(text)
    if found:
        return found[0].start() + 1, f"malformed link: {found[1]}"
    undefined = undefined_references(ctx, text)
    if undefined:
        col, label = undefined[0]
        return col, f"malformed link: [{label}] is not defined anywhere, so GitHub shows the brackets as text"
    col = _unbalanced_paren(text)
    if col:
        return col, "malformed link: unbalanced ( in the url (write it as %28)"
    if _unbalanced(text) and "[" in text:
        return text.find("[") + 1, "malformed link: unbalanced brackets"
    return None


@rule("AL104", "malformed-link", local=True)
def malformed_link(ctx: FileContext) -> Iterator[Diagnostic]:
    """Link syntax that GitHub does not turn into a link.

    Why: `[Name] (url)` (a space), `[Name]url` (no parentheses), `(url)[Name]` (reversed),
    `Name](url)` (no `[`), `[Name](https://x.org/a b)` (a space in the url), `[Name](https://x.org/(a)`
    (an unbalanced parenthesis) and unbalanced brackets all render as literal text, so the entry
    silently has no link. `-[Name](url)` (no blank after the bullet) is not a list item at all.

    Example:
        - [MIMIC] (https://mimic.mit.edu/) - ICU records.   # bad
        - [MIMIC](https://mimic.mit.edu/) - ICU records.    # good
    """
    for _, e, _ in entry_blocks(ctx):
        found = malformed_in_line(ctx, ctx.line_text(e.line))
        if found:
            yield ctx.diag(e.line, found[0], "AL104", found[1])
    code = code_lines(ctx)
    for n, line in enumerate(ctx.lines, 1):
        if n not in code and _NO_SPACE_AFTER_BULLET.match(line):
            yield ctx.diag(n, 1, "AL104", "no space after the bullet: GitHub shows this line as text, not a list item")


_REFERENCE_USE = re.compile(r"(?<![\]\\!])\[([^\[\]\n]+)\]\[([^\[\]\n]*)\](?![(\[:])")
_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*\S")


def _label_key(label: str) -> str:
    return " ".join(label.casefold().split())


def _definitions(ctx: FileContext) -> set[str]:
    code = code_lines(ctx)
    return {_label_key(m.group(1)) for n, line in enumerate(ctx.lines, 1) if n not in code for m in [_DEFINITION.match(line)] if m}


def undefined_references(ctx: FileContext, text: str) -> list[tuple[int, str]]:
    """(column, label) of each `[text][label]` / `[text][]` on a line whose label no `[label]: url`
    line of the file defines: GitHub shows such a link as its brackets, in plain text."""
    if "][" not in text:
        return []
    defined = ctx.once("_definitions", lambda: _definitions(ctx))
    out = []
    for m in _REFERENCE_USE.finditer(_without_code(text)):
        label = m.group(2) or m.group(1)
        if _label_key(label) not in defined:
            out.append((m.start() + 1, label))
    return out


def _link_trouble(ctx: FileContext, text: str) -> bool:
    """Does the line hold a link GitHub does not read (AL104) or a bare url (AL105)?"""
    code_free = _without_code(text)
    if _BARE_URL.search(code_free) is not None and _BARE_URL.search(_LINKED.sub(" ", code_free)) is not None:
        return True  # (setting the links aside never makes a bare url: none in the line, none after)
    if _well_formed(code_free):
        return False
    return bool(undefined_references(ctx, code_free)) or _malformed_pattern(code_free) is not None


# `https?://` not after `(`, `<` or a word character; written to start with the literal `http`,
# which the regex engine finds as fast as a substring (a leading look-behind is tried everywhere)
_BARE_URL = re.compile(r"http(?:s://(?<![(<\w]https://)|://(?<![(<\w]http://))\S+")
_LINKED = re.compile(r"\]\([^()]*\)|<https?://[^<>]*>|`[^`]*`|\]\[[^\[\]]*\]")


@rule("AL105", "bare-url", local=True)
def bare_url(ctx: FileContext) -> Iterator[Diagnostic]:
    """A bare `https://…` in an entry where a link belongs.

    Why: a bare url is long, unreadable and, in many renderers, not clickable; the entry has no
    name to show. Lists written as `Label: https://…` lines (the bold-title shape) are exempt.

    Example:
        - MIMIC https://mimic.mit.edu/ - ICU records.       # bad
        - [MIMIC](https://mimic.mit.edu/) - ICU records.    # good
    """
    for block, e, _ in entry_blocks(ctx):
        if (isinstance(block, EntryList) and block.style == STYLE_BOLD) or (isinstance(block, Table) and e.url is not None):
            continue  # bold-title `Label: https://…` lines; a table whose url column holds bare urls
        text = ctx.line_text(e.line)
        if _BARE_URL.search(text) is None:
            continue  # blanking the links never makes a bare url: none here
        stripped = _LINKED.sub(_blank, text)
        m = _BARE_URL.search(stripped)
        if m:
            yield ctx.diag(e.line, m.start() + 1, "AL105", "bare url: write it as [name](url)")


@rule("AL106", "invalid-url", records=True, local=True)
def invalid_url(ctx: FileContext) -> Iterator[Diagnostic]:
    """An entry's url cannot work: no scheme, white space, no host, or a broken scheme.

    Why: `www.example.org` without `https://` becomes a relative link to a file in the
    repository, which is a 404; spaces break the link at the first blank; `https//x.org`,
    `htps://x.org` and `http:/x.org` go nowhere.

    Example:
        - [OASIS](www.oasis-brains.org) - Brain MRI.           # bad
        - [OASIS](https://www.oasis-brains.org/) - Brain MRI.  # good
    """
    for _, e, _ in entry_blocks(ctx):
        for lk in e.links:
            if not lk.url and lk.text:  # `[awaiting dataset]`: a placeholder, said as one
                yield ctx.diag(lk.line or e.line, column_of(ctx.line_text(lk.line or e.line), f"[{lk.text}]"), "AL106", f"link '{lk.text}' has no url yet")
        urls = ([(e.url, e.line)] if e.url else []) + [(lk.url, lk.line or e.line) for lk in e.links if lk.url or not lk.text]
        for url, line in urls:
            problem = url_problem(url)
            if problem:
                text = ctx.line_text(line)
                yield ctx.diag(line, column_of(text, url[:20]), "AL106", f"invalid url {url!r}: {problem}")


@rule("AL107", "missing-separator", records=True, local=True)
def missing_separator(ctx: FileContext) -> Iterator[Diagnostic]:
    """An entry runs its link into its description while the rest of its list separates them.

    Why: `[Name](url)- Text` shows "Name- Text" and `[Name](url) Text` shows "Name Text": the
    reader cannot tell where the name ends, and tools reading the list take the wrong text as the
    description. Only said when most described entries of the same list use a separator.

    Example:
        - [MIMIC](https://mimic.mit.edu/)- ICU records.    # bad
        - [MIMIC](https://mimic.mit.edu/) - ICU records.   # good
    """
    for _, block in ctx.doc.iter_blocks():
        if not isinstance(block, EntryList) or block.style not in (STYLE_BULLET, STYLE_HTML, STYLE_LABELLED):
            continue
        described = [e for e in block.entries if e.url and e.description and e.description_format is None and e.url_text is None]
        separated = [e for e in described if _real_separator(e.separator)]
        if len(described) < 3 or len(separated) * 3 < len(described) * 2:
            continue
        for e in described:
            if e.description.startswith(("`", "(", "[", "!")):
                continue  # a tag, a count or a badge before the separator: `[x](u) `⚠` - Text`
            if _NOTE.fullmatch(e.description.strip()):
                continue  # `[x](u) *Requires a licence.*`: a note in emphasis, not a run-on description
            sep = e.separator
            if sep is None or _real_separator(sep):
                if sep is not None and sep[:1] in "-–—" and sep.strip():  # `[x](u)- Text`
                    text = ctx.line_text(e.line)
                    yield ctx.diag(e.line, column_of(text, ")" + sep) + 1, "AL107", "no space before the separator: write ' - '")
                continue
            text = ctx.line_text(e.line)
            at = text.find(e.description[:20]) if e.description else -1
            yield ctx.diag(e.line, at + 1 if at > 0 else 1, "AL107", "no separator between the link and the description: write ' - '")


def _in_repository(ctx: FileContext, url: str) -> bool:
    """Does a relative url name a file that exists beside the list (or, for `/…`, in its repository)?
    A path that looks like a file name is taken as one (the list may be checked outside its repository).
    Every question asked of the file system is noted on `ctx` (a cached answer depends on them)."""
    target = unquote(url.split("#", 1)[0].split("?", 1)[0])
    if not target:
        return True
    list_path = ctx.path
    base = os.path.dirname(ctx.probe("a", list_path)) if list_path and ctx.probe("f", list_path) == "1" else None
    root = base
    while root is not None and ctx.probe("e", os.path.join(root, ".git")) == "0":
        root = None if os.path.dirname(root) == root else os.path.dirname(root)
    if base is None or root is None:
        # away from its repository (standard input, a copy): only a top-level file name
        # (`CONTRIBUTING.md`, `LICENSE`) is taken as the repository's own
        return "/" not in target.strip("/") and re.search(r"\.[A-Za-z0-9]{1,5}$|^[A-Z][A-Z_-]+$", target.strip("/")) is not None
    return ctx.probe("e", os.path.join(root, target.lstrip("/")) if target.startswith("/") else os.path.join(base, target)) == "1"


_NOTE = re.compile(r"(\*{1,2}|_{1,2})[^*_\n]+\1[.!]?")


def _real_separator(sep: str | None) -> bool:
    """None is the canonical ` - `; a bare blank is no separator at all."""
    return sep is None or bool(sep.strip())


_ABSOLUTE = re.compile(r"(?i)^[a-z][a-z0-9+.-]*:")


def _has_relative_url(ctx: FileContext) -> bool:
    return any(e.url and not _ABSOLUTE.match(e.url) and not e.url.startswith("#") for _, e, _ in entry_blocks(ctx))


@rule("AL108", "relative-url", records=True, relevant=_has_relative_url)
def relative_url(ctx: FileContext) -> Iterator[Diagnostic]:
    """A relative path as an entry's url in a list whose other entries link to the web.

    Why: on GitHub a relative url points into the list's own repository, so `datasets/mimic`
    is a 404 unless that folder exists; in a list of absolute urls it is nearly always a slip.
    Lists that link to their own pages (most urls relative), file names such as `LICENSE` or
    `CONTRIBUTING.md`, and paths that exist beside the list are left alone.

    Example:
        - [MIMIC](mimic.mit.edu) - ICU records.            # bad
        - [MIMIC](https://mimic.mit.edu/) - ICU records.   # good
    """
    if not _has_relative_url(ctx):
        return  # no relative url to report, whatever the rest of the list is
    urls = [(e.url, e.line) for _, e, _ in entry_blocks(ctx) if e.url and not url_problem(e.url)]
    absolute = [u for u, _ in urls if _ABSOLUTE.match(u)]
    if len(urls) < 5 or len(absolute) * 5 < len(urls) * 4:
        return
    for url, line in urls:
        if _ABSOLUTE.match(url) or url.startswith("#") or url_problem(url):
            continue  # absolute, an anchor, or said by AL106 already
        if _in_repository(ctx, url):
            continue  # `CONTRIBUTING.md`, `LICENSE`: a file of the list's own repository
        yield ctx.diag(
            line,
            column_of(ctx.line_text(line), url[:20]),
            "AL108",
            f"relative url {url!r} in a list of web addresses: on GitHub it points into this repository",
        )
