"""The lint engine: the rule registry, one parse per file, all rules over it, suppression comments.

A rule is a small function `(ctx: FileContext) -> Iterable[Diagnostic]`, registered with
`@rule(code, name, ...)`; its docstring has three parts: what it checks, why it matters, and an
example (bad → good). Cross-file checks (duplicate urls across the files given) run once over
all files through `@project_rule`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from awesomelint.record import Record

if TYPE_CHECKING:
    from awesomelint.model import Document
    from awesomelint.source import SourceText

SEVERITIES = ("error", "warning", "info")
T = TypeVar("T")


class Diagnostic(Record):
    __slots__ = _fields = ("path", "line", "column", "code", "message", "name", "severity", "fixable", "replacement")

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        code: str,
        message: str,
        name: str = "",
        severity: str = "error",
        fixable: bool = False,
        replacement: tuple[str, str] | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.code = code
        self.message = message
        self.name = name
        self.severity = severity
        self.fixable = fixable  # a formatter pass (fmt.py) fixes it
        self.replacement = replacement  # (old, new) text for fixes that are not formatter passes

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


class Rule(Record):
    __slots__ = _fields = ("code", "name", "family", "func", "default", "fixable", "severity", "project", "records", "local", "relevant")

    def __init__(
        self,
        code: str,
        name: str,
        family: str,
        func: Callable[..., Iterable[Diagnostic]],
        default: bool = True,
        fixable: bool = False,
        severity: str = "error",
        project: bool = False,
        records: bool = False,
        local: bool = False,
        relevant: Callable[[FileContext], bool] | None = None,
    ) -> None:
        self.code = code
        self.name = name
        self.family = family
        self.func = func
        self.default = default
        self.fixable = fixable
        self.severity = severity
        self.project = project
        self.records = records  # reads only records, so it also checks our YAML/JSON data files
        # what it says about a part of the file (a heading and what follows, up to a later heading)
        # depends only on that part, and its messages name no line: the part cache (lint/parts.py)
        # keeps its findings per part, with lines counted from the part's start
        self.local = local
        # a quick test that is False when the rule can find nothing in a file; it depends only on the
        # records, and a file's answer is True when some part's is: the part cache keeps each part's
        # answer, so a file-wide rule that is not relevant to any part is skipped without its entries
        self.relevant = relevant

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    *,
    default: bool = True,
    fixable: bool = False,
    severity: str = "error",
    records: bool = False,
    local: bool = False,
    relevant: Callable[[FileContext], bool] | None = None,
) -> Callable[..., Any]:
    def register(func: Callable[..., Iterable[Diagnostic]]) -> Callable[..., Iterable[Diagnostic]]:
        family = func.__module__.rsplit(".", 1)[-1]
        REGISTRY[code] = Rule(code, name, family, func, default, fixable, severity, records=records, local=local, relevant=relevant)
        return func

    return register


def project_rule(code: str, name: str, *, default: bool = True, severity: str = "error") -> Callable[..., Any]:
    def register(func: Callable[..., Iterable[Diagnostic]]) -> Callable[..., Iterable[Diagnostic]]:
        family = func.__module__.rsplit(".", 1)[-1]
        REGISTRY[code] = Rule(code, name, family, func, default, False, severity, project=True, records=True)
        return func

    return register


def all_rules() -> dict[str, Rule]:
    from awesomelint.lint import rules  # noqa: F401  (registers every rule module)

    return REGISTRY


def find_rule(code_or_name: str) -> Rule | None:
    rules_ = all_rules()
    key = code_or_name.strip()
    if key.upper() in rules_:
        return rules_[key.upper()]
    for r in rules_.values():
        if r.name == key.lower():
            return r
    return None


class FileContext(Record):
    """What a rule sees: the records, the source lines, and the rule settings from config."""

    __slots__ = _fields = ("path", "source", "doc", "settings", "_lines", "_tokens", "probes")

    def __init__(
        self,
        path: str,
        source: SourceText,
        doc: Document,
        settings: dict[str, Any] | None = None,
        _lines: list[str] | None = None,
        _tokens: Any = None,
        probes: list[tuple[str, str, str]] | None = None,
    ) -> None:
        self.path = path
        self.source = source
        self.doc = doc
        self.settings: dict[str, Any] = {} if settings is None else settings
        self._lines = _lines
        self._tokens = _tokens
        self.probes: list[tuple[str, str, str]] = [] if probes is None else probes  # what the rules asked of the file system

    def probe(self, kind: str, path: str) -> str:
        """A question about the file system (`inputs.PROBES`), noted with its answer so that a
        cached result is taken only while every answer is the same."""
        from awesomelint.inputs import probe

        return probe(kind, path, self.probes)

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.source.text.split("\n")
        return self._lines

    def once(self, name: str, make: Callable[[], T]) -> T:
        """What `make` gives, worked out once per file for every rule that asks for it by `name`
        (the records do not change while rules read them)."""
        if name not in self.settings:
            self.settings[name] = make()
        found: T = self.settings[name]
        return found

    def line_text(self, line: int) -> str:
        lines = self.lines
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def diag(self, line: int, column: int, code: str, message: str) -> Diagnostic:
        return Diagnostic(self.path, line, max(column, 1), code, message)

    @property
    def parsed_tokens(self) -> Any:
        """The block tokens if the file has been parsed into them (None: not yet; [] for data files)."""
        return self._tokens

    @property
    def block_tokens(self) -> Any:
        """The block tokens with lines (parsed once, on first use by a style rule)."""
        if self._tokens is None:
            from awesomelint.parse.blocks import parse_blocks
            from awesomelint.source import split_front_matter

            _, skip = split_front_matter(self.source.text)
            self._tokens, _ = parse_blocks(self.source.text, skip)
        return self._tokens


# -- suppression comments -------------------------------------------------------------------------
_KINDS = {"disable-next-line": "next-line", "disable-file": "file", "disable": "range", "enable": "enable"}
_RAW_TEXT_HTML = ("<script", "<style", "<textarea")


class Suppression(Record):
    __slots__ = _fields = ("kind", "codes", "line", "start", "end", "used")

    def __init__(self, kind: str, codes: list[str], line: int, start: int, end: int, used: bool = False) -> None:
        self.kind = kind  # next-line | file | range
        self.codes = codes  # empty: every rule
        self.line = line  # where the comment is
        self.start = start
        self.end = end  # inclusive
        self.used = used

    def covers(self, d: Diagnostic) -> bool:
        if not (self.start <= d.line <= self.end):
            return False
        return not self.codes or any(d.code.startswith(c) for c in self.codes)


def html_comments(tokens: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(line, body) of every HTML comment that GitHub hides, from the parser's HTML tokens.

    Block HTML, and inline HTML inside paragraphs (found by the inline parser, so a comment in
    a code span, after a backslash or in a code block is text, as on GitHub).
    """
    out: list[tuple[int, str]] = []

    def comments_in(raw: str) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        pos = 0
        while True:  # linear: each `<!--` looks for one `-->` after it, and stops when there is none
            start = raw.find("<!--", pos)
            if start < 0:
                return found
            end = raw.find("-->", start + 4)
            if end < 0:
                return found
            found.append((start, raw[start + 4 : end]))
            pos = end + 3

    def walk(toks: list[dict[str, Any]]) -> None:
        for t in toks:
            typ = t["type"]
            if typ == "block_html":
                raw = t.get("raw", "")
                if "<!--" in raw and not raw.lstrip().lower().startswith(_RAW_TEXT_HTML):
                    out.extend((t["line"] + raw.count("\n", 0, at), body) for at, body in comments_in(raw))
            elif typ in ("paragraph", "block_text") and "<!--" in t.get("text", ""):
                from awesomelint.parse.blocks import markdown

                text, pos = t["text"], 0
                for it in markdown().inline(text, {}):
                    raw = it.get("raw", "")
                    if it["type"] == "inline_html" and raw.startswith("<!--"):
                        at = text.find(raw, pos)
                        if at >= 0:
                            pos = at + len(raw)
                            out.append((t["line"] + text.count("\n", 0, at), raw[4:-3]))
            if "children" in t:
                walk(t["children"])

    walk(tokens)
    return out


