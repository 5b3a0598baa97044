"""What every shape reader shares: small predicates and helpers over entries."""

from __future__ import annotations

import re

from awesomelint.model import Entry

INLINE_LINK_HINT = re.compile(r"\[|<https?:|https?://", re.I)


def line_offset(text: str, needle: str) -> int:
    if not needle or "\n" not in text:
        return 0
    pos = text.find(needle)
    return text.count("\n", 0, pos) if pos > 0 else 0


def label_role(text: str) -> str:
    """A link group's label as a role: `intro` is `Intro` (its first letter capitalised)."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def is_plain_link(e: Entry) -> bool:
    return bool(e.url) and not e.description and not e.children and not e.notes and e.separator is None


def has_link(e: Entry) -> bool:
    return bool(e.url or e.links or any(has_link(c) for c in e.children))


def drop_private(e: Entry) -> None:
    for key in [k for k in e.attributes if k.startswith("_")]:
        del e.attributes[key]
    for c in e.children:
        drop_private(c)
