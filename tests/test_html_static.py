"""The HTML page as text (no browser needed): what it shows, what it hides, what it says."""

from __future__ import annotations

import re

from awesomelint import api
from awesomelint.source import decode


def page_of(text: str) -> str:
    return api.convert("s.md", "html", source=decode(text.encode(), "s.md"))


def test_page_keeps_the_intro_legend_and_section_notes_and_shows_link_texts():
    text = (
        "# Sources\n\nData types: P demographics, L labs.\n\n## ICU\n\nCredentialed access for all of these.\n\n"
        "| Name | Data Types | Paper |\n| --- | --- | --- |\n"
        "| [MIMIC](https://mimic.mit.edu/) | P, L | [MIMIC-III paper](https://www.nature.com/articles/sdata201635) |\n"
    )
    page = page_of(text)
    assert "Data types: P demographics, L labs." in page  # the legend of the intro
    assert "Credentialed access for all of these." in page  # a section's own note
    assert ">MIMIC-III paper</a>" in page and ">nature.com</a>" not in page  # the link's text, not its host
    assert "1 entry in 1 section" in page and '<button type="button">Section</button>' not in page


SAME = """# Sources

## ICU

- [MIMIC](https://mimic.mit.edu/) - Records.
  - Access: Public
  - Data types: P, L
- [eICU](https://eicu-crd.mit.edu/) - More records.
  - Access: Public
  - Data types: P
"""


def _headers(page: str) -> list[str]:
    return re.findall(r'<th aria-sort="none"><button type="button">([^<]*)</button></th>', page)


def test_a_column_with_one_value_for_every_entry_is_said_once_not_repeated_in_every_row():
    page = page_of(SAME)
    assert _headers(page) == ["Name", "Description", "Data types"]
    assert "Every entry: Access Public" in page  # the value is still on the page, once
    assert ">Public</td>" not in page


def test_columns_asked_for_are_shown_even_with_one_value(tmp_path):
    (tmp_path / "s.md").write_text(SAME, encoding="utf-8")
    page = api.convert(str(tmp_path / "s.md"), "html", columns=["name", "access"])
    assert _headers(page) == ["Name", "Access"]


def test_section_index_counts_can_follow_the_filter():
    page = page_of(
        SAME.replace("## ICU", "## ICU") + "\n## Imaging\n\n- [OASIS](https://www.oasis-brains.org/) - Brain MRI.\n  - Access: Public\n  - Data types: I\n"
    )
    assert '<span class="count" data-section="ICU" data-all="2">(2)</span>' in page
    assert '<span class="count" data-section="Imaging" data-all="1">(1)</span>' in page


def test_long_link_texts_wrap_after_slashes_and_dots_not_mid_word():
    text = "# S\n\n| Name | Data |\n| --- | --- |\n| [A](https://a.org/) | [academictorrents.com/details/274be65156ed](https://academictorrents.com/details/274be65156ed) |\n"
    page = page_of(text)
    assert ">academictorrents.<wbr>com/<wbr>details/<wbr>274be65156ed</a>" in page
