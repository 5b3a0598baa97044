"""The block scanner's `(?=^)` look-ahead (a speed-up) changes no token, on every list we have."""

from __future__ import annotations

import json

import pytest

from awesomelint.parse.blocks import PosBlockParser, parse_blocks
from conftest import CORPUS, FIXTURES, ids

FILES = FIXTURES + CORPUS


def _tokens(text: str) -> str:
    tokens, _ = parse_blocks(text)
    return json.dumps(tokens, default=str, sort_keys=True)


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_fast_scanner_gives_the_same_tokens(path, monkeypatch):
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    fast = _tokens(text)
    monkeypatch.setattr(PosBlockParser, "fast_scanner", False)
    assert _tokens(text) == fast


def test_fast_scanner_same_tokens_on_hostile_shapes(monkeypatch):
    samples = ["- " + "[a](b) " * 200 + "\n", "x\n" * 300 + "> q\n" * 50, "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 100, "    code\n" * 50 + "# h\n"]
    fast = [_tokens(s) for s in samples]
    monkeypatch.setattr(PosBlockParser, "fast_scanner", False)
    assert [_tokens(s) for s in samples] == fast
