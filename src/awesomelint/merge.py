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

The first file is the base, so that adding lists to a curated catalog keeps the catalog: its
title (unless one is given), intro, sections in order with their prose, and list shapes stay;
merged entries stay where the base had them; other entries join the base section of the same
title (any depth, case set aside), or a new section at the end whose list takes the base's
first list shape (style and columns). Link labels that differ only in case (`paper`, `Paper`)
take the base's spelling.

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
    in_base: bool = False

    @property
    def where(self) -> str:
        return f"{self.path}:{self.entry.line}" if self.entry.line else self.path  # data files have no lines


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


def merge_documents(docs: list[Document], title: str | None = None, paths: list[str] | None = None) -> tuple[Document, MergeReport]:
    """One catalog from `docs` (the first is the base); `paths` name the files in the report."""
    names = paths if paths is not None else [d.path for d in docs]
    base = copy.deepcopy(docs[0]) if docs else Document(path="merged.yaml")
    parts = [_Part(e, names[0], path, True) for path, e in _top_level(base) if e.name or e.url]
    parts += [_Part(copy.deepcopy(e), names[i], path) for i, doc in enumerate(docs) if i for path, e in _top_level(doc) if e.name or e.url]
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
    labels = _label_spellings(base)
    placed: dict[int, Entry | None] = {}  # base entry (by id) -> what stands in its place
    joining: list[tuple[str, Entry]] = []  # (section title, entry) of groups the base did not have
    for root, indices in sorted(members.items(), key=lambda item: min(item[1])):
        group = [parts[i] for i in indices]
        entry = _combine(group, report)
        for lk in entry.links:
            if lk.label is not None:
                lk.label = labels.get(lk.label.lower(), lk.label)
        if len(group) > 1:
            report.merged.append((entry.name or entry.url or "?", [p.where for p in group], "; ".join(groups.evidence.get(root, []))))
        if group[0].in_base:
            placed[id(group[0].entry)] = entry
            placed.update((id(p.entry), None) for p in group[1:] if p.in_base)
        else:
            joining.append((group[0].section[-1] if group[0].section else "Other", entry))
    report.total_out = len(members)
    _place(base, placed, joining)
    base.path = "merged.yaml"
    base.title = title or base.title or "Merged catalog"
    base.style = base.style or "bullet"
    return base, report


def _label_spellings(base: Document) -> dict[str, str]:
    """Each link label of the base (and each link column's key and title), lower-cased, to the
    spelling the base uses."""
    out: dict[str, str] = {}
    for _, e in base.iter_entries():
        for lk in e.links:
            if lk.label:
                out.setdefault(lk.label.lower(), lk.label)
    for _, block in base.iter_blocks():
        for col in getattr(block, "columns", []):
            if col.role == "link":
                spelling = out.get(col.key.lower()) or out.get(col.title.lower()) or col.key
                out.setdefault(col.key.lower(), spelling)
                out.setdefault(col.title.lower(), spelling)
    return out


def _place(base: Document, placed: dict[int, Entry | None], joining: list[tuple[str, Entry]]) -> None:
    """Merged entries where the base had them (parts merged into an earlier one leave), then the
    others into the base's section of the same title or new sections at the end."""
    for _, block in base.iter_blocks():
        if isinstance(block, (EntryList, Table)) and any(id(e) in placed for e in block.entries):
            kept = [placed.get(id(e), e) for e in block.entries]
            block.entries = [e for e in kept if e is not None]
            block.markdown = None  # its entries changed: rendered from the records
    for _, sec in base.iter_sections():
        if sec.entry is not None and id(sec.entry) in placed:
            sec.entry = placed[id(sec.entry)]
    template = next((b for _, b in base.iter_blocks() if isinstance(b, EntryList)), None)
    by_title: dict[str, Section] = {}
    for _, sec in base.iter_sections():
        by_title.setdefault(sec.title.strip().lower(), sec)
    for title, entry in joining:
        target = by_title.get(title.strip().lower())
        if target is None:
            target = by_title[title.strip().lower()] = Section(title, 2)
            base.sections.append(target)
        into: EntryList | Table | None = next((b for b in reversed(target.content) if isinstance(b, (EntryList, Table))), None)
        if into is None:
            style, columns = (template.style, copy.deepcopy(template.columns)) if template else ("bullet", [])
            into = EntryList(style, [], columns=columns)
            target.content.append(into)
        into.entries.append(entry)
        into.markdown = None


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
    if group[0].in_base:  # it stays in the base's list: its shape (separator, notes and where they stand…) too
        e = copy.copy(first)
        e.links, e.attributes, e.children, e.notes, e.sources, e.line, e.end_line = [], {}, [], list(first.notes), [], 0, 0
    else:  # it joins a list of another shape and takes that list's shape
        e = Entry(first.name, first.url, first.description, notes=list(first.notes), line=0, end_line=0)
        e.name_format = first.name_format
    seen = {normalize_url(first.url)} if first.url else set()
    linked: set[str] = set()  # urls of links taken so far
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
            # a labelled link may repeat the entry's url (`Data:` on the data page): the label is a value
            if lk.inline or key not in seen or (lk.label is not None and key not in linked):
                if not lk.inline:
                    seen.add(key)
                    linked.add(key)
                e.links.append(Link(lk.label, lk.url, lk.text, 0, lk.inline, lk.label_colon))
        if part.url and normalize_url(part.url) not in seen:
            seen.add(normalize_url(part.url))
            e.links.append(Link("alternate", part.url, part.name, 0))
        for k, v in part.attributes.items():
            _add_value(e, k, v, report, p.where)
        if part is not first:
            e.notes.extend(n for n in part.notes if n not in e.notes)  # after the first part's notes
        for child in part.children:
            if not any(_same_child(child, c) for c in e.children):
                e.children.append(child)
        source = {"path": p.path, "line": part.line, "section": " > ".join(p.section)}
        e.sources.append(source)
    return e


def _same_child(a: Entry, b: Entry) -> bool:
    return name_key(a.name) == name_key(b.name) and (a.url or "") == (b.url or "") and a.description.strip() == b.description.strip()
