"""Merge several lists (Markdown or our YAML) into one catalog: same resources once, every value kept.

Two entries are the same resource when
- their normalised urls match (the rules of the duplicate lint) and their names are compatible
  (equal once case, markup and punctuation are set aside, or one contained in the other:
  `eICU` and `eICU Collaborative Research Database`); or
- their names match and they share at least one url or link (an entry listed twice with the
  same data link is one), or none of their urls contradicts another: MIMIC-III's homepage
  (mimic.mit.edu), its paper (nature.com) and its data page (physionet.org) name one dataset,
  while two different pages of one site (physionet.org/…/mimiciii, physionet.org/…/mimiciv)
  are two resources.
The same url under clearly different names stays apart and is reported, as is the same name
with contradicting urls. Only top-level entries are candidates: children stay under their
parents and travel with them.

A merged entry keeps every value of every part: the first name, url and description, the
other names (`other_names`), the other descriptions with their source (`other_descriptions`),
the other urls (links labelled `alternate`), every distinct link, every attribute value (a
conflict keeps both values and is reported), every child, and `sources` for each part.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from awesomelint.anchors import plain_text
from awesomelint.model import Document, Entry, EntryList, Link, Section, Table
from awesomelint.urls import is_navigation, name_key, normalize_url

OTHER_NAMES = "other_names"
OTHER_DESCRIPTIONS = "other_descriptions"


@dataclass
class MergeReport:
    merged: list[tuple[str, list[str], str]] = field(default_factory=list)  # (name, ["a.md:3", …], evidence)
    undecided: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    total_in: int = 0
    total_out: int = 0


@dataclass
class _Part:
    entry: Entry
    path: str
    section: tuple[str, ...]

    @property
    def where(self) -> str:
        return f"{self.path}:{self.entry.line}"


class _Groups:
    """Union-find over part indices, with the resource urls of each group."""

    def __init__(self, urls: list[set[str]]) -> None:
        self.parent = list(range(len(urls)))
        self.urls = urls
        self.evidence: dict[int, list[str]] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, why: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        self.parent[rb] = ra
        self.urls[ra] |= self.urls[rb]
        self.evidence.setdefault(ra, []).extend(self.evidence.pop(rb, []) + [why])


_WORDS = re.compile(r"[\s_\-–—.,:;!?'\"()\[\]/]+")


def compatible_names(a: str | None, b: str | None) -> bool:
    """Could these two names name the same resource? Equal keys, one inside the other, or the
    words of one a subset of the other's; an empty name is compatible with any."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb or ka == kb or ka in kb or kb in ka:
        return True
    wa = {w for w in _WORDS.split(plain_text(a or "").lower()) if w}
    wb = {w for w in _WORDS.split(plain_text(b or "").lower()) if w}
    return wa <= wb or wb <= wa


def _resource_urls(e: Entry) -> set[str]:
    urls = {e.url} if e.url else set()
    urls |= {lk.url for lk in e.links if not lk.inline}
    return {normalize_url(u) for u in urls if u and not is_navigation(u)}


def _host(url: str) -> str:
    return url.split("/", 1)[0]


def _contradict(a: set[str], b: set[str]) -> bool:
    """Do two sets of normalised urls point to different pages of one site (two resources)?"""
    hosts_a, hosts_b = {_host(u) for u in a}, {_host(u) for u in b}
    return bool(hosts_a & hosts_b) and not (a & b)


def _top_level(doc: Document) -> list[tuple[tuple[str, ...], Entry]]:
    out: list[tuple[tuple[str, ...], Entry]] = []
    for path, block in doc.iter_blocks():
        if isinstance(block, (EntryList, Table)):
            out.extend((path, e) for e in block.entries)
    for path, sec in doc.iter_sections():
        if sec.entry is not None:
            out.append((path, sec.entry))
    return out


