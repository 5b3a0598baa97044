"""Markdown → YAML → Markdown: records survive, canonical files come back byte for byte."""

from __future__ import annotations

import json

from awesomelint import api
from awesomelint.api import render_markdown as render_document
from awesomelint.htmlcheck import page_diff, same_page
from awesomelint.parse import parse_text
from awesomelint.source import decode
from awesomelint.yamlio import from_data, load_yaml, records_only, strip_lines
from conftest import CANONICAL, FIXTURES, corpus_param, fixture_param
from helpers import load


def round_trip(path):  # type: ignore[no-untyped-def]
    """(source, yaml 1, markdown from yaml 1, yaml 2)."""
    src = load(path)
    name = path.name if path.name.endswith(".md") else path.name + ".md"
    yaml1 = api.convert(name, "yaml", source=src)
    md = render_document(from_data(load_yaml(yaml1, "1.yaml"))) + "\n"
    yaml2 = api.convert(name, "yaml", source=decode(md.encode(), name))
    return src, yaml1, md, yaml2


def check_round_trip(path) -> None:  # type: ignore[no-untyped-def]
    src, yaml1, md, yaml2 = round_trip(path)
    assert records_only(load_yaml(yaml1, "1")) == records_only(load_yaml(yaml2, "2"))
    assert same_page(src.text, md), page_diff(src.text, md, path.name)[:3000]
    # rendering is canonical: from the second trip on, nothing changes at all
    md2 = render_document(from_data(load_yaml(yaml2, "2.yaml"))) + "\n"
    assert md2 == md
    yaml3 = api.convert(path.name + ".md", "yaml", source=decode(md2.encode(), path.name + ".md"))
    assert strip_lines(load_yaml(yaml2, "2")) == strip_lines(load_yaml(yaml3, "3"))


@fixture_param
def test_round_trip_fixtures(path):
    check_round_trip(path)


@corpus_param
def test_round_trip_corpus(path):
    check_round_trip(path)


@fixture_param
def test_render_snapshot(path, file_regression):
    _, _, md, _ = round_trip(path)
    file_regression.check(md, extension=".md", basename=f"render_{path.stem}")


def test_canonical_fixtures_are_byte_identical():
    for path in FIXTURES:
        if path.name in CANONICAL:
            _, _, md, _ = round_trip(path)
            assert md == path.read_text(encoding="utf-8"), path.name


def test_json_entries_carry_every_key_at_any_depth():
    for path in FIXTURES:
        data = json.loads(api.convert(path.name, "json", source=load(path)))
        seen = 0

        def walk(node):  # type: ignore[no-untyped-def]
            if isinstance(node, dict):
                if "entries" in node:
                    for e in node["entries"]:
                        check(e)
                if isinstance(node.get("entry"), dict):  # a section whose heading is an entry
                    check(node["entry"])
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)

        def check(e):  # type: ignore[no-untyped-def]
            nonlocal seen
            seen += 1
            assert {"name", "url", "description", "links", "attributes", "children", "line"} <= set(e)
            for c in e["children"]:
                check(c)

        walk(data)
        assert seen, path.name


def test_verbatim_blocks_keep_what_we_do_not_understand():
    text = "- [A](https://a.org 'title') - x\n- [B](https://b.org) - y\n"
    yaml = api.convert("t.md", "yaml", source=decode(text.encode(), "t.md"))
    data = load_yaml(yaml, "t.yaml")
    block = data["intro"][0]["list"]
    assert block["markdown"] == text.rstrip("\n")  # the title would be lost: kept verbatim
    assert [e["name"] for e in block["entries"]] == ["A", "B"]


@fixture_param
def test_records_alone_render_back_fixtures(path):
    _render_from_records(path)


@corpus_param
def test_records_alone_render_back_corpus(path):
    _render_from_records(path)


def _render_from_records(path) -> None:  # type: ignore[no-untyped-def]
    """With no kept Markdown (as if every entry had been edited in the YAML), the canonical
    rendering proves itself: `render_markdown` parses it back to the same records or raises."""
    from awesomelint.model import EntryList, Table

    doc = parse_text(path.read_text(encoding="utf-8"), path.name)
    for _, block in doc.iter_blocks():
        if isinstance(block, (EntryList, Table)):
            block.markdown = None
    api.render_markdown(doc)
