"""Running lint over files: config per file, one parse per file, every rule, suppressions, a cache.

Three phases, so that phase 1 can be cached and run in parallel:
1. per file: parse once, run the file rules, collect entry urls and suppression comments
   (`FileResult`, cached in the user's cache folder by content, path, version and config,
   signed so that no cache from a repository is believed: see `cachedir`);
2. across files: the project rules (duplicate urls in all the files given);
3. per file: suppressions, unused-suppression reports, names, severities.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from awesomelint.config import Config, load_config
from awesomelint.errors import InputError
from awesomelint.inputs import code_stamp, digest, hasher, hold
from awesomelint.lint.engine import (
    Diagnostic,
    FileContext,
    Suppression,
    all_rules,
    apply_suppressions,
    find_suppressions,
)
from awesomelint.paths import expand_paths, only_named_files
from awesomelint.record import Record
from awesomelint.source import SourceText, file_kind

PARALLEL_MIN_FILES = 4
PARALLEL_MIN_BYTES = 1_000_000


class LintResult(Record):
    __slots__ = _fields = ("diagnostics", "errors", "fixed", "diffs", "files", "inputs")

    def __init__(
        self,
        diagnostics: list[Diagnostic] | None = None,
        errors: list[InputError] | None = None,
        fixed: dict[str, int] | None = None,
        diffs: list[str] | None = None,
        files: int = 0,
        inputs: list[tuple[str, str, str]] | None = None,
    ) -> None:
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.errors: list[InputError] = [] if errors is None else errors
        self.fixed: dict[str, int] = {} if fixed is None else fixed  # path -> number of fixes written
        self.diffs: list[str] = [] if diffs is None else diffs
        self.files = files
        # every input the run read, with what it found (`inputs.PROBES`); None when the run is not
        # one a cached answer may stand for (see `warm`)
        self.inputs = inputs


class FileResult(Record):
    """What phase 1 learns about one file; plain data, so it can be cached and sent between processes."""

    __slots__ = _fields = ("path", "diags", "urls", "suppressions", "enabled", "probes")

    def __init__(
        self,
        path: str,
        diags: list[Diagnostic],
        urls: list[tuple[str, int, int, str, str, str]],
        suppressions: list[Suppression],
        enabled: list[str],
        probes: list[tuple[str, str, str]] | None = None,
    ) -> None:
        self.path = path
        self.diags = diags
        self.urls = urls  # (normalised url, line, column, url as written, section, name as written)
        self.suppressions = suppressions
        self.enabled = enabled
        self.probes: list[tuple[str, str, str]] = [] if probes is None else probes  # what its rules asked of the file system (`inputs`)

    def to_json(self, with_urls: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "diags": [[d.line, d.column, d.code, d.message] for d in self.diags],
            "suppressions": [[s.kind, s.codes, s.line, s.start, s.end] for s in self.suppressions],
            "enabled": self.enabled,
            "probes": self.probes,
        }
        if with_urls:
            data["urls"] = self.urls
        return data

    @classmethod
    def from_json(cls, path: str, data: dict[str, Any]) -> FileResult:
        return cls(
            path,
            [Diagnostic(path, line, col, code, msg) for line, col, code, msg in data["diags"]],
            [tuple(u) for u in data.get("urls", [])],
            [Suppression(k, codes, line, start, end) for k, codes, line, start, end in data["suppressions"]],
            list(data["enabled"]),
            [(k, p, a) for k, p, a in data.get("probes", [])],
        )


def _fixed(src: SourceText, codes: list[str], sort_lines: set[int], format_checked: Any) -> Any:
    """The fixes of one file: the lists sorted (AL605) and the table of contents made again
    (AL403–405), each proved to keep everything else, then the formatter passes of the other
    codes on that text (proved to keep the page)."""
    from awesomelint.fmt import FormatResult
    from awesomelint.lint.sorting import sorted_source
    from awesomelint.lint.toc import regenerated_toc
    from awesomelint.parse import parse_source

    work = src
    if "AL605" in codes:  # first: sorting keeps every line number AL605 was said at within its list
        work = sorted_source(work, parse_source(work), sort_lines) or work
        codes = [c for c in codes if c != "AL605"]
    toc_codes = [c for c in codes if c in ("AL403", "AL404", "AL405")]
    if toc_codes:
        work = regenerated_toc(work, parse_source(work)) or work
        codes = [c for c in codes if c not in toc_codes]
    if not codes:
        return FormatResult(work.text, work.final_newline, {})
    return format_checked(work, codes)


def _config_file(path: str) -> Config:
    """`--config FILE`: this file is the config of every file linted (a pyproject.toml's
    [tool.awesomelint] table, or an .awesomelint.toml's top level)."""
    from awesomelint.errors import ConfigError

    if not os.path.isfile(path):
        raise ConfigError(f"{path}: no such config file")
    return load_config(Path(path))


def _read_stdin(name: str) -> SourceText:
    import sys

    from awesomelint.source import decode

    if file_kind(name) != "markdown":
        raise InputError(name, "standard input is linted as Markdown: give --stdin-filename a Markdown name")
    return decode(sys.stdin.buffer.read(), name)


class ConfigCache:
    """The config of each file, found once per folder. `probes` notes what finding and reading
    them read (see `warm`); `warned` says whether finding one printed a warning."""

    def __init__(self, override: Config | None = None) -> None:
        self.override = override
        self._by_file: dict[Path | None, Config] = {}
        self._by_folder: dict[str, Path | None] = {}  # the config file found from each folder
        self.probes: list[tuple[str, str, str]] = []
        if override is not None and override.path is not None:  # --config FILE
            self.probes += [("f", str(override.path), "1"), ("h", str(override.path), override.digest)]
        self.warned = False

    def _warn(self, message: str) -> None:
        from awesomelint.config import _warn

        self.warned = True
        _warn(message)

    def for_path(self, path: str) -> Config:
        if self.override is not None:
            return self.override
        start = path if os.path.exists(path) else "."
        real = os.path.realpath(start)  # as find_config resolves it (a linked file has its target's config)
        folder = real if os.path.isdir(real) else os.path.dirname(real)
        if folder not in self._by_folder:
            from awesomelint.inputs import find_config

            found = find_config(start, self._warn)
            self.probes.append(("c", start, found or ""))
            self._by_folder[folder] = Path(found) if found is not None else None
        where = self._by_folder[folder]
        if where not in self._by_file:
            cfg = self._by_file[where] = load_config(where)
            if where is not None:
                self.probes.append(("h", str(where), cfg.digest))
        return self._by_file[where]


# -- phase 1 ------------------------------------------------------------------------------------
def lint_file(src: SourceText, enabled: set[str], schema: dict[str, Any]) -> FileResult:
    """Parse one file and run its file rules (no suppression yet)."""
    from awesomelint.lint.rules.duplicates import entry_url_index
    from awesomelint.parse import parse_source_tokens

    rules = all_rules()
    if file_kind(src.path) == "data":  # our YAML/JSON: the rules that read only records
        from awesomelint.yamlio import assign_data_lines, from_data, load_yaml

        doc = from_data(load_yaml(src.text, src.path), src.path)
        doc.path = src.path
        assign_data_lines(doc, src.text)
        enabled = {c for c in enabled if rules[c].records}
        tokens: Any = []
    else:
        # the style rules format the file, from all its tokens; the others need only a few
        doc, tokens = parse_source_tokens(src, shed=not any(rules[c].family == "style" for c in enabled))
    ctx = FileContext(src.path, src, doc, settings={"schema": schema}, _tokens=tokens)
    diags: list[Diagnostic] = []
    for code in sorted(enabled):
        r = rules[code]
        if not r.project and code != "AL001":
            diags.extend(r.func(ctx))
    urls = entry_url_index(ctx) if "AL201" in enabled else []
    sups = find_suppressions(ctx.block_tokens, len(ctx.lines)) if tokens else []
    return FileResult(src.path, diags, urls, sups, sorted(enabled), ctx.probes)


def _lint_file_job(args: tuple[str, str, bool, str, bool, list[str], dict[str, Any]]) -> dict[str, Any]:
    path, text, bom, newline, final_newline, enabled, schema = args
    src = SourceText(path, text, bom, newline, final_newline)
    return lint_file(src, set(enabled), schema).to_json()


_CACHE_FORMAT = "5"  # the probes of the file system a result depends on


class ResultCache:
    """Lint results of one project, in the user's cache folder (see `cachedir`), signed.

    Keys cover the file's content and path, the tool version and the configuration. Nothing in
    the work tree is read or written, so a cache committed to a list's repository changes
    nothing; an entry that does not verify is a miss.
    """

    def __init__(self, root: Path) -> None:
        from awesomelint.cachedir import SignedStore

        self.store = SignedStore(root, "lint")
        self.parts = SignedStore(root, "parts")

    def by_parts(self, src: SourceText, enabled: set[str], schema: dict[str, Any], config_key: str) -> FileResult | None:
        """A Markdown file's result from its parts' entries (see `lint/parts.py`), None when it is
        not read by parts."""
        if file_kind(src.path) != "markdown":
            return None
        from awesomelint.lint.parts import lint_by_parts

        store = self.parts
        if not store.enabled:
            return None
        # the first time a file is linted it is read whole (a fresh cache, as in CI, gains nothing
        # from parts and would pay for storing them); from its next version on, by parts
        seen = "m" + digest("\0".join((code_stamp(), src.path, config_key)).encode("utf-8", "surrogateescape"))
        if store.get(seen) is None:
            store.put(seen, 1)
            return None
        result: FileResult | None = lint_by_parts(src, enabled, schema, store, config_key)
        return result

    @staticmethod
    def key(src: SourceText, enabled: Iterable[str], config_key: str) -> str:
        h = hasher()
        for part in (code_stamp(), _CACHE_FORMAT, src.path, config_key, ",".join(sorted(enabled))):
            h.update(part.encode("utf-8", "surrogateescape"))
            h.update(b"\0")
        h.update(src.text.encode("utf-8", "surrogateescape"))
        h.update(b"\0%d" % src.final_newline)
        return h.hexdigest()

    def get(self, key: str, path: str) -> FileResult | None:
        data = self.store.get(key)
        if not isinstance(data, dict) or not hold(data.get("probes", [])):
            return None  # missing, or a file its rules looked at is not what it was
        try:
            return FileResult.from_json(path, data)
        except (KeyError, TypeError, ValueError):
            return None

    def get_urls(self, key: str) -> list[tuple[str, int, int, str, str, str]] | None:
        data = self.store.get(key + ".urls")
        try:
            return [tuple(u) for u in data] if isinstance(data, list) else None
        except TypeError:
            return None

    def get_project(self, key: str, by_path: dict[str, str]) -> list[Diagnostic] | None:
        data = self.store.get(key)
        try:
            return [Diagnostic(by_path[p], line, col, code, msg) for p, line, col, code, msg in data] if isinstance(data, list) else None
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, key: str, result: FileResult, config_key: str) -> None:
        """Keep a file's result; its result for an earlier version (same path, rules and
        configuration) is deleted."""
        self.store.put(key, result.to_json(with_urls=False))
        self.store.put(key + ".urls", result.urls)
        self.store.supersede("\0".join(("file", result.path, config_key, ",".join(result.enabled))), [key, key + ".urls"])

    def put_project(self, key: str, diags: list[Diagnostic], paths: list[str]) -> None:
        self.store.put(key, [[d.path, d.line, d.column, d.code, d.message] for d in diags])
        self.store.supersede("\0".join(("project", *sorted(paths))), [key])


