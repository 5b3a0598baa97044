"""Entry heads that real lists write: full-width counts, a colon with no space, lower-case labels."""

from __future__ import annotations

from awesomelint.parse import parse_text

LIST = """# Open data

## Sleep

- ISRUC-Sleep（0.1k）2009-2013
  - Recordings from a hospital sleep lab.
  - [ISRUC-SLEEP](https://sleeptight.isr.uc.pt/)
- **RadFusion**（1.8k）2000-2016
  - Chest CT and records of patients at risk of embolism.
  - intro:
    - [Stanford AIMI](https://aimi.stanford.edu/)
- **MMLU**:Question sets across many subjects.
  - [hendrycks/test](https://github.com/hendrycks/test)
"""


def entries():  # type: ignore[no-untyped-def]
    return {e.name: e for _, e in parse_text(LIST).iter_entries()}


def test_full_width_counts_are_read():
    es = entries()
    assert es["ISRUC-Sleep"].attributes == {"count": "0.1k", "years": "2009-2013"}
    assert es["RadFusion"].attributes == {"count": "1.8k", "years": "2000-2016"}
    assert es["ISRUC-Sleep"].children == [] and es["ISRUC-Sleep"].description.startswith("Recordings")


def test_a_colon_with_no_space_is_a_separator():
    mmlu = entries()["MMLU"]
    assert mmlu.description == "Question sets across many subjects." and mmlu.separator == ":"


def test_group_labels_are_capitalised():
    assert [lk.label for lk in entries()["RadFusion"].links] == ["Intro"]


def test_three_entries_no_spurious_children():
    es = entries()
    assert len(es) == 3 and all(not e.children for e in es.values())


# -- shapes of issue 12 (our own sentences; the shapes are those of the seeds) ----------------------

SEARCH = """# Finding data

## Catalogues

- **Open Brain Imaging** Archive (OBIA) collection
  - scans and scores of volunteers, gathered over ten years
  - Intro & Data：
    - [OBIA home](https://obia.example.org/)
- `PhysioNet` portal
  - [PhysioNet](https://www.physionet.org/)
- Registry of open data
  - [Registry](https://registry.opendata.aws/)
- Imaging
  - [OASIS](https://www.oasis-brains.org/)
  - [ADNI](https://adni.loni.usc.edu/)
"""


def test_a_partly_bold_name_is_the_whole_name():
    es = [e for _, e in parse_text(SEARCH).iter_entries()]
    head = es[0]
    assert head.name == "**Open Brain Imaging** Archive (OBIA) collection"
    assert head.description == "scans and scores of volunteers, gathered over ten years"
    assert [(lk.label, lk.url) for lk in head.links] == [("Intro & Data", "https://obia.example.org/")]
    assert head.children == []


def test_a_name_over_its_one_link_is_one_entry():
    es = {e.name: e for _, e in parse_text(SEARCH).iter_entries()}
    assert [lk.url for lk in es["`PhysioNet` portal"].links] == ["https://www.physionet.org/"]
    assert es["`PhysioNet` portal"].children == []
    # a category over two entries stays a category with its entries
    assert [c.name for c in es["Imaging"].children] == ["OASIS", "ADNI"]
    assert len(es) == 6


PARAGRAPHS = """# Question answering

[CliCR](https://aclanthology.org/N18-1140/) | [dataset](https://github.com/clips/clicr)
  - Queries built from clinical case reports

[MedAlign](https://arxiv.org/abs/2308.14089) | [awaiting dataset]
  - Instructions written by clinicians

emrQA shared task data

## Next
"""


def test_a_placeholder_is_a_link_without_a_url():
    es = {e.name: e for _, e in parse_text(PARAGRAPHS).iter_entries()}
    (placeholder,) = es["MedAlign"].links
    assert (placeholder.label, placeholder.url, placeholder.text) == ("dataset", "", "awaiting dataset")
    assert "tags" not in es["MedAlign"].attributes


def test_a_plain_line_among_paragraph_entries_is_an_entry_without_a_url():
    es = {e.name: e for _, e in parse_text(PARAGRAPHS).iter_entries()}
    assert es["emrQA shared task data"].url is None
    assert len(es) == 3


def test_placeholders_and_plain_names_render_back():
    from awesomelint.api import render_markdown

    doc = parse_text(PARAGRAPHS)
    out = render_markdown(doc)  # proves itself: parses back to the same records or raises
    assert "| [awaiting dataset]" in out and "\nemrQA shared task data\n" in out


def test_lint_says_a_placeholder_has_no_url_yet(tmp_path):
    from awesomelint.api import lint

    path = tmp_path / "qa.md"
    path.write_text(PARAGRAPHS, encoding="utf-8")
    messages = [d.message for d in lint([str(path)]).diagnostics]
    assert "link 'awaiting dataset' has no url yet" in messages
