"""Markdown → records. `parse_text` and `parse_file` are the entry points."""

from __future__ import annotations

import os
from typing import Any

from awesomelint.model import Document
from awesomelint.source import SourceText, read_source, split_front_matter


def parse_source(src: SourceText) -> Document:
    """Parse a decoded list file into a `Document` (records with source lines)."""
    return parse_source_tokens(src)[0]


def parse_source_tokens(src: SourceText) -> tuple[Document, list[dict[str, Any]]]:
    """The records and the block tokens they came from (one parse serves lint, fmt and the check)."""
    from awesomelint.parse.blocks import parse_blocks
    from awesomelint.parse.records import RecordBuilder

    front_matter, skip = split_front_matter(src.text)
    tokens, env = parse_blocks(src.text, skip)
    lines = src.text.split("\n")
    return RecordBuilder(lines, env, src.path).document(tokens, front_matter), tokens


def parse_text(text: str, path: str = "<string>") -> Document:
    from awesomelint.source import decode

    return parse_source(decode(text.encode("utf-8"), path))


def parse_file(path: str | os.PathLike[str]) -> Document:
    return parse_source(read_source(path))
