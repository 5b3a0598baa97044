"""Configuration: `[tool.awesomelint]` in pyproject.toml, or `.awesomelint.toml`, found by walking up.

Keys: select, ignore, extend-select, per-file-ignores, severity, and the opt-in rule settings
(`[tool.awesomelint.schema]`: required-links, required-attributes, allowed-values). Unknown keys,
codes or values raise `ConfigError` (exit 2).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from awesomelint.errors import ConfigError
from awesomelint.record import Record

KNOWN_KEYS = {"select", "ignore", "extend-select", "per-file-ignores", "severity", "schema", "exclude", "links", "html"}
HTML_KEYS = {"datasets": bool}  # [tool.awesomelint.html]: options of the HTML page
LINK_KEYS = {
    "concurrency": int,
    "per-host": int,
    "timeout": float,
    "host-timeouts": dict,
    "retries": int,
    "backoff": float,
    "max-retry-after": float,
    "max-redirects": int,
    "alive": list,
    "skip": list,
    "ttl-hours": float,
    "fail-after": int,
    "allow-private-redirects": bool,
}
SCHEMA_KEYS = {"required-links", "required-attributes", "allowed-values"}
MAX_CONFIG_BYTES = 1_000_000


class Config(Record):
    """The settings of one config file (none: the defaults). Compared and shown by its settings:
    `digest` (of the file's bytes, as read) and the rule codes worked out from them are not."""

    _fields = ("path", "select", "ignore", "extend_select", "per_file_ignores", "severity", "schema", "exclude", "links", "html")
    __slots__ = (*_fields, "_chosen", "digest")

    def __init__(
        self,
        path: Path | None = None,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        extend_select: list[str] | None = None,
        per_file_ignores: dict[str, list[str]] | None = None,
        severity: dict[str, str] | None = None,
        schema: dict[str, Any] | None = None,
        exclude: list[str] | None = None,
        links: dict[str, Any] | None = None,
        html: dict[str, Any] | None = None,
    ) -> None:
        self.path = path  # the file it came from
        self.select = select
        self.ignore: list[str] = [] if ignore is None else ignore
        self.extend_select: list[str] = [] if extend_select is None else extend_select
        self.per_file_ignores: dict[str, list[str]] = {} if per_file_ignores is None else per_file_ignores
        self.severity: dict[str, str] = {} if severity is None else severity
        self.schema: dict[str, Any] = {} if schema is None else schema
        self.exclude: list[str] = [] if exclude is None else exclude
        self.links: dict[str, Any] = {} if links is None else links  # LinkOptions fields
        self.html: dict[str, Any] = {} if html is None else html  # HTML_KEYS
        self._chosen: tuple[Any, frozenset[str]] | None = None
        self.digest = ""

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def enabled(self, path: str) -> set[str]:
        """The rule codes that apply to `path`."""
        from awesomelint.lint.engine import all_rules

        rules = all_rules()
        # the same for every file of this config: worked out once (again if a setting changes)
        key = (None if self.select is None else tuple(self.select), tuple(self.extend_select), tuple(self.ignore), bool(self.schema))
        if self._chosen is None or self._chosen[0] != key:
            chosen: set[str] = set()
            if self.select is None:
                chosen = {c for c, r in rules.items() if r.default}
                if self.schema:
                    chosen |= {c for c, r in rules.items() if r.family == "schema"}
            self._chosen = (key, frozenset(apply_selectors(chosen, rules, self.select, self.extend_select, self.ignore)))
        chosen = set(self._chosen[1])
        if not self.per_file_ignores:
            return chosen
        rel = _relative(path, self.root)
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern):
                chosen -= {c for c in rules if _matches(c, codes)}
        return chosen

    def excludes(self, path: str) -> bool:
        """Does `exclude` (glob patterns, relative to the config's folder) match this file?"""
        if not self.exclude:
            return False
        rel = _relative(path, self.root)
        return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(rel, p.rstrip("/") + "/*") for p in self.exclude)

    def cache_key(self) -> str:
        import json

        return json.dumps(
            [self.select, self.ignore, self.extend_select, self.per_file_ignores, self.severity, self.schema],
            sort_keys=True,
        )


def _matches(code: str, selectors: list[str]) -> bool:
    return any(s == "ALL" or code.startswith(s) for s in selectors)


def apply_selectors(enabled: set[str], codes: Iterable[str], select: list[str] | None, extend_select: list[str], ignore: list[str]) -> set[str]:
    """`select` (when given) replaces the enabled rules, `extend_select` adds, `ignore` removes;
    each a list of `ALL`, codes and prefixes. The config and the command line both go through here."""
    codes = list(codes)
    if select:
        enabled = {c for c in codes if _matches(c, select)}
    return (enabled | {c for c in codes if _matches(c, extend_select)}) - {c for c in codes if _matches(c, ignore)}


def _relative(path: str, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return path


def _warn(message: str) -> None:
    import sys

    from awesomelint.errors import printable

    sys.stderr.write(printable(f"awesomelint: warning: {message}") + "\n")


def find_config(start: str | Path, warn: Callable[[str], None] = _warn) -> Path | None:
    """The nearest `.awesomelint.toml`, or pyproject.toml with a [tool.awesomelint] table (see
    `inputs.find_config`, which a warm run calls without this module)."""
    from awesomelint.inputs import find_config as find

    found = find(str(start), warn)
    return Path(found) if found is not None else None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    import tomllib

    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read ({err.strerror or err})") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: {len(raw)} bytes is too large for a config file (at most {MAX_CONFIG_BYTES})")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: not valid UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML ({err})") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML (nested too deeply)") from None
    nested = path.name == "pyproject.toml" or (set(data) == {"tool"} and isinstance(data["tool"], dict) and "awesomelint" in data["tool"])
    table = data.get("tool", {}).get("awesomelint", {}) if nested else data  # a pyproject-style file given by --config
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.awesomelint] must be a table")
    cfg = config_from_table(table, path)
    from awesomelint.inputs import digest

    cfg.digest = digest(raw)
    return cfg