def find_suppressions(tokens: list[dict[str, Any]], total_lines: int) -> list[Suppression]:
    """The `<!-- awesomelint-… -->` comments of a file, only where GitHub sees an HTML comment."""
    return comment_suppressions(directive_comments(tokens), total_lines)


def directive_comments(tokens: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(line, body) of the HTML comments that may be suppressions (ours and awesome-lint's)."""
    out = []
    for n, body in html_comments(tokens):
        words = body.strip().split(None, 1)
        if words and (words[0] == "lint" or words[0].startswith("awesomelint-")):
            out.append((n, body))
    return out


def comment_suppressions(comments: list[tuple[int, str]], total_lines: int) -> list[Suppression]:
    """The suppressions that (line, body) comments make, in order (an `enable` closes the ranges
    open before it)."""
    out: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for n, body in comments:
        words = body.strip().split(None, 1)
        if words and words[0] == "lint" and len(words) > 1:  # awesome-lint's own: `<!--lint disable awesome-list-item-->`
            foreign = _awesome_lint_comment(words[1], n, total_lines, open_ranges)
            if foreign is not None:
                out.append(foreign)
            continue
        if not words or not words[0].startswith("awesomelint-"):
            continue
        kind = _KINDS.get(words[0][len("awesomelint-") :])
        if kind is None:
            continue
        args = words[1] if len(words) > 1 else ""
        codes = [c.strip().upper() for c in re.split(r"[,\s]+", args) if c.strip()]
        if kind == "next-line":
            out.append(Suppression("next-line", codes, n, n + 1, n + 1))
        elif kind == "file":
            out.append(Suppression("file", codes, n, 1, total_lines))
        elif kind == "range":
            s = Suppression("range", codes, n, n, total_lines)
            out.append(s)
            open_ranges.append(s)
        else:  # enable
            closing = [s for s in open_ranges if not codes or set(s.codes) & set(codes) or not s.codes]
            for s in closing:
                s.end = n
                open_ranges.remove(s)
    return out


# awesome-lint (remark-lint) rule names → the AL6 rules that check the same convention
AWESOME_LINT_NAMES = {
    "awesome-list-item": ["AL602", "AL603"],
    "awesome-badge": ["AL601"],
    "no-repeat-item-in-description": ["AL604"],
    "awesome-no-repeat-item-in-description": ["AL604"],
    "alphabetize-lists": ["AL605"],
}


def _awesome_lint_comment(args: str, n: int, total_lines: int, open_ranges: list[Suppression]) -> Suppression | None:
    """`lint disable|enable|ignore [rule…]`: silences the matching AL6 rules (all of AL6 when no
    rule is named); rules with no AL6 counterpart are ignored. Never reported as unused (AL001):
    they are written for awesome-lint."""
    verb, _, rest = args.strip().partition(" ")
    names = [w.removeprefix("remark-lint:").removeprefix("awesome/") for w in rest.split()]
    codes = sorted({c for w in names for c in AWESOME_LINT_NAMES.get(w, AWESOME_LINT_NAMES.get("awesome-" + w, []))}) if names else ["AL6"]
    if not codes:
        return None
    if verb == "ignore":
        return Suppression("foreign-next-line", codes, n, n + 1, n + 1)
    if verb == "disable":
        s = Suppression("foreign-range", codes, n, n, total_lines)
        open_ranges.append(s)
        return s
    if verb == "enable":
        for s in [s for s in open_ranges if s.kind == "foreign-range" and set(s.codes) & set(codes)]:
            s.end = n
            open_ranges.remove(s)
    return None


def apply_suppressions(diags: list[Diagnostic], sups: list[Suppression]) -> list[Diagnostic]:
    kept = []
    for d in diags:
        hit = False
        for s in sups:
            if s.covers(d):
                s.used = True
                hit = True
        if not hit:
            kept.append(d)
    return kept
