"""Style rules (AL5xx): each is one pass of the formatter, so `lint`, `lint --fix` and `fmt` agree.

A style rule reports the lines its pass would change; the fix is that change. See `fmt.py`.
They are opt-in for `lint` (`extend-select = ["AL5"]`): `fmt --check` and the `awesomelint-fmt`
hook are the style gate, and a list that renders fine should not drown in style findings. One
line is reported once for one cause: a tab-indented line is AL503, not also AL502.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.lint.engine import Diagnostic, FileContext, rule

_MESSAGES = {
    "AL501": "list bullet should be '-'",
    "AL502": "list indentation: nested items belong at their parent's content column",
    "AL503": "hard tab in list indentation",
    "AL504": "trailing white space",
    "AL505": "separator between link and description should be ' - '",
    "AL506": "blank lines: one at most, and one around headings, lists and tables",
    "AL507": "heading should be ATX style ('## Title', no closing '#')",
    "AL508": "file should end with a newline",
    "AL509": "table is not aligned (pipes at both ends, columns padded)",
}


def _changes(ctx: FileContext) -> dict[str, list[int]]:
    from awesomelint.fmt import format_source

    return ctx.once("_fmt_changes", lambda: format_source(ctx.source, ctx.doc, ctx.block_tokens).changes)


def _report(ctx: FileContext, code: str) -> Iterator[Diagnostic]:
    lines = _changes(ctx).get(code, [])
    if code == "AL502":  # the tab is the cause: its pass already reports the line
        tabs = set(_changes(ctx).get("AL503", []))
        lines = [n for n in lines if n not in tabs]
    if code in ("AL502", "AL503", "AL506", "AL509"):
        lines = _first_of_runs(lines)
    for n in lines:
        col = 1
        if code == "AL504":
            col = len(ctx.line_text(n).rstrip(" \t")) + 1
        said = _SAY.get(code)
        yield ctx.diag(n, col, code, (said(ctx, n) if said else None) or _MESSAGES[code])


# -- what exactly is wrong, said for the line at hand ------------------------------------------
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")


def _line_count(ctx: FileContext) -> int:
    """Lines of the file: its text holds no final newline, so every piece is a line (an empty file has none)."""
    return len(ctx.lines) if ctx.source.text else 0


def _kind(line: str) -> str:
    stripped = line.lstrip()
    if stripped.startswith("#"):
        return "heading"
    if _LIST_ITEM.match(line):
        return "list"
    if stripped.startswith("|"):
        return "table"
    return "text"


def _blank_lines(ctx: FileContext, n: int) -> str | None:
    """AL506: how many blank lines there are, or which two blocks have none between them."""
    total = _line_count(ctx)
    blank = lambda k: 1 <= k <= total and not ctx.line_text(k).strip()  # noqa: E731
    if blank(n):
        first, last = n, n
        while blank(first - 1):
            first -= 1
        while blank(last + 1):
            last += 1
        run = last - first + 1
        if last == total:
            return f"{run} blank line{'s' if run != 1 else ''} at the end of the file"
        return f"{run} blank lines in a row: one is enough"
    before = n - 1
    while before >= 1 and not ctx.line_text(before).strip():
        before -= 1
    if before < 1:
        return None
    this, prev = _kind(ctx.line_text(n)), _kind(ctx.line_text(before))
    if prev == this:
        return f"no blank line between this {this} and the {prev} above"
    return f"no blank line between the {prev} and the {this}"


def _list_indent(ctx: FileContext, n: int) -> str | None:
    """AL502: the column the nested item is at, and the one it belongs at."""
    from awesomelint.fmt import format_source

    fixed = ctx.once("_indent_fixed", lambda: format_source(ctx.source, ctx.doc, ctx.block_tokens, codes=("AL502",)).text.split("\n"))
    if n > len(fixed):
        return None
    now, want = ctx.line_text(n), fixed[n - 1]
    at, belongs = len(now) - len(now.lstrip(" ")) + 1, len(want) - len(want.lstrip(" ")) + 1
    if at == belongs:
        return None
    return f"nested item starts at column {at}; its parent's content starts at column {belongs}"


def _heading_style(ctx: FileContext, n: int) -> str | None:
    """AL507: underlined, closing marks, extra space or indent, with the heading as it should be."""
    text = ctx.line_text(n)
    nxt = ctx.line_text(n + 1) if n < _line_count(ctx) else ""
    if nxt and _UNDERLINE.match(nxt) and text.strip():
        level = 1 if nxt.strip().startswith("=") else 2
        return f"underlined (setext) heading: write '{'#' * level} {text.strip()}'"
    from awesomelint.fmt import _atx_parts  # a scan from the end: a regex here was quadratic on blanks

    parts = _atx_parts(text)
    if parts is None:
        return None
    indent, marks, title = parts
    rest = text[len(indent) + len(marks) :]
    space = rest[: len(rest) - len(rest.lstrip(" \t"))]
    want = f"'{marks} {title.strip()}'"
    if text.rstrip(" \t") != indent + marks + space + title and title:
        return f"closing '#' marks: write {want}"
    if space != " " and title:
        return f"extra space after '{marks}': write {want}"
    if indent:
        return f"indented heading: write {want}"
    return None


_AFTER_LINK = re.compile(r"\]\([^()\s]*\)([ \t\u00a0]*[-–—:]+[ \t\u00a0]*)")


def _separator(ctx: FileContext, n: int) -> str | None:
    """AL505: which separator, and what is wrong with it."""
    m = _AFTER_LINK.search(ctx.line_text(n))
    if m is None:
        return None
    sep = m.group(1)
    if "\u00a0" in sep:
        return "a non-breaking space around the separator: write ' - '"
    if "\t" in sep or "  " in sep:
        return "extra blanks around the separator: write ' - '"
    return f"separator '{sep.strip()}' between link and description: write ' - '"


_SAY = {"AL506": _blank_lines, "AL502": _list_indent, "AL507": _heading_style, "AL505": _separator}


def _first_of_runs(lines: list[int]) -> list[int]:
    """One diagnostic per run of consecutive lines (an indented block, a table)."""
    return [n for i, n in enumerate(lines) if i == 0 or lines[i - 1] != n - 1]


@rule("AL501", "bullet-style", default=False, fixable=True)
def bullet_style(ctx: FileContext) -> Iterator[Diagnostic]:
    """A list uses `*` or `+` bullets instead of `-`.

    Why: one bullet character across the file keeps diffs small and the source uniform. Two
    lists that touch keep different bullets (`-` then `*`), since the same bullet would merge
    them into one list.

    Example:
        * [MIMIC](https://mimic.mit.edu/) - ICU records.    # bad
        - [MIMIC](https://mimic.mit.edu/) - ICU records.    # good
    """
    return _report(ctx, "AL501")


@rule("AL502", "list-indent", default=False, fixable=True)
def list_indent(ctx: FileContext) -> Iterator[Diagnostic]:
    """A nested list is not indented to its parent item's content column.

    Why: mixed indentation (2, 3, 4 spaces, tabs) is the most common cause of lists that render
    differently on GitHub and in editors. The fix moves a whole item with everything under it.

    Example:
        - [ShARe](https://sites.google.com/site/clefehealth/)
            - [ShARe/CLEF 2013](https://sites.google.com/site/shareclefehealth/)   # bad
        - [ShARe](https://sites.google.com/site/clefehealth/)
          - [ShARe/CLEF 2013](https://sites.google.com/site/shareclefehealth/)     # good
    """
    return _report(ctx, "AL502")


@rule("AL503", "hard-tab", default=False, fixable=True)
def hard_tab(ctx: FileContext) -> Iterator[Diagnostic]:
    """List lines are indented with tabs.

    Why: a tab is 4 columns to CommonMark and 8 or 2 to many editors, so tab-indented nesting
    looks right in one place and breaks in another.

    Example:
        - **MIMIC-IV** (40k)
        <TAB>- ICU records.     # bad
        - **MIMIC-IV** (40k)
          - ICU records.        # good
    """
    return _report(ctx, "AL503")


@rule("AL504", "trailing-whitespace", default=False, fixable=True)
def trailing_whitespace(ctx: FileContext) -> Iterator[Diagnostic]:
    """A line ends in spaces or tabs.

    Why: invisible, noisy in diffs, and one space too many turns into a hard line break. Two
    spaces that make a line break inside a paragraph are kept.

    Example:
        - [eICU](https://eicu-crd.mit.edu/) - ICU data.␠␠␠   # bad
        - [eICU](https://eicu-crd.mit.edu/) - ICU data.      # good
    """
    return _report(ctx, "AL504")


@rule("AL505", "separator-style", default=False, fixable=True)
def separator_style(ctx: FileContext) -> Iterator[Diagnostic]:
    """An entry separates its link from its description with `—`, `–` or `:` instead of ` - `.

    Why: one separator makes the list uniform for readers and for tools that read it.

    Example:
        - [MIMIC](https://mimic.mit.edu/) — ICU records.    # bad
        - [MIMIC](https://mimic.mit.edu/) - ICU records.    # good
    """
    return _report(ctx, "AL505")


@rule("AL506", "blank-lines", default=False, fixable=True)
def blank_lines(ctx: FileContext) -> Iterator[Diagnostic]:
    """More than one blank line in a row, or no blank line around a heading, list or table.

    Why: blank lines are what separates blocks; without them, some renderers join a heading
    or list to the text next to it.

    Example:
        ## ICU
        - [MIMIC](https://mimic.mit.edu/)    # bad: no blank line after the heading
    """
    return _report(ctx, "AL506")


@rule("AL507", "heading-style", default=False, fixable=True)
def heading_style(ctx: FileContext) -> Iterator[Diagnostic]:
    """A heading is underlined (setext) or has closing hashes.

    Why: ATX headings (`## Title`) are the form every tool reads alike, and the only form for
    levels 3 to 6.

    Example:
        Datasets
        --------          # bad
        ## Datasets       # good
    """
    return _report(ctx, "AL507")


@rule("AL508", "final-newline", default=False, fixable=True)
def final_newline(ctx: FileContext) -> Iterator[Diagnostic]:
    """The file does not end with a newline.

    Why: tools that append to the file or concatenate it join its last line with the next.

    Example:
        - [MedQA](https://github.com/jind11/MedQA)<EOF>     # bad
        - [MedQA](https://github.com/jind11/MedQA)⏎<EOF>    # good
    """
    if not ctx.source.final_newline and ctx.source.text:
        yield ctx.diag(len(ctx.lines), len(ctx.lines[-1]) + 1, "AL508", _MESSAGES["AL508"])


@rule("AL509", "table-format", default=False, fixable=True)
def table_format(ctx: FileContext) -> Iterator[Diagnostic]:
    """A table's pipes do not line up, or rows lack the leading or trailing pipe.

    Why: an aligned table can be read and edited in the source; a missing trailing pipe is
    what makes other parsers end the table early.

    Example:
        | Name | Count |
        | --- | --- |
        | [MIMIC](https://mimic.mit.edu/) | ~45,000        # bad
        | Name                            | Count   |
        | ------------------------------- | ------- |
        | [MIMIC](https://mimic.mit.edu/) | ~45,000 |      # good
    """
    return _report(ctx, "AL509")
