"""The records: what a list *is*, independent of how it was written.

A `Document` has a title, front matter, an intro and a tree of `Section`s. A section's `content`
is an ordered list of blocks: `Prose` (raw Markdown kept verbatim), `EntryList` (a list of
entries in one of the list styles) and `Table` (one entry per row). An `Entry` is the unit
everybody cares about: name, url, description, labelled extra links, attributes, children.
Lines are 1-based lines of the source file; they are ignored when records are compared.
The classes are written out (`record`): every lint run loads them.
"""

from __future__ import annotations

from typing import Any

from awesomelint.record import Record

# list styles: how the entries of a list are written
STYLE_BULLET = "bullet"  # - [Name](url) - Description
STYLE_HTML = "html"  # - [Name](url) + an indented <p>description</p> block
STYLE_PARAGRAPH = "paragraph"  # [Name](url) | [dataset](url) + an indented list describing it
STYLE_LABELLED = "labelled"  # - **Name** (40k) 2008 - 2019 + description and Intro:/Data:/Code: groups
STYLE_BOLD = "bold"  # __Name__ + description lines + `Label: https://…` lines
STYLE_FIELDS = "fields"  # - [Name](url) - Description + `  - Data Types: P, L` sub-items (a table as a list)


class Link(Record):
    """An extra link of an entry. `label` is its role (Data, Code, Demo…), `text` its link text.
    A label of `/` or `&` is the mark joining a second linked name to the entry's own:
    `[ShARe](u) / [CLEF eHealth](v)`."""

    __slots__ = _fields = ("label", "url", "text", "line", "inline", "label_colon")

    def __init__(self, label: str | None, url: str, text: str | None = None, line: int = 0, inline: bool = False, label_colon: str | None = None) -> None:
        self.label = label
        self.url = url
        self.text = text
        self.line = line
        self.inline = inline  # written inside the description text (not rendered separately)
        self.label_colon = label_colon  # the colon after a group label when it is not ":" (e.g. "：")


class Entry(Record):
    __slots__ = _fields = (
        "name",
        "url",
        "description",
        "links",
        "attributes",
        "children",
        "line",
        "end_line",
        "separator",
        "url_text",
        "url_separator",
        "url_at_end",
        "notes",
        "marker",
        "name_format",
        "description_format",
        "leading_notes",
        "loose_children",
        "sources",
    )

    def __init__(
        self,
        name: str | None,
        url: str | None,
        description: str = "",
        links: list[Link] | None = None,
        attributes: dict[str, Any] | None = None,
        children: list[Entry] | None = None,
        line: int = 0,
        end_line: int = 0,
        separator: str | None = None,
        url_text: str | None = None,
        url_separator: str | None = None,
        url_at_end: bool = False,
        notes: list[str] | None = None,
        marker: str = "-",
        name_format: str | None = None,
        description_format: str | None = None,
        leading_notes: int = 0,
        loose_children: bool = False,
        sources: list[dict[str, Any]] | None = None,
    ) -> None:
        self.name = name
        self.url = url
        self.description = description
        self.links: list[Link] = [] if links is None else links
        self.attributes: dict[str, Any] = {} if attributes is None else attributes
        self.children: list[Entry] = [] if children is None else children
        self.line = line
        self.end_line = end_line
        # how it was written, where that is not the canonical form of its list style
        self.separator = separator  # None: canonical " - "
        # `MySQL - [awesome-mysql](url)`, `2019 - https://…`: the name is written before its url, whose
        # link shows `url_text` (the url itself when written bare); None: the name is the link's text
        self.url_text = url_text
        self.url_separator = url_separator  # between such a name and its url; None: " - "
        self.url_at_end = url_at_end  # `Name - text https://…`: the bare url is written after the description
        self.notes: list[str] = [] if notes is None else notes  # continuation blocks we keep verbatim
        self.marker = marker
        self.name_format = name_format  # "bold" for **Name** heads; None: a link, or plain text
        # None: on the head line; "html": a <p> block; "item": a sub-item; "item-nested": a sub-item
        # with the unlabelled links nested under it
        self.description_format = description_format
        self.leading_notes = leading_notes  # how many of `notes` come before the children
        self.loose_children = loose_children  # blank lines between the children
        self.sources: list[dict[str, Any]] = [] if sources is None else sources  # merge: where each part came from


