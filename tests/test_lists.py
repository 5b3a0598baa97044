"""Our own catalog in lists/: the generated views are up to date and the list lints clean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from awesomelint import api
from awesomelint.lint.run import ConfigCache, lint_sources
from awesomelint.source import read_source
from awesomelint.urls import normalize_url

LISTS = Path(__file__).resolve().parent.parent / "lists"
SOURCE = LISTS / "clinical-data.yaml"
VIEWS = [("README.md", "md"), ("clinical-data.csv", "csv"), ("index.html", "html")]


@pytest.mark.parametrize("name,to", VIEWS)
def test_generated_view_is_up_to_date(name, to):
    expected = api.render(str(SOURCE), to=to)
    actual = (LISTS / name).read_bytes().decode("utf-8")  # CSV keeps its RFC 4180 \r\n
    assert actual == expected, f"lists/{name} is out of date with clinical-data.yaml: run lists/build.sh"


def test_lint_lists_reports_nothing():
    diags, _ = lint_sources([read_source(LISTS / "README.md")], ConfigCache())
    assert [(d.line, d.code, d.message) for d in diags] == []


def test_catalog_is_curated():
    doc = api.load(str(SOURCE)).doc
    placed = doc.iter_entries()
    entries = [e for _, e in placed]
    assert len(entries) >= 80
    names = [e.name for e in entries]
    assert len(set(names)) == len(names)  # one entry per dataset
    assert sum("MIMIC-III" == n for n in names) == 1
    assert len({normalize_url(e.url or "") for e in entries}) == len(entries)  # no dataset twice under two names
    for section, e in placed:
        assert section, e.name  # every dataset has a category
        assert e.attributes.get("data_types") and e.attributes.get("access"), e.name
        assert {lk.label for lk in e.links} & {"data", "paper"}, f"{e.name}: no data or paper link"
        assert e.url and e.url.startswith(("https://", "http://")), e.name
        assert e.description and len(e.description) <= 160, e.name
        assert {lk.label for lk in e.links} <= {"data", "paper", "code"}, e.name
        assert set(e.attributes) <= {"data_types", "patients", "years", "access"}, e.name
        assert set(e.attributes.get("data_types", [])) <= set("PLTIO"), e.name
        if "years" in e.attributes:
            assert re.fullmatch(r"\d{4}(-\d{4})?", e.attributes["years"]), e.name


def test_readme_converts_back_to_the_same_entries():
    yaml_entries = [(e.name, e.url) for _, e in api.load(str(SOURCE)).doc.iter_entries()]
    md_entries = [(e.name, e.url) for _, e in api.load(str(LISTS / "README.md")).doc.iter_entries()]
    assert md_entries == yaml_entries
