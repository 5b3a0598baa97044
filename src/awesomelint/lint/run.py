"""Running lint over files: config per file, one parse per file, every rule, suppressions, fixes."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from awesomelint.config import Config, find_config, load_config
from awesomelint.errors import InputError
from awesomelint.lint.engine import Diagnostic, FileContext, all_rules, apply_suppressions, find_suppressions
from awesomelint.source import SourceText

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", "build", "dist", ".awesomelint_cache"}


@dataclass
class LintResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    fixed: dict[str, int] = field(default_factory=dict)  # path -> number of fixes written
    diffs: list[str] = field(default_factory=list)
    files: int = 0


def expand_paths(paths: Iterable[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                out.extend(os.path.join(root, f) for f in sorted(files) if f.lower().endswith(MARKDOWN_SUFFIXES))
        else:
            out.append(p)
    return out


class ConfigCache:
    def __init__(self, override: Config | None = None) -> None:
        self.override = override
        self._by_file: dict[Path | None, Config] = {}

    def for_path(self, path: str) -> Config:
        if self.override is not None:
            return self.override
        where = find_config(path if os.path.exists(path) else ".")
        if where not in self._by_file:
            self._by_file[where] = load_config(where)
        return self._by_file[where]


def lint_sources(
    sources: list[SourceText],
    configs: ConfigCache,
    overrides: dict[str, list[str]] | None = None,
) -> tuple[list[Diagnostic], list[FileContext]]:
    from awesomelint.parse import parse_source

    rules = all_rules()
    contexts: list[FileContext] = []
    enabled_by_path: dict[str, set[str]] = {}
    results: list[Diagnostic] = []
    for src in sources:
        cfg = configs.for_path(src.path)
        enabled = _with_overrides(cfg.enabled(src.path), overrides)
        doc = parse_source(src)
        ctx = FileContext(src.path, src, doc, settings={"schema": cfg.schema})
        contexts.append(ctx)
        enabled_by_path[src.path] = enabled
        for code in sorted(enabled):
            r = rules[code]
            if r.project or code == "AL001":
                continue
            results.extend(r.func(ctx))
    for code, r in rules.items():
        if r.project:
            chosen = [c for c in contexts if code in enabled_by_path[c.path]]
            if chosen:
                results.extend(r.func(chosen))
    final: list[Diagnostic] = []
    for ctx in contexts:
        cfg = configs.for_path(ctx.path)
        mine = [d for d in results if d.path == ctx.path]
        sups = find_suppressions(ctx.lines)
        mine = apply_suppressions(mine, sups)
        if "AL001" in enabled_by_path[ctx.path]:
            for s in sups:
                if not s.used:
                    what = ", ".join(s.codes) if s.codes else "all rules"
                    mine.append(ctx.diag(s.line, 1, "AL001", f"suppression of {what} suppresses nothing"))
        for d in mine:
            r = rules[d.code]
            d.name = r.name
            d.severity = cfg.severity.get(d.code, r.severity)
            d.fixable = r.fixable
        final.extend(mine)
    final.sort(key=Diagnostic.sort_key)
    return final, contexts


def _with_overrides(enabled: set[str], overrides: dict[str, list[str]] | None) -> set[str]:
    if not overrides:
        return enabled
    codes = all_rules()
    if overrides.get("select"):
        enabled = {c for c in codes if any(c.startswith(s) for s in overrides["select"])}
    enabled |= {c for c in codes if any(c.startswith(s) for s in overrides.get("extend_select", []))}
    enabled -= {c for c in codes if any(c.startswith(s) for s in overrides.get("ignore", []))}
    return enabled
