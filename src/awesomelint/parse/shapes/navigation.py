"""Navigation, not entries: tables of contents and "back to top" links (kept as prose).

- [Datasets](#datasets)
  - [Imaging](#imaging)
- [Contributing](#contributing)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from awesomelint.parse.blocks import Token

if TYPE_CHECKING:
    pass


NAV_TEXT = re.compile(r"back to (?:top|contents|index)|^\W*(?:top|⬆|↑)", re.I)
# a link's text stops at the next bracket, so each `[` is looked at once (linear on `[[[[…`)
_ITEM_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)")


def _item_links(item: Token) -> list[tuple[str, str]]:
    """(text, url-or-ref) of every inline link written in a list item's own text."""
    out = []
    for child in item["children"]:
        if child["type"] in ("paragraph", "block_text"):
            out.extend(_ITEM_LINK.findall(child["text"]))
    return out


def is_navigation_list(tok: Token) -> bool:
    """A table of contents: every link of every item (nested too) is an in-page `#anchor` (the
    first link that is not one settles it: a list of entries is known by its first link)."""
    links = False
    stack = [tok]
    while stack:
        lst = stack.pop()
        for item in lst["children"]:
            for text, url in _item_links(item):
                if not url.startswith("#") and not NAV_TEXT.search(text):
                    return False
                links = True
            stack.extend(c for c in item["children"] if c["type"] == "list")
    return links