def config_from_table(table: dict[str, Any], path: Path | None) -> Config:
    from awesomelint.lint.engine import SEVERITIES, all_rules

    where = str(path) if path else "config"
    unknown = set(table) - KNOWN_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(KNOWN_KEYS))})")
    codes = all_rules()

    def code_list(key: str) -> list[str]:
        return code_list_value(table.get(key, []), key, where, codes)

    cfg = Config(path=path)
    if "select" in table:
        cfg.select = code_list("select")
    cfg.ignore = code_list("ignore")
    cfg.extend_select = code_list("extend-select")
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{where}: per-file-ignores must be a table of pattern = [codes]")
    for pattern, value in pfi.items():
        if not isinstance(pattern, str):
            raise ConfigError(f"{where}: per-file-ignores must be a table of pattern = [codes]")
        cfg.per_file_ignores[pattern] = code_list_value(value, f"per-file-ignores.{pattern}", where, codes)
    sev = table.get("severity", {})
    if not isinstance(sev, dict):
        raise ConfigError(f'{where}: severity must be a table of CODE = "error"|"warning"|"info"')
    for code, level in sev.items():
        if not isinstance(code, str) or code.upper() not in codes:
            raise ConfigError(f"{where}: severity: unknown rule code {code!r}")
        if level not in SEVERITIES:
            raise ConfigError(f"{where}: severity.{code}: {level!r} is not one of {', '.join(SEVERITIES)}")
        cfg.severity[code.upper()] = level
    schema = table.get("schema", {})
    if not isinstance(schema, dict) or set(schema) - SCHEMA_KEYS:
        raise ConfigError(f"{where}: schema: unknown key(s) {', '.join(sorted(set(schema) - SCHEMA_KEYS))}")
    for key in ("required-links", "required-attributes"):
        if key in schema and not (isinstance(schema[key], list) and all(isinstance(v, str) for v in schema[key])):
            raise ConfigError(f"{where}: schema.{key} must be a list of names")
    allowed = schema.get("allowed-values", {})
    if not isinstance(allowed, dict) or not all(isinstance(v, list) and all(isinstance(x, (str, int, float)) for x in v) for v in allowed.values()):
        raise ConfigError(f"{where}: schema.allowed-values must be a table of attribute = [values]")
    cfg.schema = schema
    exclude = table.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(v, str) for v in exclude):
        raise ConfigError(f"{where}: exclude must be a list of glob patterns (strings)")
    cfg.exclude = exclude
    page = table.get("html", {})
    if not isinstance(page, dict):
        raise ConfigError(f"{where}: html must be a table")
    for key, value in page.items():
        if key not in HTML_KEYS:
            raise ConfigError(f"{where}: html: unknown key {key!r} (known: {', '.join(sorted(HTML_KEYS))})")
        if not isinstance(value, HTML_KEYS[key]):
            raise ConfigError(f"{where}: html.{key} must be true or false")
        cfg.html[key] = value
    links = table.get("links", {})
    if not isinstance(links, dict):
        raise ConfigError(f"{where}: links must be a table")
    for key, value in links.items():
        kind = LINK_KEYS.get(key)
        if kind is None:
            raise ConfigError(f"{where}: links: unknown key {key!r} (known: {', '.join(sorted(LINK_KEYS))})")
        if kind is bool:
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: links.{key} must be true or false")
        elif not isinstance(value, (int, float) if kind is float else kind) or isinstance(value, bool):
            raise ConfigError(f"{where}: links.{key} must be a {kind.__name__}")
        _check_link_value(key, value, where)
        if key == "ttl-hours":
            cfg.links["ttl"] = float(value) * 3600
        elif key == "alive":
            cfg.links["alive"] = {int(v) for v in value}
        else:
            cfg.links[key.replace("-", "_")] = value
    return cfg


def _check_link_value(key: str, value: Any, where: str) -> None:
    """The shape of a `[tool.awesomelint.links]` value beyond its type."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        raise ConfigError(f"{where}: links.{key} must not be negative")
    if key == "alive" and not all(isinstance(v, int) and not isinstance(v, bool) and 100 <= v <= 599 for v in value):
        raise ConfigError(f"{where}: links.alive must be a list of HTTP status codes (100 to 599)")
    if key == "skip":
        if not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: links.skip must be a list of regular expressions (strings)")
        for pattern in value:
            check_regex(pattern, f"{where}: links.skip")
    if key == "host-timeouts":
        for host, t in value.items():
            if not isinstance(t, (int, float)) or isinstance(t, bool) or t <= 0:
                raise ConfigError(f"{where}: links.host-timeouts.{host} must be a number of seconds above 0")


def check_regex(pattern: str, where: str) -> None:
    import re

    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as err:
        raise ConfigError(f"{where}: {pattern!r} is not a valid regular expression ({err})") from None


def code_list_value(value: Any, key: str, where: str, codes: dict[str, Any]) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of rule codes")
    for v in value:
        if v != "ALL" and not any(c.startswith(v.upper()) for c in codes):
            raise ConfigError(f"{where}: {key}: unknown rule code {v!r}")
    return [v.upper() for v in value]
