"""Markdown (or our YAML/JSON data) → records. `load`, `parse_text` and `parse_file` are the entry points."""

from __future__ import annotations

import os
from typing import Any

from awesomelint.model import Document
from awesomelint.record import Record
from awesomelint.source import SourceText, file_kind, read_source, split_front_matter


class Loaded(Record):
    __slots__ = _fields = ("doc", "source", "is_data")

    def __init__(self, doc: Document, source: SourceText, is_data: bool) -> None:
        self.doc = doc
        self.source = source
        self.is_data = is_data


def load(path: str | os.PathLike[str], source: SourceText | None = None) -> Loaded:
    """Read a Markdown list or an awesomelint YAML/JSON data file into records."""
    name = str(path)
    src = source if source is not None else read_source(path)
    if file_kind(name) == "data":
        from awesomelint.yamlio import from_data, load_yaml

        return Loaded(from_data(load_yaml(src.text, name), name), src, True)  # YAML is a superset of JSON
    return Loaded(parse_source(src), src, False)


def parse_source(src: SourceText) -> Document:
    """Parse a decoded list file into a `Document` (records with source lines)."""
    return parse_source_tokens(src, shed=True)[0]


def parse_source_tokens(src: SourceText, shed: bool = False) -> tuple[Document, list[dict[str, Any]]]:
    """The records and the block tokens they came from (one parse serves lint, fmt and the check).

    `shed`: each list's tokens are let go once its records are read, but for the code blocks,
    HTML blocks and paragraphs with an HTML comment inside it (what code lines and suppressions
    are found from): less memory, for callers that do not format.
    """
    parsed = Parsed(src)
    return parsed.records(shed), parsed.tokens


class Parsed:
    """A source's block tokens, and its records on first use: building records costs more than
    the block parse, and formatting a file already in canonical form needs none (fmt.py). Given
    `tokens` and `doc` (both, from an earlier parse), nothing is parsed again."""

    def __init__(self, src: SourceText, tokens: list[dict[str, Any]] | None = None, doc: Document | None = None) -> None:
        self.src = src
        self.front_matter, self.skip = split_front_matter(src.text)
        self._doc = doc
        self._env: dict[str, Any] = {}
        if tokens is None or doc is None:
            from awesomelint.parse.blocks import parse_blocks

            tokens, self._env = parse_blocks(src.text, self.skip)
            self._doc = None
        self.tokens = tokens

    def records(self, shed: bool = False) -> Document:
        """The records, read from the tokens the first time (`shed`: see `parse_source_tokens`)."""
        if self._doc is None:
            from awesomelint.parse.records import RecordBuilder

            self._doc = RecordBuilder(self.src.text, self._env, self.src.path).document(self.tokens, self.front_matter, shed)
        return self._doc


def parse_text(text: str, path: str = "<string>") -> Document:
    from awesomelint.source import decode

    return parse_source(decode(text.encode("utf-8"), path))


def parse_file(path: str | os.PathLike[str]) -> Document:
    return parse_source(read_source(path))
