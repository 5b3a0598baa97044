"""schema.org `Dataset` records in the HTML page (JSON-LD), and the page's section index; no browser needed."""

from __future__ import annotations

import json
import re

from awesomelint import api
from awesomelint.parse import parse_text
from awesomelint.render.html import render_html
from awesomelint.source import decode
from test_cli import one_line_error, run

LIST = """# Clinical Data

## ICU

| Name | Description | Data Types | Access | Paper | Data |
| --- | --- | --- | --- | --- | --- |
| [MIMIC-IV](https://physionet.org/content/mimiciv/) | Hospital and ICU records. | P, L, T | Credentialed | [Paper](https://doi.org/10.1038/s41597-022-01899-x) | [Files](https://physionet.org/files/mimiciv/) |
| [OASIS](https://www.oasis-brains.org/) | Brain MRI </script><script>alert(1)</script> `<!--` 3 < 4 sets. | I | Open | | |
| [Bad](javascript:alert(1)) | A url that is not one. | I | Open | | |
"""


def _ld(page: str) -> dict:  # type: ignore[type-arg]
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_every_entry_is_a_dataset_with_the_required_properties():
    data = _ld(render_html(parse_text(LIST), datasets=True))
    graph = data["@graph"]
    assert data["@context"] == "https://schema.org" and [d["name"] for d in graph] == ["MIMIC-IV", "OASIS", "Bad"]
    assert all(d["@type"] == "Dataset" and d["name"] and d["description"] for d in graph)
    mimic = graph[0]
    assert mimic["url"] == "https://physionet.org/content/mimiciv/"
    assert mimic["keywords"] == ["ICU", "P", "L", "T"] and mimic["isAccessibleForFree"] is False and mimic["conditionsOfAccess"] == "Credentialed"
    assert mimic["citation"] == ["https://doi.org/10.1038/s41597-022-01899-x"]
    assert mimic["distribution"] == [{"@type": "DataDownload", "contentUrl": "https://physionet.org/files/mimiciv/"}]
    assert graph[1]["isAccessibleForFree"] is True
    assert "url" not in graph[2]  # a javascript: url is not a url


def test_nothing_in_the_data_breaks_out_of_the_json():
    page = render_html(parse_text(LIST), datasets=True)
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block is not None
    assert "<" not in block.group(1) and ">" not in block.group(1)  # not even `</script>` or `<!--`
    assert "<!-- 3 < 4 sets." in _ld(page)["@graph"][1]["description"]  # the text, kept as text
    assert page.count("<script") == 2  # the data block and the page's own script: nothing else


def test_off_by_default_on_by_config(tmp_path):
    (tmp_path / "list.md").write_text(LIST, encoding="utf-8")
    assert "application/ld+json" not in api.convert(str(tmp_path / "list.md"), "html")
    (tmp_path / ".awesomelint.toml").write_text("[html]\ndatasets = true\n", encoding="utf-8")
    assert "application/ld+json" in api.convert(str(tmp_path / "list.md"), "html")
    (tmp_path / ".awesomelint.toml").write_text('[html]\ndatasets = "yes"\n', encoding="utf-8")
    one_line_error(run("convert", str(tmp_path / "list.md"), "--to", "html"), "html.datasets must be true or false")


def test_section_index_folds_when_long_and_goes_when_alone():
    one = api.convert("one.md", "html", source=decode(b"# T\n\n## A\n\n- [X](https://x.org) - X.\n", "one.md"))
    assert "<nav" not in one
    few = "# T\n\n" + "".join(f"## S{i}\n\n- [X{i}](https://x.org/{i}) - X.\n\n" for i in range(3))
    assert "<details open>" in api.convert("few.md", "html", source=decode(few.encode(), "few.md"))
    many = "# T\n\n" + "".join(f"## S{i}\n\n- [X{i}](https://x.org/{i}) - X.\n\n" for i in range(20))
    page = api.convert("many.md", "html", source=decode(many.encode(), "many.md"))
    assert "<details>" in page and "<summary>20 sections</summary>" in page


def test_keywords_say_the_category_and_what_a_legend_says_the_codes_mean():
    legend = LIST.replace(
        "# Clinical Data\n", "# Clinical Data\n\nData Types: P patient demographics, L laboratory tests, T clinical text (notes), I imaging.\n"
    )
    graph = _ld(render_html(parse_text(legend), datasets=True))["@graph"]
    assert graph[0]["keywords"] == ["ICU", "patient demographics", "laboratory tests", "clinical text (notes)"]
    assert graph[1]["keywords"] == ["ICU", "imaging"]
    plain = _ld(render_html(parse_text(LIST), datasets=True))["@graph"]  # no legend: the codes as written
    assert plain[0]["keywords"] == ["ICU", "P", "L", "T"]