class Prose(Record):
    """Markdown we do not turn into records: kept byte for byte."""

    __slots__ = _fields = ("markdown", "kind", "line", "end_line")

    def __init__(self, markdown: str, kind: str = "prose", line: int = 0, end_line: int = 0) -> None:
        self.markdown = markdown
        self.kind = kind  # prose | toc | html | code | list | link (a heading entry's link line) | heading-less
        self.line = line
        self.end_line = end_line


class EntryList(Record):
    __slots__ = _fields = ("style", "entries", "line", "end_line", "markdown", "loose", "columns")

    def __init__(
        self,
        style: str,
        entries: list[Entry] | None = None,
        line: int = 0,
        end_line: int = 0,
        markdown: str | None = None,
        loose: bool = False,
        columns: list[Column] | None = None,
    ) -> None:
        self.style = style
        self.entries: list[Entry] = [] if entries is None else entries
        self.line = line
        self.end_line = end_line
        self.markdown = markdown  # verbatim source when canonical rendering would change the page
        self.loose = loose  # blank lines between items
        self.columns: list[Column] = [] if columns is None else columns  # the fields of a "fields" list, in order


class Column(Record):
    __slots__ = _fields = ("key", "title", "align", "role", "split")

    def __init__(self, key: str, title: str, align: str | None = None, role: str = "attribute", split: bool = False) -> None:
        self.key = key  # attribute key: "data_types"
        self.title = title  # header text as written: "Data Types"
        self.align = align
        self.role = role  # name | url (the row's url when the name is another column's) | description | link | attribute
        self.split = split  # values are lists ("P, L, T")


class Table(Record):
    __slots__ = _fields = ("columns", "entries", "line", "end_line", "markdown")

    def __init__(
        self, columns: list[Column] | None = None, entries: list[Entry] | None = None, line: int = 0, end_line: int = 0, markdown: str | None = None
    ) -> None:
        self.columns: list[Column] = [] if columns is None else columns
        self.entries: list[Entry] = [] if entries is None else entries
        self.line = line
        self.end_line = end_line
        self.markdown = markdown


Block = Prose | EntryList | Table


class Section(Record):
    __slots__ = _fields = ("title", "level", "line", "end_line", "content", "sections", "markdown", "entry")

    def __init__(
        self,
        title: str,
        level: int,
        line: int = 0,
        end_line: int = 0,
        content: list[Block] | None = None,
        sections: list[Section] | None = None,
        markdown: str | None = None,
        entry: Entry | None = None,
    ) -> None:
        self.title = title
        self.level = level
        self.line = line
        self.end_line = end_line
        self.content: list[Block] = [] if content is None else content
        self.sections: list[Section] = [] if sections is None else sections
        self.markdown = markdown  # the heading line verbatim when it is not an ATX heading (e.g. <h3>)
        self.entry = entry  # `### [Name](url)`: the heading is itself an entry

    @property
    def anchor(self) -> str:
        from awesomelint.anchors import slugify

        return slugify(self.title)


class Document(Record):
    __slots__ = _fields = ("path", "title", "title_line", "front_matter", "intro", "sections", "style")

    def __init__(
        self,
        path: str = "<stdin>",
        title: str | None = None,
        title_line: int = 0,
        front_matter: str | None = None,
        intro: list[Block] | None = None,
        sections: list[Section] | None = None,
        style: str | None = None,
    ) -> None:
        self.path = path
        self.title = title
        self.title_line = title_line
        self.front_matter = front_matter
        self.intro: list[Block] = [] if intro is None else intro
        self.sections: list[Section] = [] if sections is None else sections
        self.style = style  # the dominant list style

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
