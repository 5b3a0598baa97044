"""The records: what a list *is*, independent of how it was written.

A `Document` has a title, front matter, an intro and a tree of `Section`s. A section's `content`
is an ordered list of blocks: `Prose` (raw Markdown kept verbatim), `EntryList` (a list of
entries in one of the list styles) and `Table` (one entry per row). An `Entry` is the unit
everybody cares about: name, url, description, labelled extra links, attributes, children.
Lines are 1-based lines of the source file; they are ignored when records are compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# list styles: how the entries of a list are written
STYLE_BULLET = "bullet"  # - [Name](url) - Description
STYLE_HTML = "html"  # - [Name](url) + an indented <p>description</p> block
STYLE_PARAGRAPH = "paragraph"  # [Name](url) | [dataset](url) + an indented list describing it
STYLE_LABELLED = "labelled"  # - **Name** (40k) 2008 - 2019 + description and Intro:/Data:/Code: groups
STYLE_BOLD = "bold"  # __Name__ + description lines + `Label: https://…` lines
STYLE_FIELDS = "fields"  # - [Name](url) - Description + `  - Data Types: P, L` sub-items (a table as a list)


@dataclass(slots=True)
class Link:
    """An extra link of an entry. `label` is its role (Data, Code, Demo…), `text` its link text.
    A label of `/` or `&` is the mark joining a second linked name to the entry's own:
    `[ShARe](u) / [CLEF eHealth](v)`."""

    label: str | None
    url: str
    text: str | None = None
    line: int = 0
    inline: bool = False  # written inside the description text (not rendered separately)
    label_colon: str | None = None  # the colon after a group label when it is not ":" (e.g. "：")


@dataclass(slots=True)
class Entry:
    name: str | None
    url: str | None
    description: str = ""
    links: list[Link] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    children: list[Entry] = field(default_factory=list)
    line: int = 0
    end_line: int = 0
    # how it was written, where that is not the canonical form of its list style
    separator: str | None = None  # None: canonical " - "
    # `MySQL - [awesome-mysql](url)`, `2019 - https://…`: the name is written before its url, whose
    # link shows `url_text` (the url itself when written bare); None: the name is the link's text
    url_text: str | None = None
    url_separator: str | None = None  # between such a name and its url; None: " - "
    url_at_end: bool = False  # `Name - text https://…`: the bare url is written after the description
    notes: list[str] = field(default_factory=list)  # continuation blocks we keep verbatim
    marker: str = "-"
    name_format: str | None = None  # "bold" for **Name** heads; None: a link, or plain text
    # None: on the head line; "html": a <p> block; "item": a sub-item; "item-nested": a sub-item
    # with the unlabelled links nested under it
    description_format: str | None = None
    leading_notes: int = 0  # how many of `notes` come before the children
    loose_children: bool = False  # blank lines between the children
    sources: list[dict[str, Any]] = field(default_factory=list)  # merge: where each part came from


@dataclass
class Prose:
    """Markdown we do not turn into records: kept byte for byte."""

    markdown: str
    kind: str = "prose"  # prose | toc | html | code | list | link (a heading entry's link line) | heading-less
    line: int = 0
    end_line: int = 0


@dataclass
class EntryList:
    style: str
    entries: list[Entry] = field(default_factory=list)
    line: int = 0
    end_line: int = 0
    markdown: str | None = None  # verbatim source when canonical rendering would change the page
    loose: bool = False  # blank lines between items
    columns: list[Column] = field(default_factory=list)  # the fields of a "fields" list, in order


@dataclass
class Column:
    key: str  # attribute key: "data_types"
    title: str  # header text as written: "Data Types"
    align: str | None = None
    role: str = "attribute"  # name | url (the row's url when the name is another column's) | description | link | attribute
    split: bool = False  # values are lists ("P, L, T")


@dataclass
class Table:
    columns: list[Column] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    line: int = 0
    end_line: int = 0
    markdown: str | None = None


Block = Prose | EntryList | Table


@dataclass
class Section:
    title: str
    level: int
    line: int = 0
    end_line: int = 0
    content: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    markdown: str | None = None  # the heading line verbatim when it is not an ATX heading (e.g. <h3>)
    entry: Entry | None = None  # `### [Name](url)`: the heading is itself an entry

    @property
    def anchor(self) -> str:
        from awesomelint.anchors import slugify

        return slugify(self.title)


@dataclass
class Document:
    path: str = "<stdin>"
    title: str | None = None
    title_line: int = 0
    front_matter: str | None = None
    intro: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    style: str | None = None  # the dominant list style

    def iter_sections(self) -> list[tuple[tuple[str, ...], Section]]:
        """Every section with its heading path, depth first, in document order."""
        out: list[tuple[tuple[str, ...], Section]] = []

        def walk(secs: list[Section], path: tuple[str, ...]) -> None:
            for s in secs:
                p = path + (s.title,)
                out.append((p, s))
                walk(s.sections, p)

        walk(self.sections, ())
        return out

    def iter_blocks(self) -> list[tuple[tuple[str, ...], Block]]:
        out: list[tuple[tuple[str, ...], Block]] = [((), b) for b in self.intro]
        for path, sec in self.iter_sections():
            out.extend((path, b) for b in sec.content)
        return out

    def iter_entries(self) -> list[tuple[tuple[str, ...], Entry]]:
        """Every entry (nested ones too) with its section path, in document order."""
        out: list[tuple[tuple[str, ...], Entry]] = []

        def walk(entries: list[Entry], path: tuple[str, ...]) -> None:
            for e in entries:
                out.append((path, e))
                walk(e.children, path)

        for path, block in self.iter_blocks():
            if isinstance(block, (EntryList, Table)):
                walk(block.entries, path)
        heading_entries = [(p, s.entry) for p, s in self.iter_sections() if s.entry is not None]
        if heading_entries:
            out.extend(heading_entries)
            out.sort(key=lambda pe: pe[1].line)
        return out
