"""Link checking (`awesomelint links`): opt-in, concurrent, fair to hosts, and patient with flaky ones.

Never part of `lint`, which stays offline. For every http(s) url of every entry (url and links):
HEAD first, GET when HEAD is refused; redirects followed by hand up to a limit and reported
(permanent ones are fixable); timeouts, connection errors and 5xx retried with exponential
backoff; 429 waits for `Retry-After`. A global and a per-host limit keep us polite. Results are
cached on disk with a time-to-live, and a link is reported dead only after it failed in
`fail_after` consecutive runs, so one bad night of a host does not fail a pull request.
"""

from __future__ import annotations

import asyncio
import email.utils
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from awesomelint.lint.engine import Diagnostic

PERMANENT = {301, 308}
TEMPORARY = {302, 303, 307}
RETRY_STATUS = {500, 502, 503, 504}
HEAD_REFUSED = {405, 501, 403, 404, 400}  # some servers answer HEAD badly: ask again with GET


@dataclass
class LinkOptions:
    concurrency: int = 16
    per_host: int = 2
    timeout: float = 15.0  # whole request, seconds
    host_timeouts: dict[str, float] = field(default_factory=dict)
    retries: int = 2
    backoff: float = 1.0  # first retry waits this long, then doubles
    max_retry_after: float = 60.0
    max_redirects: int = 10
    alive: set[int] = field(default_factory=set)  # extra statuses that count as alive (e.g. 403)
    skip: list[str] = field(default_factory=list)  # regexes of urls not to check
    ttl: float = 24 * 3600.0
    fail_after: int = 1
    allow_private_redirects: bool = False  # follow a public url's redirect to a loopback/private address
    user_agent: str = "awesomelint-links (+https://pypi.org/project/awesomelint/)"


@dataclass
class LinkResult:
    url: str
    ok: bool
    status: int | None = None
    error: str | None = None
    final_url: str | None = None
    permanent_redirect: str | None = None  # where a permanent redirect (chain) ends
    attempts: int = 0
    from_cache: bool = False
    failures: int = 0  # consecutive failed runs, this one included

    @property
    def dead(self) -> bool:
        return not self.ok


@dataclass
class Occurrence:
    path: str
    line: int
    column: int
    url: str


# -- collecting urls ------------------------------------------------------------------------------
def collect(paths: list[str], changed_since: str | None = None) -> list[Occurrence]:
    from awesomelint.lint.rules.entries import column_of
    from awesomelint.parse import load

    out: list[Occurrence] = []
    for path in paths:
        loaded = load(path)
        lines = loaded.source.text.split("\n")
        added = _added_lines(path, changed_since) if changed_since else None
        for _, e in loaded.doc.iter_entries():
            for url, line in [(e.url, e.line)] + [(lk.url, lk.line or e.line) for lk in e.links]:
                if not url or not url.lower().startswith(("http://", "https://")):
                    continue
                text = lines[line - 1] if 0 < line <= len(lines) else ""
                if added is not None and not any(url in lines[n - 1] for n in added if 0 < n <= len(lines)):
                    continue
                out.append(Occurrence(path, line, column_of(text, url[:20]), url))
    return out


def _added_lines(path: str, rev: str) -> set[int]:
    """Lines of `path` added since git revision `rev` (all lines for a file git does not know)."""
    import subprocess

    from awesomelint.errors import AwesomelintError

    folder = os.path.dirname(os.path.abspath(path))
    commit = _verified_revision(rev, folder)
    r = subprocess.run(
        ["git", "diff", "--unified=0", "--no-color", commit, "--", os.path.abspath(path)],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    if r.returncode != 0:
        raise AwesomelintError(f"--changed-only {rev}: git diff failed: {r.stderr.strip().splitlines()[-1] if r.stderr.strip() else 'not a git repository?'}")
    known = subprocess.run(["git", "ls-files", "--error-unmatch", os.path.abspath(path)], cwd=folder, capture_output=True)
    if known.returncode != 0:
        return set(range(1, 10**9))
    lines: set[int] = set()
    for m in re.finditer(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", r.stdout, re.M):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


def _verified_revision(rev: str, folder: str) -> str:
    """The commit `rev` names, checked by git before it is used; never passed on as an option."""
    import subprocess

    from awesomelint.errors import AwesomelintError

    if not rev or rev.startswith("-"):
        raise AwesomelintError(f"--changed-only: {rev!r} is not a git revision")
    r = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    sha = r.stdout.strip()
    if r.returncode != 0 or not re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", sha):
        raise AwesomelintError(f"--changed-only: {rev!r} is not a commit of the git repository at {folder}")
    return sha


# -- where a url may lead --------------------------------------------------------------------------
def _host_addresses(host: str) -> list[str]:
    """The IP addresses of `host` (itself when it is one); empty when it does not resolve."""
    import ipaddress
    import socket

    h = host.strip("[]")
    try:
        return [str(ipaddress.ip_address(h))]
    except ValueError:
        pass
    if h.lower() == "localhost" or h.lower().endswith(".localhost"):
        return ["127.0.0.1"]
    try:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(h, None)})
    except (OSError, UnicodeError):
        return []