def merge_documents(docs: list[Document], title: str = "Merged catalog") -> tuple[Document, MergeReport]:
    parts = [_Part(copy.deepcopy(e), doc.path, path) for doc in docs for path, e in _top_level(doc) if e.name or e.url]
    report = MergeReport(total_in=len(parts))
    groups = _Groups([_resource_urls(p.entry) for p in parts])
    # 1. a url or link in common, names compatible (the same main url under other names: reported)
    by_url: dict[str, list[int]] = {}
    for i, p in enumerate(parts):
        main = normalize_url(p.entry.url) if p.entry.url and not is_navigation(p.entry.url) else None
        for key in sorted(_resource_urls(p.entry)):
            for j in by_url.get(key, []):
                if groups.find(j) == groups.find(i):
                    break
                if compatible_names(parts[j].entry.name, p.entry.name):
                    groups.union(j, i, f"{'same url' if key == main else 'shared link'} {key}")
                    break
            else:
                other = next((parts[j] for j in by_url.get(key, []) if normalize_url(parts[j].entry.url or "") == key), None)
                if key == main and other is not None:
                    report.undecided.append(
                        f"{p.entry.url}: '{other.entry.name}' ({other.where}) and '{p.entry.name}' ({p.where}) share this url under different names; kept apart"
                    )
            by_url.setdefault(key, []).append(i)
    # 2. the same name, and a url in common or none that contradicts
    by_name: dict[str, list[int]] = {}
    for i, p in enumerate(parts):
        key = name_key(p.entry.name)
        if not key:
            continue
        for j in by_name.get(key, []):
            a, b = groups.find(j), groups.find(i)
            if a == b:
                break
            shared = groups.urls[a] & groups.urls[b]
            if shared:
                groups.union(j, i, f"same name, shared link {sorted(shared)[0]}")
                break
            if len(key) >= 3 and not _contradict(groups.urls[a], groups.urls[b]):
                groups.union(j, i, "same name, urls on different sites")
                break
        else:
            if by_name.get(key) and groups.find(by_name[key][0]) != groups.find(i):
                first = parts[by_name[key][0]]
                report.undecided.append(
                    f"'{p.entry.name}': {first.where} ({first.entry.url}) and {p.where} ({p.entry.url}) "
                    "have the same name and different pages of one site; kept apart"
                )
        by_name.setdefault(key, []).append(i)
    members: dict[int, list[int]] = {}
    for i in range(len(parts)):
        members.setdefault(groups.find(i), []).append(i)
    sections: dict[str, Section] = {}
    for root, indices in members.items():
        group = [parts[i] for i in indices]
        entry = _combine(group, report)
        if len(group) > 1:
            report.merged.append((entry.name or entry.url or "?", [p.where for p in group], "; ".join(groups.evidence.get(root, []))))
        category = group[0].section[-1] if group[0].section else "Other"
        sec = sections.get(category)
        if sec is None:
            sec = sections[category] = Section(category, 2, content=[EntryList("bullet", [])])
        sec.content[0].entries.append(entry)  # type: ignore[union-attr]
    report.total_out = len(members)
    out = Document(path="merged.yaml", title=title, sections=list(sections.values()), style="bullet")
    return out, report


def _add_value(e: Entry, key: str, value: object, report: MergeReport, where: str) -> None:
    """Attribute `key` gets `value` too: lists are joined, a different text is kept beside the
    first (and reported), never instead of it."""
    old = e.attributes.get(key)
    if old in (None, "", []):
        e.attributes[key] = value
        return
    if value in ("", [], None) or value == old:
        return
    olds = old if isinstance(old, list) else [old]
    news = value if isinstance(value, list) else [value]
    added = [v for v in news if v not in olds]
    if not added:
        return
    if not isinstance(old, list) or not isinstance(value, list):
        report.conflicts.append(f"'{e.name}' {key}: {old!r}, also {value!r} ({where}); both kept")
    e.attributes[key] = olds + added


def _combine(group: list[_Part], report: MergeReport) -> Entry:
    first = group[0].entry
    e = Entry(first.name, first.url, first.description, line=0, end_line=0)
    e.name_format = first.name_format
    seen = {normalize_url(first.url)} if first.url else set()
    names = [first.name or ""]
    for p in group:
        part = p.entry
        if not e.url and part.url:
            e.url = part.url
            seen.add(normalize_url(part.url))
        if not e.name and part.name:
            e.name = part.name
            names.append(part.name)
        elif part.name and part.name not in names:
            names.append(part.name)
            _add_value(e, OTHER_NAMES, [part.name], report, p.where)
        if not e.description.strip() and part.description.strip():
            e.description = part.description
        elif part.description.strip() and part.description.strip() != e.description.strip():
            text = f"{part.description.strip()} ({p.path})"
            if text not in (e.attributes.get(OTHER_DESCRIPTIONS) or []):
                _add_value(e, OTHER_DESCRIPTIONS, [text], report, p.where)
        for lk in part.links:
            key = normalize_url(lk.url)
            if lk.inline or key not in seen:
                if not lk.inline:
                    seen.add(key)
                e.links.append(Link(lk.label, lk.url, lk.text, 0, lk.inline, lk.label_colon))
        if part.url and normalize_url(part.url) not in seen:
            seen.add(normalize_url(part.url))
            e.links.append(Link("alternate", part.url, part.name, 0))
        for k, v in part.attributes.items():
            _add_value(e, k, v, report, p.where)
        for child in part.children:
            if not any(_same_child(child, c) for c in e.children):
                e.children.append(child)
        source = {"path": p.path, "line": part.line, "section": " > ".join(p.section)}
        e.sources.append(source)
    return e


def _same_child(a: Entry, b: Entry) -> bool:
    return name_key(a.name) == name_key(b.name) and (a.url or "") == (b.url or "") and a.description.strip() == b.description.strip()
