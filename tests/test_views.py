"""Views: lists as tables and back, CSV, merge; the HTML page is in test_html_page.py."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from awesomelint import api
from awesomelint.source import decode
from conftest import CORPUS
from helpers import load

FIX = Path(__file__).parent / "fixtures"
SEEDS = {p.name[:3]: p for p in CORPUS if p.suffix == ".txt"}


def records(text: str, name: str = "x.md") -> list[tuple]:  # type: ignore[type-arg]
    doc = api.load(name, decode(text.encode(), name)).doc
    out = []
    for _, e in doc.iter_entries():
        attrs = {k: ", ".join(v) if isinstance(v, list) else v for k, v in e.attributes.items() if v not in ("", [])}
        links = sorted(((lk.label or "Link").lower(), lk.url) for lk in e.links if not lk.inline)  # unlabelled: the "Link" column
        out.append((e.name, e.url, e.description.strip(), tuple(links), tuple(sorted(attrs.items()))))
    return sorted(out, key=repr)


def there_and_back(path: Path, first: str) -> None:
    src = load(path)
    name = path.name if path.name.endswith(".md") else path.name + ".md"
    second = "list" if first == "table" else "table"
    a = api.convert(name, "md", source=src, style=first)
    b = api.convert(name, "md", source=decode(a.encode(), name), style=second)
    original, back = records(api.convert(name, "md", source=src), name), records(b, name)
    if first == "list":  # a table shown as a list and back: the same records
        assert back == original
    else:  # a list shown as a table and back: every entry, link and attribute is still there
        assert [(n, u) for n, u, *_ in back] == [(n, u) for n, u, *_ in original]
        for (_, _, d1, l1, a1), (_, _, d2, l2, a2) in zip(original, back):
            assert d2 == d1 and set(l1) <= set(l2) and set(a1) <= set(a2)


def test_table_to_list_and_back():
    there_and_back(FIX / "table.md", "list")


def test_list_to_table_and_back():
    there_and_back(FIX / "bullet.md", "table")


@pytest.mark.skipif("003" not in SEEDS or "002" not in SEEDS, reason="seeds not present")
def test_seed_shapes_there_and_back():
    there_and_back(SEEDS["003"], "table")  # the nested, labelled list
    there_and_back(SEEDS["002"], "list")  # the table


@pytest.mark.skipif("003" not in SEEDS, reason="seeds not present")
def test_nested_list_becomes_a_table_with_attribute_and_link_columns():
    md = api.convert("s.md", "md", source=load(SEEDS["003"]), style="table")
    header = next(line for line in md.split("\n") if line.startswith("| Name"))
    for title in ("Description", "Count", "Years", "Intro", "Data", "Code"):
        assert f" {title} " in header


def test_columns_pick_and_order():
    md = api.convert("t.md", "md", source=load(FIX / "table.md"), columns=["name", "data_types"], style="table")
    assert "| Name " in md and "| Data Types |" in md and "Patient Count" not in md
    with pytest.raises(Exception, match="no column 'nope'"):
        api.convert("t.md", "md", source=load(FIX / "table.md"), columns=["nope"], style="table")


def test_csv_is_rfc4180_with_section_path():
    text = api.convert("b.md", "csv", source=load(FIX / "bullet.md"))
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    assert header[:3] == ["Name", "URL", "Section"]
    body = {r[0]: dict(zip(header, r)) for r in rows[1:]}
    assert body["eICU"]["Section"] == "Critical Care"
    assert body["HiRID benchmark"]["Parent"] == "HiRID"
    assert body["eICU"]["Paper"] == "https://www.nature.com/articles/sdata2018178"
    assert len(rows) - 1 == 6


def test_csv_quotes_commas_and_newlines():
    text = api.convert("p.md", "csv", source=load(FIX / "paragraph.md"))
    rows = list(csv.reader(io.StringIO(text)))
    desc = {r[0]: r for r in rows[1:]}["eICU"]
    assert "ICU records for 200k admissions\nCollected across many US hospitals" in desc