def is_private_host(host: str) -> bool:
    """Loopback, private, link-local or otherwise not a public address (checked after resolving)."""
    import ipaddress

    for addr in _host_addresses(host):
        ip = ipaddress.ip_address(addr.split("%", 1)[0])
        if ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_reserved or ip.is_unspecified or ip.is_multicast:
            return True
    return False


def valid_http_url(url: str) -> bool:
    """An absolute http(s) url with a host and nothing a request or a Markdown link could choke on."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return False
    return not any(ord(c) < 0x20 or c == "\x7f" for c in url)  # spaces are percent-encoded when written


# -- the cache ------------------------------------------------------------------------------------
class LinkCache:
    """url → {ok, status, checked, failures}: one signed entry in the user's cache folder (see
    `cachedir`), so that a cache committed to a list's repository cannot make dead links alive."""

    NAME = "links"

    def __init__(self, project_root: Path | None) -> None:
        self.store = None
        self.data: dict[str, dict[str, Any]] = {}
        if project_root is not None:
            from awesomelint.cachedir import SignedStore

            self.store = SignedStore(project_root, "links")
            loaded = self.store.get(self.NAME)
            if isinstance(loaded, dict):
                self.data = {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, dict)}

    def fresh(self, url: str, ttl: float, now: float) -> dict[str, Any] | None:
        entry = self.data.get(url)
        try:
            if entry and entry.get("ok") is True and now - float(entry.get("checked", 0)) < ttl:
                return entry
        except (TypeError, ValueError):
            return None
        return None

    def failures(self, url: str) -> int:
        try:
            return int(self.data.get(url, {}).get("failures", 0))
        except (TypeError, ValueError):
            return 0

    def record(self, r: LinkResult, now: float) -> None:
        self.data[r.url] = {
            "ok": r.ok,
            "status": r.status,
            "checked": now,
            "failures": 0 if r.ok else r.failures,
            "redirect": r.permanent_redirect,
        }

    def save(self) -> None:
        if self.store is not None:
            self.store.put(self.NAME, self.data)


