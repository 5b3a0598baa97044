"""The lint engine: the rule registry, one parse per file, all rules over it, suppression comments.

A rule is a small function `(ctx: FileContext) -> Iterable[Diagnostic]`, registered with
`@rule(code, name, ...)`; its docstring has three parts: what it checks, why it matters, and an
example (bad → good). Cross-file checks (duplicate urls across the files given) run once over
all files through `@project_rule`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from awesomelint.model import Document
    from awesomelint.source import SourceText

SEVERITIES = ("error", "warning", "info")


@dataclass
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    message: str
    name: str = ""
    severity: str = "error"
    fixable: bool = False  # a formatter pass (fmt.py) fixes it

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


@dataclass
class Rule:
    code: str
    name: str
    family: str
    func: Callable[..., Iterable[Diagnostic]]
    default: bool = True
    fixable: bool = False
    severity: str = "error"
    project: bool = False

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, *, default: bool = True, fixable: bool = False, severity: str = "error") -> Callable[..., Any]:
    def register(func: Callable[..., Iterable[Diagnostic]]) -> Callable[..., Iterable[Diagnostic]]:
        family = func.__module__.rsplit(".", 1)[-1]
        REGISTRY[code] = Rule(code, name, family, func, default, fixable, severity)
        return func

    return register


def project_rule(code: str, name: str, *, default: bool = True, severity: str = "error") -> Callable[..., Any]:
    def register(func: Callable[..., Iterable[Diagnostic]]) -> Callable[..., Iterable[Diagnostic]]:
        family = func.__module__.rsplit(".", 1)[-1]
        REGISTRY[code] = Rule(code, name, family, func, default, False, severity, project=True)
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


@dataclass
class FileContext:
    """What a rule sees: the records, the source lines, and the rule settings from config."""

    path: str
    source: SourceText
    doc: Document
    settings: dict[str, Any] = field(default_factory=dict)
    _lines: list[str] | None = None
    _tokens: Any = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.source.text.split("\n")
        return self._lines

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def diag(self, line: int, column: int, code: str, message: str) -> Diagnostic:
        return Diagnostic(self.path, line, max(column, 1), code, message)

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
_SUPPRESS = re.compile(r"<!--\s*awesomelint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->")


@dataclass
class Suppression:
    kind: str  # next-line | file | range
    codes: list[str]  # empty: every rule
    line: int  # where the comment is
    start: int
    end: int  # inclusive
    used: bool = False

    def covers(self, d: Diagnostic) -> bool:
        if not (self.start <= d.line <= self.end):
            return False
        return not self.codes or any(d.code.startswith(c) for c in self.codes)


def find_suppressions(lines: list[str]) -> list[Suppression]:
    out: list[Suppression] = []
    open_ranges: list[Suppression] = []
    in_code = False
    for n, text in enumerate(lines, 1):
        if text.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if in_code or "awesomelint-" not in text:
            continue
        for m in _SUPPRESS.finditer(text):
            kind, args = m.group(1), m.group(2)
            codes = [c.strip().upper() for c in re.split(r"[,\s]+", args) if c.strip()]
            if kind == "disable-next-line":
                out.append(Suppression("next-line", codes, n, n + 1, n + 1))
            elif kind == "disable-file":
                out.append(Suppression("file", codes, n, 1, len(lines)))
            elif kind == "disable":
                s = Suppression("range", codes, n, n, len(lines))
                out.append(s)
                open_ranges.append(s)
            else:  # enable
                closing = [s for s in open_ranges if not codes or set(s.codes) & set(codes) or not s.codes]
                for s in closing:
                    s.end = n
                    open_ranges.remove(s)
    return out


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

