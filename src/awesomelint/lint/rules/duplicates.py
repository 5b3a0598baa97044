"""Duplicate rules (AL2xx): the same page or the same name listed twice, in a file or across files."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from awesomelint.anchors import plain_text
from awesomelint.lint.engine import Diagnostic, FileContext, project_rule, rule
from awesomelint.lint.rules.entries import column_of, entry_blocks
from awesomelint.model import EntryList, Table
from awesomelint.urls import is_navigation, name_key, normalize_url


def entry_url_index(ctx: FileContext) -> list[tuple[str, int, int, str, str, str]]:
    """(normalised url, line, column, url as written, section, name as written) for every entry url
    in the file (the name is read as a reader sees it, `_shown_name`, only where a url repeats)."""
    return with_sections(ctx.doc, url_rows(ctx))


def url_rows(ctx: FileContext) -> Iterator[tuple[Any, str, int, int, str, bool, str]]:
    """(block, normalised url, line, column, url as written, own row, name as written) for every
    entry url, in order; `with_sections` names the section each is in."""
    for block, e, _ in entry_blocks(ctx):
        if e.url and not is_navigation(e.url):
            row = isinstance(block, Table) and e.url_text is not None
            yield (block, normalize_url(e.url), e.line, column_of(ctx.line_text(e.line), e.url[:20]), e.url, row, e.name or "")


def with_sections(doc: Any, rows: Iterable[tuple[Any, str, int, int, str, bool, str]]) -> list[tuple[str, int, int, str, str, str]]:
    """The url index from `url_rows`: each url's section is its heading path. A table row whose url
    is another column's (a Paper badge beside a plain model name) is a section of its own: rows
    of one paper under other names are not duplicates, the same name again is."""
    section_of: dict[int, str] = {}
    for path, block in doc.iter_blocks():
        if isinstance(block, (EntryList, Table)):
            section_of[id(block)] = " > ".join(path)
    return [(norm, line, col, url, section_of.get(id(block), "") + (f"\0row {line}" if row else ""), name) for block, norm, line, col, url, row, name in rows]


@project_rule("AL201", "duplicate-url")
def duplicate_url(files: list[Any]) -> Iterator[Diagnostic]:
    """Two entries link to the same page, in one file or in two of the files given.

    Why: duplicates creep in as lists grow and contributors do not search first. Urls are
    compared after normalising the scheme, `www.`, a trailing slash, `#readme`, `index.html` and
    the case of the host. In-page anchors (tables of contents, back-to-top) never count. In one
    file, an entry of another section under another name is a part of the project listed on
    purpose (`geodjango`, "part of Django", beside `django`), and so is, in the same section, a
    name that holds the other (`uv-build` beside `uv`, both at the uv repository): not said.
    The same name twice, or another name with the same url in one section, is.

    Example:
        - [MIMIC](https://mimic.mit.edu/) - ICU records.
        - [MIMIC-III](http://www.mimic.mit.edu) - ICU records.   # bad: the same page again
    """
    first: dict[str, tuple[str, int, str, str] | _Repeats] = {}  # a url's one entry, or its index once it repeats
    for f in files:
        for key, line, col, url, section, name in f.urls:
            seen = first.get(key)
            if seen is None:
                first[key] = (f.path, line, section, name)
                continue
            if isinstance(seen, tuple):
                seen = first[key] = _Repeats(*seen)
            same = seen.earliest(f.path, section, name)
            if same is not None:
                path, at = same
                where = f"line {at}" if path == f.path else f"{path}:{at}"
                yield Diagnostic(f.path, line, col, "AL201", f"duplicate url {url} (also at {where})")
            seen.add(f.path, line, section, name)


class _Repeats:
    """The entries one url has had so far, indexed by the three ways a new entry repeats one (so
    that a url listed thousands of times is not compared with every earlier entry): an entry of
    another file, the same name in the same file, or another name in the same section that does
    not hold the new one (`_part_of`). Names are read as a reader sees them (`_shown_name`)."""

    __slots__ = ("at", "in_section", "of_name", "scanned")

    def __init__(self, path: str, line: int, section: str, name: str) -> None:
        self.at: list[tuple[str, int]] = []  # (path, line) of each entry, in order
        self.of_name: dict[tuple[str, str], int] = {}  # (path, name key) -> its first entry
        self.in_section: dict[tuple[str, str], list[tuple[int, str]]] = {}  # (path, section) -> entries
        # (path, section, name) -> how far its section was looked through, and the entry found
        # there (-1: none yet): a name that comes again goes on from there, never from the start
        self.scanned: dict[tuple[str, str, str], tuple[int, int]] = {}
        self.add(path, line, section, name)

    def add(self, path: str, line: int, section: str, name: str) -> None:
        i, shown = len(self.at), _shown_name(name)
        self.at.append((path, line))
        self.of_name.setdefault((path, name_key(shown)), i)
        self.in_section.setdefault((path, section), []).append((i, shown))

    def earliest(self, path: str, section: str, name: str) -> tuple[str, int] | None:
        """(path, line) of the first entry the new one repeats, or None. Files come one after
        another, so an entry of another file, if there is one, is the url's first entry."""
        shown = _shown_name(name)
        found = [0] if self.at[0][0] != path else []
        same_name = self.of_name.get((path, name_key(shown)))
        if same_name is not None:
            found.append(same_name)
        entries = self.in_section.get((path, section), [])
        done, hit = self.scanned.get((path, section, shown), (0, -1))
        if hit < 0:
            hit = next((i for i, other in entries[done:] if not _part_of(other, shown)), -1)
            self.scanned[path, section, shown] = (len(entries), hit)
        if hit >= 0:
            found.append(hit)
        return self.at[min(found)] if found else None


def _shown_name(name: str) -> str:
    """A name as a reader sees it, lower-cased, blanks collapsed (`**uv**` and `UV` are one)."""
    return " ".join(plain_text(name).lower().split())


def _part_of(a: str, b: str) -> bool:
    """Names of which one is the other with a suffix or prefix joined on without a space
    (`uv-build`, `hatchling`, `NTCIR12::MedNLPDoc`): a part of one project at its one url.
    `Flask app` beside `flask` is the same thing listed twice."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < 2 or short == long_:
        return False
    if long_.startswith(short):
        return not long_[len(short)].isspace()
    if long_.endswith(short):
        return not long_[-len(short) - 1].isspace()
    return False


@rule("AL202", "duplicate-name", default=False, records=True)  # not local: its message names a line
def duplicate_name(ctx: FileContext) -> Iterator[Diagnostic]:
    """Two entries of the same section have the same name and point at the same site or repository.

    Why: the same thing listed twice, perhaps with two different urls, confuses readers; one of
    the two is usually out of date. Opt-in: different projects often share a generic name
    (`uuid`, `log`, `config`), so only the same name (case, spaces and punctuation aside) on the
    same host (or the same GitHub/GitLab repository) counts. Entries in different sections may
    share a name.

    Example:
        ## ICU
        - [MIMIC-III](https://mimic.mit.edu/) - ICU records.
        - [MIMIC III](https://physionet.org/content/mimiciii/) - ICU records.   # bad
    """
    groups = [ctx.doc.intro] + [sec.content for _, sec in ctx.doc.iter_sections()]
    for content in groups:
        seen: dict[tuple[str, str], int] = {}
        for block in content:
            for _b, e, depth in entry_blocks_of(block):
                if depth or not e.name or not (e.url or e.links) or e.name.lstrip().startswith("!["):
                    continue  # nested items, names that are only an image (a badge)
                key = name_key(e.name)
                if not key:
                    continue
                for site in _sites(e):
                    if (key, site) in seen:
                        yield ctx.diag(
                            e.line,
                            column_of(ctx.line_text(e.line), e.name[:10]),
                            "AL202",
                            f"duplicate name '{e.name.strip()[:60]}' on {site} (also at line {seen[key, site]})",
                        )
                        break
                else:
                    for site in _sites(e):
                        seen.setdefault((key, site), e.line)


_REPO_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")


def _sites(e) -> set[str]:  # type: ignore[no-untyped-def]
    """Where an entry points: hosts, or `host/owner/repo` on code hosts (many projects share one)."""
    out: set[str] = set()
    for url in [e.url, *(lk.url for lk in e.links if not lk.inline)]:
        if not url or "://" not in url:
            continue
        parts = normalize_url(url).split("/")
        host = parts[0]
        out.add("/".join(parts[:3]) if host in _REPO_HOSTS and len(parts) >= 3 else host)
    return out


def entry_blocks_of(block):  # type: ignore[no-untyped-def]
    from awesomelint.model import EntryList, Table

    if isinstance(block, (EntryList, Table)):
        for e in block.entries:
            yield block, e, 0
