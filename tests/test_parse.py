"""Parser: source lines against markdown-it-py, the shapes of the seeds, and snapshots."""

from __future__ import annotations

import pytest

from awesomelint.model import EntryList, Prose, Table
from awesomelint.parse import parse_source, parse_text
from awesomelint.parse.blocks import parse_blocks
from awesomelint.source import split_front_matter
from awesomelint.yamlio import dump_yaml, to_data
from conftest import CORPUS, corpus_param, fixture_param
from helpers import load, mdit_entry_links, mdit_lines, norm_url


def our_lines(text: str, skip: int) -> dict[str, list[tuple[int, int]]]:
    tokens, _ = parse_blocks(text, skip)
    kinds = {
        "heading": "heading",
        "paragraph": "paragraph",
        "block_text": "paragraph",
        "block_html": "html",
        "block_code": "code",
        "table": "table",
        "thematic_break": "rule",
    }
    out: dict[str, list[tuple[int, int]]] = {}

    def walk(toks) -> None:  # type: ignore[no-untyped-def]
        for t in toks:
            if t["type"] == "list_item":
                out.setdefault("item", []).append((t["line"], t["end_line"]))
            elif t["type"] in kinds:
                out.setdefault(kinds[t["type"]], []).append((t["line"], t["end_line"]))
            if t["type"] in ("list", "list_item", "block_quote"):
                walk(t["children"])

    walk(tokens)
    return out


def check_lines_against_markdown_it(path) -> None:  # type: ignore[no-untyped-def]
    src = load(path)
    _, skip = split_front_matter(src.text)
    ours, theirs = our_lines(src.text, skip), mdit_lines(src.text, skip)
    for kind in set(ours) | set(theirs):
        starts_ours = sorted(s for s, _ in ours.get(kind, []))
        starts_theirs = sorted(s for s, _ in theirs.get(kind, []))
        assert starts_ours == starts_theirs, f"{kind} start lines differ"
    # list items: (start, end) spans, trailing blank lines aside
    assert sorted(ours.get("item", [])) == sorted(theirs.get("item", []))


@fixture_param
def test_block_and_item_lines_match_markdown_it_on_fixtures(path):
    check_lines_against_markdown_it(path)


@corpus_param
def test_block_and_item_lines_match_markdown_it_on_corpus(path):
    check_lines_against_markdown_it(path)


@fixture_param
def test_parse_snapshot(path, file_regression):
    doc = parse_source(load(path))
    data = to_data(doc)
    data["path"] = path.name
    file_regression.check(dump_yaml(data), extension=".yaml", basename=f"parse_{path.stem}")


def all_entry_urls(doc) -> set[str]:  # type: ignore[no-untyped-def]
    urls: set[str] = set()
    for _, e in doc.iter_entries():
        if e.url:
            urls.add(norm_url(e.url))
        urls.update(norm_url(lk.url) for lk in e.links)
    return urls


def check_every_item_link_is_recorded(path) -> None:  # type: ignore[no-untyped-def]
    src = load(path)
    _, skip = split_front_matter(src.text)
    doc = parse_source(src)
    expected = mdit_entry_links(src.text, skip)
    # links in navigation (ToC) and in lists kept as prose by design are not entries
    nav: set[str] = set()
    for _, block in doc.iter_blocks():
        if isinstance(block, Prose) and block.kind in ("toc", "list", "html", "code", "table"):
            nav |= mdit_entry_links(block.markdown, 0)
    missing = expected - nav - all_entry_urls(doc)
    assert not missing, f"links in items or rows that no entry records: {sorted(missing)[:5]}"


@fixture_param
def test_every_item_link_is_recorded_fixtures(path):
    check_every_item_link_is_recorded(path)


@corpus_param
def test_every_item_link_is_recorded_corpus(path):
    check_every_item_link_is_recorded(path)


