"""The simple-list fast path of the block parser (a speed-up) gives mistune's own tokens.

`PosBlockParser.fast_lists` reads lists of plain item lines itself instead of through mistune's list
parser. Every test here parses the same text both ways and requires identical tokens (types, text,
lines, markers, depths, and the order of blocks, including mistune's order when a block breaks into
a list). The inputs: the corpus and seeds, our fixtures, the 701 GFM spec examples, generated nested
lists with one line out of place, and arbitrary mixes of list-like and block lines.
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint.parse import blocks
from awesomelint.parse.blocks import PosBlockParser, parse_blocks
from conftest import CORPUS, FIXTURES, ids
from test_fmt_exact import EXAMPLES

FILES = FIXTURES + CORPUS


def _both(text: str) -> tuple[str, str]:
    out = []
    for fast in (True, False):
        PosBlockParser.fast_lists = fast
        try:
            out.append(json.dumps(parse_blocks(text)[0], default=str, sort_keys=True))
        finally:
            PosBlockParser.fast_lists = True
    return out[0], out[1]


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How often the fast path read a list ([read, left to mistune]), so no test passes unused."""
    counts = [0, 0]
    orig = blocks._simple_list

    def counting(*args):  # type: ignore[no-untyped-def]
        end = orig(*args)
        counts[end is None] += 1
        return end

    monkeypatch.setattr(blocks, "_simple_list", counting)
    return counts


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_same_tokens_on_every_list_we_have(path):
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    fast, slow = _both(text)
    assert fast == slow


def test_the_corpus_is_read_by_the_fast_path(taken, corpus_required):
    for path in CORPUS:
        parse_blocks(path.read_text(encoding="utf-8").replace("\r\n", "\n"))
    assert taken[0] > 5 * taken[1]  # most lists of real awesome lists are simple


@pytest.mark.skipif(not EXAMPLES, reason="../shared/spec (the GFM spec examples) is not present on this machine")
def test_same_tokens_on_the_gfm_spec_examples(taken):
    differ = [name for name, text in EXAMPLES if len(set(_both(text))) != 1]
    assert differ == []
    assert taken[0] > 30


_TEXTS = [
    "[a](u) - x",
    "**b** - y",
    "*c*",
    "`d`",
    "2019 - z",
    "é",
    "x  ",
    "text",
    "!img",
    "a\tb",
    "#tag",
    "[x][r]",
    "_i_",
    "~~s~~",
    "(p)",
    "1.5T",
    "[r]: /u",
    "1. o",
    "* * *",
    "```",
    "<b>",
    "> q",
    "",
    " ",
]
_OTHER = [
    "## H",
    "para",
    "<!-- c -->",
    "<details>",
    "    code",
    "> q",
    "---",
    "***",
    "|a|b|\n|-|-|",
    "1. x",
    "\f",
    "```\nc\n```",
    "[r]: /u",
    "===",
    "**Bold**",
    "  text",
    "\ttext",
    "- y",
    "* z",
    "+ w",
    "2. q",
    "",
    " ",
]
_MARKERS = ["-", "*", "+", "1.", "1)"]


def _nested_list(rnd: random.Random) -> str:
    """A nested list that keeps each sub-list at its parent's text column (0-3 more), with now and
    then another number, a tab for the indent, or one line from elsewhere in between or after."""
    out = []
    stack = [(0, rnd.choice(_MARKERS))]
    for _ in range(rnd.randint(1, 25)):
        r = rnd.random()
        if r < 0.3 and len(stack) < 7:
            col, m = stack[-1]
            stack.append((col + len(m) + 1 + rnd.choice([0, 0, 0, 1, 2, 3]), rnd.choice(_MARKERS)))
        elif r < 0.5 and len(stack) > 1:
            stack.pop()
        col, m = stack[-1]
        if m[0].isdigit() and rnd.random() < 0.3:
            m = str(rnd.randint(1, 12)) + m[-1]
        ws = "\t" + " " * (col - 4) if col >= 4 and rnd.random() < 0.1 else " " * col
        out.append(ws + m + rnd.choice([" ", " ", " ", "  "]) + rnd.choice(_TEXTS[:16] if rnd.random() < 0.95 else _TEXTS))
    if rnd.random() < 0.3:
        out.insert(rnd.randrange(len(out) + 1), rnd.choice(["", " ", "  " + rnd.choice(_OTHER), rnd.choice(_OTHER)]))
    tail = rnd.choice(["", "\n", "\n" + rnd.choice(_OTHER), "\n\n" + rnd.choice(_OTHER), "\n\n\n" + rnd.choice(_OTHER) + "\n"])
    return "\n".join(out) + tail + "\n"


def _wrapped(rnd: random.Random, text: str) -> str:
    r = rnd.random()
    if r < 0.1:
        return "> " + text.replace("\n", "\n> ")
    if r < 0.2:
        return "- x\n" + "\n".join("  " + line for line in text.split("\n"))
    if r < 0.3:
        return "para\n" + text
    if r < 0.4:
        return "1. x\n" + "\n".join("   " + line for line in text.split("\n"))
    return text


def test_same_tokens_on_generated_nested_lists(taken):
    rnd = random.Random(20261124)
    differ = []
    for _ in range(3000):
        text = _wrapped(rnd, _nested_list(rnd))
        fast, slow = _both(text)
        if fast != slow:
            differ.append(text)
    assert differ == []
    assert taken[0] > 3000


_INDENTS = ["", "", "  ", "    ", "   ", " ", "\t", "\t\t", "  \t", "      ", "     "]
_SPACES = [" ", " ", "  ", "   ", "    ", "     ", "\t", ""]
_ITEM = st.builds(
    lambda a, b, c, d: a + b + c + d, st.sampled_from(_INDENTS), st.sampled_from(_MARKERS + ["10.", "9."]), st.sampled_from(_SPACES), st.sampled_from(_TEXTS)
)
_LINE = st.one_of(_ITEM, _ITEM, _ITEM, st.sampled_from(_OTHER), st.builds(lambda a, b: a + b, st.sampled_from(_INDENTS[:4]), st.sampled_from(_OTHER)))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=12), st.sampled_from(["\n", "", "\n\n", "\n  \n"]), st.sampled_from(["", "> ", "  ", "   "]))
def test_same_tokens_on_any_mix_of_list_and_block_lines(lines, end, prefix):
    text = "\n".join(lines) + end
    if prefix == "> ":
        text = "> " + text.replace("\n", "\n> ")
    elif prefix:
        text = ("- x\n" if prefix == "  " else "1. x\n") + "\n".join(prefix + line for line in text.split("\n"))
    fast, slow = _both(text)
    assert fast == slow