# -- checking -------------------------------------------------------------------------------------
class Checker:
    def __init__(self, options: LinkOptions, progress: Callable[[int, int], None] | None = None) -> None:
        self.o = options
        self.progress = progress
        self._global: asyncio.Semaphore | None = None
        self._hosts: dict[str, asyncio.Semaphore] = {}
        from awesomelint.config import check_regex

        for p in options.skip:
            check_regex(p, "--skip")
        self._skip = [re.compile(p) for p in options.skip]

    def skipped(self, url: str) -> bool:
        return any(p.search(url) for p in self._skip)

    def _host_sem(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(max(1, self.o.per_host))
        return self._hosts[host]

    def _timeout_for(self, url: str) -> float:
        host = urlsplit(url).hostname or ""
        return self.o.host_timeouts.get(host, self.o.timeout)

    async def check_all(self, urls: list[str]) -> dict[str, LinkResult]:
        import httpx

        self._global = asyncio.Semaphore(max(1, self.o.concurrency))
        limits = httpx.Limits(max_connections=max(1, self.o.concurrency), max_keepalive_connections=max(1, self.o.concurrency))
        results: dict[str, LinkResult] = {}
        done = 0
        async with httpx.AsyncClient(follow_redirects=False, limits=limits, headers={"User-Agent": self.o.user_agent}, trust_env=False) as client:

            async def one(url: str) -> None:
                nonlocal done
                try:
                    results[url] = await self.check(client, url)
                except Exception as err:  # whatever a server does, it is this url's result, not the run's
                    results[url] = LinkResult(url, ok=False, error=f"request failed ({type(err).__name__})")
                done += 1
                if self.progress:
                    self.progress(done, len(urls))

            await asyncio.gather(*(one(u) for u in urls))
        return results

    async def check(self, client: Any, url: str) -> LinkResult:
        result = LinkResult(url, ok=False)
        current = url
        chain_permanent = True
        if not valid_http_url(url):
            result.error = "not a valid http(s) url"
            return result
        start_private: bool | None = None
        for _ in range(self.o.max_redirects + 1):
            status, location, error = await self._request_with_retries(client, current, result)
            if error is not None:
                result.error = error
                return result
            assert status is not None
            if status in PERMANENT | TEMPORARY and location:
                chain_permanent = chain_permanent and status in PERMANENT
                try:
                    target = urljoin(current, location.strip())
                except ValueError:
                    target = ""
                if not valid_http_url(target):
                    result.status = status
                    result.error = f"redirects to an invalid url ({location[:80]!r})"
                    return result
                if not self.o.allow_private_redirects:
                    loop = asyncio.get_running_loop()
                    if start_private is None:
                        start_private = await loop.run_in_executor(None, is_private_host, urlsplit(url).hostname or "")
                    if not start_private and await loop.run_in_executor(None, is_private_host, urlsplit(target).hostname or ""):
                        result.status = status
                        result.error = f"redirects to a private address ({urlsplit(target).hostname}); not followed"
                        return result
                current = target
                if current == url or current == result.final_url:
                    result.error = "redirect loop"
                    result.status = status
                    return result
                result.final_url = current
                continue
            result.status = status
            result.ok = 200 <= status < 300 or status in self.o.alive
            if result.final_url and chain_permanent and result.ok:
                result.permanent_redirect = result.final_url
            if not result.ok:
                result.error = f"HTTP {status}"
            return result
        result.error = f"more than {self.o.max_redirects} redirects"
        return result

    async def _request_with_retries(self, client: Any, url: str, result: LinkResult) -> tuple[int | None, str | None, str | None]:
        import httpx

        delay = self.o.backoff
        attempt = 0
        while True:
            attempt += 1
            result.attempts += 1
            try:
                status, location, retry_after = await self._head_then_get(client, url)
            except (httpx.InvalidURL, httpx.UnsupportedProtocol, ValueError) as err:
                return None, None, f"invalid url in the request or its redirect ({type(err).__name__})"
            except (TimeoutError, httpx.TimeoutException):
                error = "timed out"
            except httpx.TransportError as err:
                error = f"connection failed ({type(err).__name__})"
            else:
                if status == 429 and attempt <= self.o.retries:
                    wait = min(retry_after if retry_after is not None else delay, self.o.max_retry_after)
                    await asyncio.sleep(wait)
                    delay *= 2
                    continue
                if status in RETRY_STATUS and attempt <= self.o.retries:
                    await asyncio.sleep(delay)
                    delay *= 2
                    continue
                return status, location, None
            if attempt > self.o.retries:
                return None, None, error
            await asyncio.sleep(delay)
            delay *= 2

    async def _head_then_get(self, client: Any, url: str) -> tuple[int, str | None, float | None]:
        assert self._global is not None
        timeout = self._timeout_for(url)
        async with self._global, self._host_sem(url):
            # one deadline for the whole exchange: connect, headers, and the GET when HEAD is refused
            # (a server that trickles its headers byte by byte is cut off, not waited for)
            return await asyncio.wait_for(self._exchange(client, url, timeout), timeout)

    async def _exchange(self, client: Any, url: str, timeout: float) -> tuple[int, str | None, float | None]:
        resp = await client.head(url, timeout=timeout)
        if resp.status_code in HEAD_REFUSED:
            async with client.stream("GET", url, timeout=timeout) as streamed:
                resp = streamed  # headers are enough; the body is not downloaded
        return resp.status_code, resp.headers.get("location"), _retry_after(resp.headers.get("retry-after"))


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


# -- the command ----------------------------------------------------------------------------------
@dataclass
class LinkReport:
    diagnostics: list[Diagnostic]
    results: dict[str, LinkResult]
    checked: int
    cached: int
    skipped: int


def check_links(
    occurrences: list[Occurrence],
    options: LinkOptions,
    cache: LinkCache,
    progress: Callable[[int, int], None] | None = None,
    now: float | None = None,
) -> LinkReport:
    now = time.time() if now is None else now
    checker = Checker(options, progress)
    urls = list(dict.fromkeys(o.url for o in occurrences))
    skipped = [u for u in urls if checker.skipped(u)]
    cached: dict[str, LinkResult] = {}
    todo = []
    for u in urls:
        if u in skipped:
            continue
        hit = cache.fresh(u, options.ttl, now)
        if hit is not None:
            cached[u] = LinkResult(u, True, hit.get("status"), permanent_redirect=hit.get("redirect"), from_cache=True)
        else:
            todo.append(u)
    results = asyncio.run(checker.check_all(todo)) if todo else {}
    for fresh in results.values():
        fresh.failures = 0 if fresh.ok else cache.failures(fresh.url) + 1
        cache.record(fresh, now)
    cache.save()
    results.update(cached)
    diags: list[Diagnostic] = []
    for occ in occurrences:
        r = results.get(occ.url)
        if r is None:
            continue
        if r.dead and r.failures >= options.fail_after:
            diags.append(Diagnostic(occ.path, occ.line, occ.column, "AL801", f"dead link {occ.url}: {r.error}", name="dead-link"))
        elif r.dead:
            diags.append(
                Diagnostic(
                    occ.path,
                    occ.line,
                    occ.column,
                    "AL803",
                    f"link failed ({r.error}), {r.failures} of {options.fail_after} runs before it counts as dead: {occ.url}",
                    name="flaky-link",
                    severity="warning",
                )
            )
        elif r.permanent_redirect and r.permanent_redirect != occ.url:
            diags.append(
                Diagnostic(
                    occ.path,
                    occ.line,
                    occ.column,
                    "AL802",
                    f"permanent redirect: {occ.url} -> {r.permanent_redirect}",
                    name="permanent-redirect",
                    severity="warning",
                    fixable=True,
                    replacement=(occ.url, r.permanent_redirect),
                )
            )
    diags.sort(key=Diagnostic.sort_key)
    return LinkReport(diags, results, len(todo), len(cached), len(skipped))


def markdown_destination(url: str) -> str | None:
    """`url` written so that it cannot end or escape a Markdown link destination, or None when it
    is not a valid absolute http(s) url. Spaces, `<`, `>`, backslashes, parentheses and other
    characters that Markdown reads are percent-encoded (they mean the same in a url)."""
    if not valid_http_url(url):
        return None
    out = []
    for ch in url:
        if ch in " <>()\\[]`\"'" or ord(ch) < 0x21 or ord(ch) == 0x7F:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
        else:
            out.append(ch)
    return "".join(out)


def fix_redirects(report: LinkReport) -> dict[str, int]:
    """Rewrite permanently redirected urls in the Markdown files, at their lines, safely.

    The new url is the server's word, so it is written only when it is a valid absolute http(s)
    url, serialised so that it stays one link destination, and the file is written only when our
    parser reads it back as the same entries with exactly the new urls.
    """
    from awesomelint.errors import UnsafeFormatError
    from awesomelint.parse import parse_source
    from awesomelint.source import (
        SourceText,
        encode,
        file_kind,
        read_source,
        write_atomic,
    )

    by_path: dict[str, list[Diagnostic]] = {}
    for d in report.diagnostics:
        if d.code == "AL802" and d.replacement is not None:
            by_path.setdefault(d.path, []).append(d)
    fixed: dict[str, int] = {}
    for path, diags in by_path.items():
        if file_kind(path) != "markdown":
            continue
        src = read_source(path)
        lines = src.text.split("\n")
        count = 0
        changes: dict[str, str] = {}
        for d in diags:
            assert d.replacement is not None
            old, new_url = d.replacement
            new = markdown_destination(new_url)
            if new is None:
                continue
            text = lines[d.line - 1]
            replaced = text.replace(f"]({old})", f"]({new})").replace(f"<{old}>", f"<{new}>").replace(f"]({old} ", f"]({new} ")
            if replaced != text:
                lines[d.line - 1] = replaced
                changes[old] = new
                count += 1
        if not count:
            continue
        out = SourceText(path, "\n".join(lines), src.bom, src.newline, src.final_newline)
        if not _same_entries_but_urls(parse_source(src), parse_source(out), changes):
            raise UnsafeFormatError(path, "rewriting the redirected urls would change the entries; not written")
        write_atomic(path, encode(out.text, src), expect=src.stamp)
        fixed[path] = count
    return fixed


def _same_entries_but_urls(before: Any, after: Any, changes: dict[str, str]) -> bool:
    """The same entries, names, descriptions and links, but for the urls in `changes` (old → new)."""
    from urllib.parse import unquote

    a, b = before.iter_entries(), after.iter_entries()
    if len(a) != len(b):
        return False
    moved = {old: unquote(new) for old, new in changes.items()}

    def urls(e: Any, mapping: dict[str, str]) -> list[Any]:
        return [mapping.get(u, u) if u else u for u in [e.url, *(lk.url for lk in e.links)]]

    for (pa, ea), (pb, eb) in zip(a, b):
        if pa != pb or ea.name != eb.name or ea.description != eb.description or len(ea.links) != len(eb.links):
            return False
        if [unquote(u) if u else u for u in urls(eb, {})] != [unquote(u) if u else u for u in urls(ea, moved)]:
            return False
    return True


def terminal_progress(stream: Any = sys.stderr) -> Callable[[int, int], None] | None:
    """A one-line progress bar on a terminal; nothing in CI or when output is not a terminal."""
    if os.environ.get("CI") or not getattr(stream, "isatty", lambda: False)():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} links")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show
