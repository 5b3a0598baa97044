"""render is total: every value in the data reaches the Markdown, or nothing is written.

The oracle here (`content`) is written for the test: it reads the records back with the parser
and compares names, urls, descriptions, links with their labels, attributes and children, with
its own normalisation (case of labels, blanks), not the code under test's comparison.
"""

from __future__ import annotations

import copy
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint import api
from awesomelint.errors import InputError
from awesomelint.model import (
    STYLE_BOLD,
    STYLE_BULLET,
    STYLE_FIELDS,
    STYLE_HTML,
    STYLE_LABELLED,
    STYLE_PARAGRAPH,
    Document,
    Entry,
    EntryList,
    Link,
    Section,
    Table,
)
from awesomelint.parse import parse_text
from awesomelint.render.views import columns_for
from awesomelint.source import decode
from awesomelint.yamlio import dump_yaml, from_data, load_yaml, to_data
from conftest import CORPUS
from helpers import load
from test_cli import one_line_error, run

SEEDS = {p.name[:3]: p for p in CORPUS if p.suffix == ".txt"}


def _norm(text: str | None) -> str:
    return " ".join((text or "").replace("\t", " ").split(" ")).strip()


def _shown(text: str | None) -> str:
    """The text as GitHub shows it (cmark-gfm called here, not through the code under test)."""
    import cmarkgfm

    return cmarkgfm.github_flavored_markdown_to_html(_norm(text)).strip()


