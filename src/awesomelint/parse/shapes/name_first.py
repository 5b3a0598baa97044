"""Name first: a plain-text name written before its link, or with a bare url.

- SQLite - [sqlite-notes](https://example.org/sqlite-notes)
- `0BSD` - [BSD Zero Clause License](https://spdx.org/licenses/0BSD.html)
- 2019 - https://www.miccai2019.org/
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from awesomelint.model import (
    Entry,
    Link,
)
from awesomelint.parse.inline import (
    CANONICAL_SEPARATOR,
    split_labelled_links,
    split_leading_link,
    split_name_then_url,
    split_separator,
    split_trailers,
)

if TYPE_CHECKING:
    from awesomelint.parse.records import RecordBuilder


def fold(b: RecordBuilder, entry: Entry) -> None:
    """`MySQL - [awesome-mysql](u) - text` or `2019 - https://…`: the plain-text name before
    the link is the name, the link is the url (at every depth; read after the fields and
    groups under an entry were folded, so `Paper: [x](u)` sub-items stay fields)."""
    for child in entry.children:
        fold(b, child)
    if entry.name_format == "bold" and entry.url is None and not entry.attributes:
        _bold_then_link(entry, b)
        return
    if entry.url is not None or entry.name_format is not None or entry.description or not entry.name or entry.attributes:
        return
    if "\n" in entry.name:
        return
    labelled = split_labelled_links(entry.name)
    if labelled is not None:  # `Title [[Paper]](u) [[Code]](u)`: a name and its labelled links
        entry.name = labelled[0]
        entry.links = [lk for lk in entry.links if not (lk.inline and lk.line == entry.line)]
        entry.links.extend(Link(label, url, None, entry.line) for label, url in labelled[1])
        return
    found = split_name_then_url(entry.name, b.refs)
    if found is None:
        return
    head_links = [lk for lk in entry.links if lk.line == entry.line and lk.inline]
    entry.links = [lk for lk in entry.links if lk not in head_links]
    entry.links = [lk for lk in entry.links if not (lk.label is None and lk.url == found.url and lk.line == entry.line)]
    entry.name, entry.url, entry.url_text = found.name, found.url, found.text
    entry.url_separator = found.separator if found.separator != CANONICAL_SEPARATOR else None
    if found.description is not None:  # `Name - text https://…`
        entry.url_at_end = True
        entry.description = found.description
        sep = found.description_separator
        entry.separator = sep if sep != CANONICAL_SEPARATOR else None
        entry.links[:0] = b.inline_only(found.description, entry.line)
        return
    separator, description = split_separator(found.rest)
    group: list[tuple[str, str]] = []
    tags: list[str] = []
    if separator is not None:
        description, group, tags = split_trailers(description)
    entry.separator = separator if separator not in (None, CANONICAL_SEPARATOR) else None
    entry.description = description
    for label, url in group:
        entry.links.append(Link(label, url, None, entry.line))
    if tags:
        entry.attributes["tags"] = tags
    entry.links[:0] = b.inline_only(description, entry.line)


def _bold_then_link(entry: Entry, b: RecordBuilder) -> None:
    """`**UK Biobank** - [Data showcase](u)`: a bold name whose only text after it is one link."""
    text = entry.description.strip()
    link = split_leading_link(text, b.refs) if text.startswith("[") else None
    if link is None or link.rest.strip() or link.dest is None or link.text.startswith("!["):
        return
    entry.links = [lk for lk in entry.links if not (lk.inline and lk.url == link.dest)]
    entry.url, entry.url_text = link.dest, link.text
    entry.url_separator, entry.separator, entry.description = entry.separator, None, ""