def lint_sources(
    sources: list[SourceText],
    configs: ConfigCache,
    overrides: dict[str, list[str]] | None = None,
    use_cache: bool = False,
) -> tuple[list[Diagnostic], list[FileResult]]:
    rules = all_rules()
    results: list[FileResult | None] = []
    keys: list[tuple[str, str, ResultCache] | None] = []  # (key, path, cache) of cache hits
    todo: list[tuple[int, SourceText, set[str], dict[str, Any], str | None, ResultCache | None]] = []
    caches: dict[Path, ResultCache] = {}
    config_keys: dict[int, str] = {}
    for i, src in enumerate(sources):
        cfg = configs.for_path(src.path)
        enabled = _with_overrides(cfg.enabled(src.path), overrides)
        cache = key = None
        try:
            root = cfg.root if use_cache else None  # (no config: the folder the run started in)
        except OSError:
            root = None  # that folder was deleted: no cache, the file is linted all the same
        if root is not None:
            cache = caches.get(root)
            if cache is None:
                cache = caches[root] = ResultCache(root)
            config_keys[i] = config_key = cfg.cache_key()
            key = cache.key(src, enabled, config_key)
            hit = cache.get(key, src.path)
            if hit is not None:
                results.append(hit)
                keys.append((key, src.path, cache))
                continue
            by_parts = cache.by_parts(src, enabled, cfg.schema, config_key)
            if by_parts is not None:  # an edit: only the parts it touched were read again
                cache.put(key, by_parts, config_key)
                results.append(by_parts)
                keys.append(None)
                continue
        keys.append(None)
        results.append(None)
        todo.append((i, src, enabled, cfg.schema, key, cache))
    for (i, _, _, _, key, cache), res in zip(todo, _run_phase1(todo)):
        results[i] = res
        if cache is not None and key is not None:
            cache.put(key, res, config_keys[i])
    done = [r for r in results if r is not None]
    # phase 2: rules over all files; when every file came from the cache, so may their result
    project_key = None
    project: list[Diagnostic] | None = None
    cached = [k for k in keys if k is not None]
    if use_cache and cached and len(cached) == len(done):
        project_key = "p" + digest("\0".join(k[0] for k in cached).encode())
        project = cached[0][2].get_project(project_key, {p: p for _, p, _ in cached})
    if project is None:
        for fr, k in zip(results, keys):
            if fr is not None and k is not None and any(rules[c].project for c in fr.enabled):
                fr.urls = k[2].get_urls(k[0]) or []
        project = []
        for code, r in rules.items():
            if r.project:
                project.extend(r.func([fr for fr in done if code in fr.enabled]))
        if project_key is not None:
            cached[0][2].put_project(project_key, project, [p for _, p, _ in cached])
    # phase 3: per file
    final: list[Diagnostic] = []
    by_path: dict[str, list[Diagnostic]] = {}
    for d in project:
        by_path.setdefault(d.path, []).append(d)
    for fr in done:
        cfg = configs.for_path(fr.path)
        sups = [Suppression(s.kind, s.codes, s.line, s.start, s.end) for s in fr.suppressions]
        mine = apply_suppressions(fr.diags + by_path.get(fr.path, []), sups)
        if "AL001" in fr.enabled:
            for s in sups:
                if not s.used and not s.kind.startswith("foreign"):
                    what = ", ".join(s.codes) if s.codes else "all rules"
                    mine.append(Diagnostic(fr.path, s.line, 1, "AL001", f"suppression of {what} suppresses nothing"))
        for d in mine:
            r = rules[d.code]
            d.name = r.name
            d.severity = cfg.severity.get(d.code, r.severity)
            d.fixable = r.fixable
        final.extend(mine)
    final.sort(key=Diagnostic.sort_key)
    return final, done


