"""GitHub's heading anchors: made from the heading's text content (html-pipeline's TOC filter:
lower case, punctuation dropped, each space a hyphen, nothing trimmed), where images add no text."""

from __future__ import annotations

import pytest

from awesomelint.anchors import SlugCounter, slugify


@pytest.mark.parametrize(
    "heading,anchor",
    [
        ("Data Types", "data-types"),
        ("C++ & Rust", "c--rust"),
        ("[MIMIC](https://mimic.mit.edu/) data", "mimic-data"),
        ("`code` and *emphasis*", "code-and-emphasis"),
        # a badge after the title: the image is no text, the space before it stays
        ("Open-Clinical-Data [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)", "open-clinical-data-"),
        ("Awesome Python ![badge](https://x.org/b.svg) Tools", "awesome-python--tools"),
        ("Données ouvertes", "données-ouvertes"),
    ],
)
def test_anchor_is_what_github_makes(heading: str, anchor: str) -> None:
    assert slugify(heading) == anchor


def test_repeated_headings_are_numbered() -> None:
    slugs = SlugCounter()
    assert [slugs.add(h) for h in ("Tools", "Tools", "Tools")] == ["tools", "tools-1", "tools-2"]
