"""Merge several lists (Markdown or our YAML) into one catalog, never dropping an entry silently.

Entries are the same when their normalised urls match (the rules of the duplicate lint), or
when their names match (case, punctuation and spacing aside: `MIMIC-III` and `MIMIC III`) and
their urls do not contradict each other. The same name with different urls is reported as
undecided and both entries are kept. A merged entry keeps every distinct link and attribute,
and `sources` (file, line, section) for each of its parts.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from awesomelint.model import Document, Entry, EntryList, Link, Section
from awesomelint.urls import is_navigation, name_key, normalize_url


@dataclass
class MergeReport:
    merged: list[tuple[str, list[str]]] = field(default_factory=list)  # (name, ["a.md:3", …])
    undecided: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    total_in: int = 0
    total_out: int = 0


@dataclass
class _Part:
    entry: Entry
    path: str
    section: tuple[str, ...]


class _Groups:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(b)] = self.find(a)


def merge_documents(docs: list[Document], title: str = "Merged catalog") -> tuple[Document, MergeReport]:
    parts: list[_Part] = []
    for doc in docs:
        for path, e in doc.iter_entries():
            if e.name or e.url:
                flat = copy.copy(e)
                flat.children = []
                parts.append(_Part(flat, doc.path, path))
    report = MergeReport(total_in=len(parts))
    groups = _Groups(len(parts))
    by_url: dict[str, int] = {}
    for i, p in enumerate(parts):
        if p.entry.url and not is_navigation(p.entry.url):
            key = normalize_url(p.entry.url)
            if key in by_url:
                groups.union(by_url[key], i)
            else:
                by_url[key] = i
    urls_of: dict[int, set[str]] = {}
    for i, p in enumerate(parts):
        if p.entry.url and not is_navigation(p.entry.url):
            urls_of.setdefault(groups.find(i), set()).add(normalize_url(p.entry.url))
    by_name: dict[str, int] = {}
    for i, p in enumerate(parts):
        key = name_key(p.entry.name)
        if not key:
            continue
        if key not in by_name:
            by_name[key] = i
            continue
        a, b = groups.find(by_name[key]), groups.find(i)
        if a == b:
            continue
        ua, ub = urls_of.get(a, set()), urls_of.get(b, set())
        if ua and ub and not (ua & ub):
            first = parts[by_name[key]]
            report.undecided.append(
                f"'{p.entry.name}': {first.path}:{first.entry.line} ({first.entry.url}) and {p.path}:{p.entry.line} ({p.entry.url}) "
                "have the same name and different urls; kept apart"
            )
            continue
        groups.union(a, b)
        urls_of[groups.find(a)] = ua | ub
    members: dict[int, list[_Part]] = {}
    for i, p in enumerate(parts):
        members.setdefault(groups.find(i), []).append(p)
    sections: dict[str, Section] = {}
    for group in members.values():
        entry = _combine(group, report)
        category = group[0].section[-1] if group[0].section else "Other"
        sec = sections.get(category)
        if sec is None:
            sec = sections[category] = Section(category, 2, content=[EntryList("bullet", [])])
        sec.content[0].entries.append(entry)  # type: ignore[union-attr]
    report.total_out = len(members)
    out = Document(path="merged.yaml", title=title, sections=list(sections.values()), style="bullet")
    return out, report


def _combine(group: list[_Part], report: MergeReport) -> Entry:
    first = group[0].entry
    e = Entry(first.name, first.url, first.description, line=0, end_line=0)
    e.name_format = first.name_format
    seen = {normalize_url(first.url)} if first.url else set()
    for p in group:
        part = p.entry
        if not e.url and part.url:
            e.url = part.url
            seen.add(normalize_url(part.url))
        if len(part.description.strip()) > len(e.description.strip()) and e.description.strip() == "":
            e.description = part.description
        for lk in part.links:
            key = normalize_url(lk.url)
            if key not in seen:
                seen.add(key)
                e.links.append(Link(lk.label, lk.url, lk.text, 0, lk.inline))
        if part.url and normalize_url(part.url) not in seen:
            seen.add(normalize_url(part.url))
            e.links.append(Link("alternate", part.url, part.name, 0))
        for k, v in part.attributes.items():
            if k not in e.attributes or e.attributes[k] in ("", []):
                e.attributes[k] = v
            elif e.attributes[k] != v:
                report.conflicts.append(f"'{e.name}' {k}: kept {e.attributes[k]!r} ({group[0].path}), also {v!r} ({p.path}:{part.line})")
        e.sources.append({"path": p.path, "line": part.line, "section": " > ".join(p.section)})
    if len(group) > 1:
        report.merged.append((e.name or e.url or "?", [f"{p.path}:{p.entry.line}" for p in group]))
    return e