def _links(e: Entry) -> set[tuple[str, str]]:
    """(what the reader sees as the link's role or text, url) of the links not read from text."""
    out = set()
    for lk in e.links:
        if lk.inline:
            continue
        shown = lk.label if lk.label not in (None, lk.url) else lk.text
        out.add((re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", shown or "").lower(), lk.url))
    return out


def _attrs(e: Entry) -> dict[str, str]:
    return {k: _norm(", ".join(map(str, v)) if isinstance(v, list) else str(v)) for k, v in e.attributes.items() if v not in ("", [], None)}


def content(e: Entry) -> tuple:  # type: ignore[type-arg]
    return (_shown(e.name), e.url, _shown(e.description), frozenset(_links(e)), tuple(sorted(_attrs(e).items())), tuple(content(c) for c in e.children))


def all_content(doc: Document) -> list[tuple]:  # type: ignore[type-arg]
    out = []
    for _, block in doc.iter_blocks():
        if isinstance(block, (EntryList, Table)):
            out.extend(content(e) for e in block.entries)
    return out


def render(doc: Document) -> str:
    return api.render_markdown(doc, "gen.yaml")


# -- the measured cases ---------------------------------------------------------------------
LABELLED = """# Open data

## ICU

- **MIMIC-IV** (40k) 2008 - 2019
  - Critical care records from one hospital.
  - Intro:
    - [MIMIC](https://mimic.mit.edu/)
  - Data:
    - [MIMIC-IV v2.2](https://physionet.org/content/mimiciv/2.2/)
- **eICU** (200k) 2014-2015
  - Critical care records from many hospitals.
  - Data:
    - [eICU v2.0](https://physionet.org/content/eicu-crd/2.0/)
"""


def test_new_entry_without_format_hints_takes_the_list_shape():
    data = load_yaml(api.convert("l.md", "yaml", source=decode(LABELLED.encode(), "l.md")), "l.yaml")
    entries = _items(data)
    entries.append(
        {
            "name": "HiRID",
            "description": "High time resolution ICU data.",
            "links": [{"label": "Data", "url": "https://physionet.org/content/hirid/1.1.1/", "text": "HiRID v1.1.1"}],
            "attributes": {"count": "33k", "years": "2008-2016"},
        }
    )
    doc = from_data(data, "l.yaml")
    md = render(doc)
    assert "- **HiRID** (33k) 2008-2016\n  - High time resolution ICU data.\n  - Data:\n    - [HiRID v1.1.1](" in md
    assert all_content(parse_text(md)) == all_content(doc)


TABLE = """# Sources

| Name | Description | Patients | Citation |
| --- | --- | --- | --- |
| [MIMIC](https://mimic.physionet.org/) | Critical care. | ~45,000 | [Link](https://doi.org/10.1038/sdata.2016.35) |
| [OASIS](https://www.oasis-brains.org/) | Brain MRI. | 416 | NA |
"""


def table_data() -> dict:  # type: ignore[type-arg]
    return load_yaml(api.convert("t.md", "yaml", source=decode(TABLE.encode(), "t.md")), "t.yaml")


def test_table_link_cell_is_one_value():
    data = table_data()
    mimic = _rows(data)[0]
    assert "citation" not in mimic["attributes"]  # the link is the value, not also a string
    assert [lk["url"] for lk in mimic["links"]] == ["https://doi.org/10.1038/sdata.2016.35"]


def _blocks(data: dict) -> list[dict]:  # type: ignore[type-arg]
    out = list(data.get("intro") or [])

    def walk(secs: list[dict]) -> None:  # type: ignore[type-arg]
        for sec in secs:
            out.extend(sec.get("content") or [])
            walk(sec.get("sections") or [])

    walk(data.get("sections") or [])
    return out


def _rows(data: dict) -> list[dict]:  # type: ignore[type-arg]
    return next(b["table"]["entries"] for b in _blocks(data) if "table" in b)


def _items(data: dict) -> list[dict]:  # type: ignore[type-arg]
    return next(b["list"]["entries"] for b in _blocks(data) if "list" in b)


def test_table_row_link_given_in_links_fills_its_cell():
    data = table_data()
    _rows(data)[1]["links"].append({"label": "Citation", "url": "https://example.org/oasis-paper", "text": "Paper"})
    md = render(from_data(data, "t.yaml"))
    assert "[Paper](https://example.org/oasis-paper)" in md


def test_table_edited_link_url_is_the_one_rendered():
    data = table_data()
    _rows(data)[0]["links"][0]["url"] = "https://example.org/new-citation"
    md = render(from_data(data, "t.yaml"))
    assert "https://example.org/new-citation" in md and "sdata.2016.35" not in md


def test_table_value_without_a_column_gets_one():
    data = table_data()
    _rows(data)[0]["attributes"]["years"] = "2001-2012"
    _rows(data)[0]["links"].append({"label": "Code", "url": "https://github.com/MIT-LCP/mimic-code"})
    doc = from_data(data, "t.yaml")
    md = render(doc)
    assert "| Years" in md and "2001-2012" in md and "| Code" in md
    assert all_content(parse_text(md)) == all_content(doc)


def test_bullet_entry_values_without_a_place_on_the_line_become_sub_items():
    doc = parse_text("# T\n\n## S\n\n- [A](https://a.org) - Alpha.\n- [B](https://b.org) - Beta.\n")
    entry = doc.sections[0].content[0].entries[0]  # type: ignore[union-attr]
    entry.attributes.update({"patients": "~300", "data_types": ["P", "L"]})
    entry.links.append(Link("Data", "https://a.org/data", "A v2"))
    entry.links.append(Link(None, "https://a.org/paper", "paper"))
    md = render(doc)
    assert "  - Patients: ~300" in md and "  - Data:\n    - [A v2](https://a.org/data)" in md
    assert all_content(parse_text(md)) == all_content(doc)


def test_a_value_that_cannot_be_shown_is_refused_with_entry_and_field(tmp_path):
    data = table_data()
    _rows(data)[0]["links"].append({"label": None, "url": "https://example.org/bare"})  # no label, no text
    bad = tmp_path / "d.yaml"
    bad.write_text(dump_yaml(data), encoding="utf-8")
    r = run("render", str(bad), "-o", str(tmp_path / "out.md"))
    one_line_error(r, "d.yaml", "MIMIC", "https://example.org/bare")
    assert not (tmp_path / "out.md").exists()


@pytest.mark.skipif("003" not in SEEDS, reason="../shared/seeds is not present on this machine")
def test_seed_003_new_entry_keeps_description_and_bold_name():
    data = load_yaml(api.convert("s.md", "yaml", source=load(SEEDS["003"])), "s.yaml")
    entries = _items(data)
    entries.insert(
        1,
        {
            "name": "New ICU set",
            "description": "Added by hand.",
            "links": [{"label": "Data", "url": "https://example.org/icu", "text": "data"}],
            "attributes": {"count": "1k"},
        },
    )
    doc = from_data(data, "s.yaml")
    md = render(doc)
    assert "- **New ICU set** (1k)\n  - Added by hand." in md
    assert all_content(parse_text(md)) == all_content(doc)


@pytest.mark.skipif("002" not in SEEDS, reason="../shared/seeds is not present on this machine")
def test_seed_002_citation_link_edit_and_addition():
    data = load_yaml(api.convert("s.md", "yaml", source=load(SEEDS["002"])), "s.yaml")
    rows = _rows(data)
    edited = next(r for r in rows if [lk for lk in r["links"] if not lk.get("inline")])
    edited["links"][0]["url"] = "https://example.org/edited"
    bare = next(r for r in rows if not [lk for lk in r["links"] if not lk.get("inline")])
    bare["links"].append({"label": "Publication/Citation Guidelines", "url": "https://example.org/added", "text": "Paper"})
    md = render(from_data(data, "s.yaml"))
    assert "https://example.org/edited" in md and "[Paper](https://example.org/added)" in md


# -- property: random records × every style -------------------------------------------------
_LETTERS = st.text(alphabet=st.sampled_from("abcXYZ019éü中"), min_size=1, max_size=5)
# Markdown-significant characters inside words: pipes, emphasis, brackets, tags, code spans
_WORD = st.builds(lambda a, sym, b: a + sym + b, _LETTERS, st.sampled_from(["", "", "|", "*", "[", "<", "`", "_", "\u00a0"]), _LETTERS)
_TEXT = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)
# link texts in a `([Data](…), …)` group or a `Label:` line cannot hold brackets or code spans
_LINK_TEXT = st.lists(_LETTERS, min_size=1, max_size=3).map(" ".join)
_URL = st.builds(lambda h, p: f"https://{h}.org/{p}", st.sampled_from(["mimic", "eicu", "oasis", "hirid"]), st.integers(0, 999))
_LABEL = st.sampled_from(["Data", "Code", "Paper", "Intro", "Demo"])
_KEY = st.sampled_from(["patients", "access", "data_types", "licence"])


@st.composite
def entries(draw, depth: int = 0, link_text: st.SearchStrategy[str] = _TEXT) -> Entry:  # type: ignore[no-untyped-def]
    e = Entry(draw(_TEXT), draw(st.one_of(st.none(), _URL)) if depth == 0 else draw(_URL))
    e.name_format = draw(st.sampled_from([None, "bold"])) if e.url is None else None  # a plain name, as read
    if draw(st.booleans()):
        e.description = draw(_TEXT) + "."
        # format hints a YAML may carry from another list's shape (a merged entry): never a loss
        e.description_format = draw(st.sampled_from([None, None, "html", "item"]))
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            e.links.append(Link(draw(_LABEL), draw(_URL), draw(st.one_of(st.none(), link_text))))
        else:
            e.links.append(Link(None, draw(_URL), draw(link_text)))
    for _ in range(draw(st.integers(0, 2))):
        key = draw(_KEY)
        e.attributes[key] = draw(st.one_of(_TEXT, st.lists(st.sampled_from(["P", "L", "T"]), min_size=1, max_size=3, unique=True)))
    if e.url is None and not any(lk.label for lk in e.links):  # with no link at all, `- Name` is prose
        e.links.append(Link(draw(_LABEL), draw(_URL), draw(link_text)))
    if depth == 0 and draw(st.integers(0, 4)) == 0:
        e.children = [draw(entries(depth=1, link_text=link_text)) for _ in range(draw(st.integers(1, 2)))]
        if e.url is None:  # a plain name over one bare link is, on the page, a name with its link
            for child in e.children:
                child.description = child.description or "Described."
    return e


STYLES = [STYLE_BULLET, STYLE_HTML, STYLE_LABELLED, STYLE_PARAGRAPH, STYLE_BOLD, STYLE_FIELDS, "table"]


def document(style: str, es: list[Entry]) -> Document:
    if style == "table":
        from awesomelint.render.views import flatten

        flat = flatten(es)
        block: EntryList | Table = Table(columns_for(flat), flat)
    elif style == STYLE_FIELDS:
        block = EntryList(style, es, columns=columns_for(es)[2:])
    else:
        block = EntryList(style, es)
    return Document(path="gen.yaml", title="Generated", sections=[Section("Data", 2, content=[block])])


@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_property_render_then_parse_keeps_every_record_or_refuses(style, data):
    es = data.draw(st.lists(entries(), min_size=1, max_size=4))
    doc = document(style, es)
    want = all_content(doc)
    try:
        md = render(copy.deepcopy(doc))
    except InputError as err:  # a clean refusal names the entry and the field
        assert "would lose data" in str(err) and re.search(r"entry '[^']*'", str(err)), str(err)
        return
    assert all_content(parse_text(md)) == want, md


_FULL = {STYLE_BULLET, STYLE_HTML, STYLE_LABELLED, STYLE_FIELDS, "table"}


@pytest.mark.slow
@pytest.mark.parametrize("style", sorted(_FULL))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_property_list_and_table_styles_have_a_place_for_every_value(style, data):
    """Names, urls, descriptions, labelled links, attributes and children: never a refusal."""
    es = data.draw(st.lists(entries(link_text=_LINK_TEXT), min_size=1, max_size=4))
    doc = document(style, es)
    md = render(copy.deepcopy(doc))
    assert all_content(parse_text(md)) == all_content(doc), md


def test_yaml_round_trip_of_generated_doc_is_stable():
    doc = document(STYLE_BULLET, [Entry("A", "https://a.org", "Alpha.", attributes={"patients": "10"})])
    data = to_data(doc)
    assert from_data(load_yaml(dump_yaml(data), "x.yaml"), "x.yaml").sections[0].content[0].entries[0].attributes == {"patients": "10"}  # type: ignore[union-attr]


@pytest.mark.parametrize("style", sorted(_FULL))
@pytest.mark.parametrize("description", ["00.", "2) Second.", "- Dashed.", "# Hashed.", "> Quoted.", "***"])
def test_a_description_that_would_start_a_block_keeps_its_place(style, description):
    """Found by the property test above: `- 00.` as a sub-item is an empty numbered item."""
    doc = document(style, [Entry("00", None, description, links=[Link("Data", "https://mimic.org/0", "0", inline=False)], description_format="item")])
    md = render(copy.deepcopy(doc))
    assert all_content(parse_text(md)) == all_content(doc), md