# -- the shapes ---------------------------------------------------------------------------------
def test_bullet_shape_with_link_group_and_tags():
    doc = parse_text(
        "## Tools\n\n- [eICU](https://eicu-crd.mit.edu/) - ICU records. "
        "([Paper](https://doi.org/x), [Code](https://github.com/MIT-LCP/eicu-code)) `ODbL` `SQL`\n"
    )
    ((path, e),) = doc.iter_entries()
    assert path == ("Tools",)
    assert (e.name, e.url, e.description) == ("eICU", "https://eicu-crd.mit.edu/", "ICU records.")
    assert [(lk.label, lk.url) for lk in e.links] == [("Paper", "https://doi.org/x"), ("Code", "https://github.com/MIT-LCP/eicu-code")]
    assert e.attributes == {"tags": ["ODbL", "SQL"]}
    assert e.line == 3


@pytest.mark.parametrize("sep", [" - ", " — ", " – ", ": "])
def test_separators(sep):
    ((_, e),) = parse_text(f"- [A](https://a.org){sep}Desc.\n").iter_entries()
    assert e.description == "Desc."
    assert e.separator == (None if sep == " - " else sep)


def test_reference_links_resolve():
    doc = parse_text("- [MIMIC][m] - Records.\n\n[m]: https://mimic.mit.edu/\n")
    ((_, e),) = doc.iter_entries()
    assert e.url == "https://mimic.mit.edu/"


def test_html_description_and_nested_entries():
    doc = parse_text("- [SemEval](http://a.org)\n    <p>Tasks:</p>\n\n    - [Task 14](http://b.org)\n")
    (_, e), (_, child) = doc.iter_entries()
    assert e.description == "Tasks:" and e.description_format == "html"
    assert child.name == "Task 14" and child.line == 4


def test_paragraph_shape_owns_the_list_below():
    doc = parse_text("## EHR\n[MIMIC-IV](https://a.org) | [dataset](https://b.org)\n  - 300k patients\n  - ICU only\n")
    ((_, e),) = doc.iter_entries()
    assert e.url == "https://a.org" and e.links[0].label == "dataset" and e.links[0].url == "https://b.org"
    assert e.description == "300k patients\nICU only"
    assert (e.line, e.end_line) == (2, 4)


def test_table_rows_become_entries_with_split_columns():
    text = "| Name | Data Types | Count |\n| --- | --- | --- |\n| [MIMIC](https://m.org) | P, L, T | ~45,000\n| [OASIS](https://o.org) | I | 416\n"
    doc = parse_text(text)
    (block,) = doc.intro
    assert isinstance(block, Table)
    entries = [e for _, e in doc.iter_entries()]
    assert [e.name for e in entries] == ["MIMIC", "OASIS"]  # rows without a trailing pipe are kept
    assert entries[0].attributes == {"data_types": ["P", "L", "T"], "count": "~45,000"}
    assert [e.line for e in entries] == [3, 4]


def test_labelled_shape():
    text = "- **MIMIC-IV** (40k) 2008 - 2019\n\t- ICU data.\n\t- Intro：\n\t\t- [MIMIC](https://mimic.mit.edu/)\n\t- Intro & Data:\n\t\t- [Data](https://physionet.org/)\n"
    ((_, e),) = parse_text(text).iter_entries()
    assert e.name == "MIMIC-IV" and e.attributes == {"count": "40k", "years": "2008 - 2019"}
    assert e.description == "ICU data."
    assert [(lk.label, lk.url, lk.line) for lk in e.links] == [
        ("Intro", "https://mimic.mit.edu/", 4),
        ("Intro & Data", "https://physionet.org/", 6),
    ]


def test_bold_block_with_bare_urls():
    text = "__ADNI__  \nBrain imaging.  \nAccess: http://adni.loni.usc.edu/\nPaper: https://doi.org/1\n"
    ((_, e),) = parse_text(text).iter_entries()
    assert e.name == "ADNI" and e.description.strip() == "Brain imaging."
    assert [(lk.label, lk.url) for lk in e.links] == [("Access", "http://adni.loni.usc.edu/"), ("Paper", "https://doi.org/1")]


def test_toc_and_back_to_top_are_navigation():
    text = "# T\n\n- [A](#a)\n  - [B](#b)\n\n## A\n\n- [X](https://x.org) - x\n\n**[⬆ back to top](#t)**\n"
    doc = parse_text(text)
    assert isinstance(doc.intro[0], Prose) and doc.intro[0].kind == "toc"
    assert [e.name for _, e in doc.iter_entries()] == ["X"]


