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
