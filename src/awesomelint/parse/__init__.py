"""Markdown → records. `parse_text` and `parse_file` are the entry points."""

from __future__ import annotations

import os

from awesomelint.model import Document
from awesomelint.source import SourceText, read_source, split_front_matter


def parse_source(src: SourceText) -> Document:
    """Parse a decoded list file into a `Document` (records with source lines)."""
    from awesomelint.parse.blocks import parse_blocks
    from awesomelint.parse.records import RecordBuilder

    front_matter, skip = split_front_matter(src.text)
    tokens, env = parse_blocks(src.text, skip)
    lines = src.text.split("\n")
    return RecordBuilder(lines, env, src.path).document(tokens, front_matter)


def parse_text(text: str, path: str = "<string>") -> Document:
    from awesomelint.source import decode

    return parse_source(decode(text.encode("utf-8"), path))


def parse_file(path: str | os.PathLike[str]) -> Document:
    return parse_source(read_source(path))