def test_front_matter_is_kept_and_not_parsed():
    doc = parse_text("---\ntitle: x\n---\n\n# Heading\n")
    assert doc.front_matter == "---\ntitle: x\n---"
    assert doc.title == "Heading" and doc.title_line == 5


def test_dashes_that_are_not_front_matter_stay_markdown():
    doc = parse_text("---\nJust text\n---\n")
    assert doc.front_matter is None


def test_details_after_list_item_is_not_swallowed():
    tokens, _ = parse_blocks("<details>\n\n- [A](https://a.org)\n</details>\n")
    assert [t["type"] for t in tokens if t["type"] != "blank_line"] == ["block_html", "list", "block_html"]


def test_html_heading_opens_a_section():
    doc = parse_text('<h3 class="x">Datasets</h3>\n\n- [A](https://a.org)\n')
    (sec,) = doc.sections
    assert (sec.title, sec.level) == ("Datasets", 3)


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present on this machine")
def test_seed_counts():
    by_name = {p.name: p for p in CORPUS}
    counts = {}
    for name in ("000_1b55045e0328bd8a.txt", "001_a837216aa5366681.txt", "002_3f48194e879318de.txt", "003_7ea57dadce5b3e31.txt"):
        if name in by_name:
            doc = parse_source(load(by_name[name]))
            counts[name[:3]] = sum(1 for _, b in doc.iter_blocks() if isinstance(b, (EntryList, Table))), len(doc.iter_entries())
    assert counts.get("002", (1, 7)) == (1, 7)  # one table, all seven rows
    assert counts.get("001", (4, 16)) == (4, 16)  # 15 linked entries and one without a link (line 40)


def test_heading_entries():
    text = "# Data\n\n## [MIMIC-IV](https://physionet.org/content/mimiciv/)\n\nICU records from Boston.\n\n## [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU data\n"
    doc = parse_text(text)
    entries = [e for _, e in doc.iter_entries()]
    assert [(e.name, e.url, e.description, e.line) for e in entries] == [
        ("MIMIC-IV", "https://physionet.org/content/mimiciv/", "ICU records from Boston.", 3),
        ("eICU", "https://eicu-crd.mit.edu/", "Multi-centre ICU data", 7),
    ]
    from awesomelint.api import render_markdown

    assert render_markdown(doc) == text.rstrip("\n")


@pytest.mark.parametrize("cell", ["\u00a0[A](https://a.org)", "[A](https://a.org)\u00a0", "\u00a0[A](https://a.org) field notes"])
def test_a_table_name_cell_around_its_link_with_no_break_spaces_is_the_link(cell: str) -> None:
    # GitHub shows the link A (the no-break space is blank); a list item's head reads it so too
    text = f"| Name | Count |\n| --- | --- |\n| {cell} | 0 |\n| [B](https://b.org) | 1 |\n"
    entries = [e for _, e in parse_text(text).iter_entries()]
    assert [(e.name, e.url) for e in entries] == [("A", "https://a.org"), ("B", "https://b.org")]
    ((_, item),) = parse_text(f"- {cell}\n").iter_entries()
    assert (item.name, item.url) == ("A", "https://a.org")


@pytest.mark.parametrize("link", ["[r]()", "[r]( )", "[r](<>)"])
def test_a_link_with_an_empty_destination_is_a_name_without_a_url(link: str) -> None:
    # GitHub links each to `href=""`: the entry is r, its url empty (AL101 says so)
    (_, item) = list(parse_text(f"- [A](https://a.org) - a\n- {link} - x\n").iter_entries())[1]
    assert (item.name, item.url, item.description) == ("r", "", "x")
    rows = [e for _, e in parse_text(f"| Name | N |\n| --- | --- |\n| {link} | 0 |\n| [B](https://b.org) | 1 |\n").iter_entries()]
    assert [(e.name, e.url) for e in rows] == [("r", ""), ("B", "https://b.org")]
