"""Bold blocks: a bold name line, description lines, then `Label: https://…` lines (one paragraph).

__OASIS: Open Access Series of Imaging Studies__
Brain MRI of adults across the lifespan.
Access: https://www.oasis-brains.org/
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from awesomelint.model import (
    STYLE_BOLD,
    Block,
    Entry,
    EntryList,
    Link,
)
from awesomelint.parse.blocks import Token
from awesomelint.parse.inline import (
    bare_urls,
)

if TYPE_CHECKING:
    from awesomelint.parse.records import RecordBuilder


def read(b: RecordBuilder, tokens: list[Token], i: int) -> tuple[int, list[Block]] | None:
    """`__Name__` + description lines + `Label: https://…` lines (one paragraph)."""
    tok = tokens[i]
    text = tok["text"].rstrip("\n")
    lines = text.split("\n")
    m = re.match(r"^(\*\*|__)(?=\S)(.+?)(?<=\S)\1[ \t]*$", lines[0].rstrip())
    if not m or len(lines) < 2:
        return None
    entry = Entry(m.group(2), None, line=tok["line"], end_line=tok["end_line"])
    desc: list[str] = []
    for n, ln in enumerate(lines[1:], start=1):
        lm = re.match(r"^([^:\n]{1,40}?):[ \t]+(\S+)[ \t]*$", ln.rstrip())
        urls = bare_urls(ln)
        if lm and urls and urls[0][1].startswith(lm.group(2).rstrip(".,;")[:8]):
            entry.links.append(Link(lm.group(1).strip(), urls[0][1], None, tok["line"] + n))
        else:
            desc.append(ln.rstrip())
            entry.links.extend(b.inline_only(ln, tok["line"] + n))
            entry.links.extend(Link(None, u, None, tok["line"] + n, True) for _, u in bare_urls(ln) if "](" not in ln)
    if not any(not lk.inline for lk in entry.links):
        return None
    entry.description = "\n".join(desc)
    return 1, [EntryList(STYLE_BOLD, [entry], tok["line"], tok["end_line"])]