def _run_phase1(todo: list[tuple[int, SourceText, set[str], dict[str, Any], str | None, Any]]) -> list[FileResult]:
    total = sum(len(t[1].text) for t in todo)
    workers = min(os.cpu_count() or 1, len(todo))
    if len(todo) < PARALLEL_MIN_FILES or total < PARALLEL_MIN_BYTES or workers < 2 or os.environ.get("AWESOMELINT_NO_PARALLEL"):
        return [lint_file(src, enabled, schema) for _, src, enabled, schema, _, _ in todo]
    from concurrent.futures import ProcessPoolExecutor

    jobs = [(src.path, src.text, src.bom, src.newline, src.final_newline, sorted(enabled), schema) for _, src, enabled, schema, _, _ in todo]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        data = list(pool.map(_lint_file_job, jobs, chunksize=max(1, len(jobs) // (workers * 4))))
    return [FileResult.from_json(job[0], d) for job, d in zip(jobs, data)]


def _with_overrides(enabled: set[str], overrides: dict[str, list[str]] | None) -> set[str]:
    """The command line's --select/--extend-select/--ignore over a file's enabled rules, matched
    as the config's own selectors are (`ALL`, a code, a prefix): one matcher for both."""
    from awesomelint.config import apply_selectors

    if not overrides or not any(overrides.values()):
        return enabled  # no --select, --extend-select or --ignore given
    return apply_selectors(enabled, all_rules(), overrides.get("select"), overrides.get("extend_select", []), overrides.get("ignore", []))


def lint_paths(
    paths: list[str],
    *,
    fix: bool = False,
    diff: bool = False,
    overrides: dict[str, list[str]] | None = None,
    use_cache: bool = False,
    exclude: Iterable[str] = (),
    stdin_filename: str | None = None,
    config_file: str | None = None,
) -> LintResult:
    """Lint files (and folders, for their Markdown files); with `fix`, write the safe fixes.
    `-` is standard input, named `stdin_filename` (for its config, its kind and the messages)."""
    from awesomelint.errors import UnsafeFormatError
    from awesomelint.parse import load
    from awesomelint.source import DATA_NOT_FORMATTED, not_a_list, read_source, write_atomic

    result = LintResult()
    sources: list[SourceText] = []
    configs = ConfigCache(_config_file(config_file) if config_file else None)
    explicit = set(paths)
    found = expand_paths(paths, exclude)
    # files named as such, each read whole: what a cached answer may stand for
    plain = not (fix or diff) and only_named_files(paths, found)
    for path in found:
        if path not in explicit and configs.for_path(path).excludes(path):
            continue  # found by walking a folder, and the config excludes it
        if path == "-":
            name = stdin_filename or "<stdin>.md"
            try:
                if fix or diff:
                    raise InputError(name, "--fix and --diff cannot write to standard input; use `awesomelint fmt -`")
                sources.append(_read_stdin(name))
            except InputError as err:
                result.errors.append(err)
            continue
        kind = file_kind(path)
        try:
            if kind == "other":
                raise not_a_list(path)
            if kind == "data" and (fix or diff):
                raise InputError(path, DATA_NOT_FORMATTED)
            src = read_source(path)
            if kind == "data":
                load(path, src)  # malformed data is an input error, before any rule runs
            sources.append(src)
        except InputError as err:
            result.errors.append(err)
    result.files = len(sources)
    if not sources and not result.errors:
        result.errors.append(InputError(", ".join(paths), "no Markdown files found"))
    diags, done = lint_sources(sources, configs, overrides, use_cache=use_cache and not (fix or diff))
    if plain and not result.errors and not configs.warned and all(s.stamp is not None for s in sources):
        probes = [("r", p, os.path.realpath(p)) for p in paths]  # a file named twice is read once
        probes += [("h", s.path, s.stamp.digest) for s in sources if s.stamp is not None]
        probes += configs.probes
        for fr in done:
            probes += fr.probes
        result.inputs = probes
    if fix or diff:
        from awesomelint.fmt import format_checked

        fixed_paths = []
        for src in sources:
            codes = sorted({d.code for d in diags if d.path == src.path and d.fixable})
            if not codes:
                continue
            try:
                res = _fixed(src, codes, {d.line for d in diags if d.path == src.path and d.code == "AL605"}, format_checked)
            except UnsafeFormatError as err:
                result.errors.append(err)
                continue
            if not res.changed(src):
                continue
            if diff:
                result.diffs.append(res.diff(src))
            if fix:
                try:
                    write_atomic(src.path, res.encoded(src), expect=src.stamp)
                except InputError as err:
                    result.errors.append(err)
                    continue
                result.fixed[src.path] = sum(1 for d in diags if d.path == src.path and d.fixable)
                fixed_paths.append(src.path)
        if fixed_paths:
            again = [read_source(p) for p in fixed_paths]
            rest, _ = lint_sources(again + [s for s in sources if s.path not in fixed_paths], configs, overrides)
            diags = rest
    result.diagnostics = diags
    return result
