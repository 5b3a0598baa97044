"""`awesomelint merge`: one catalog from several lists, never dropping an entry silently."""

from __future__ import annotations

import re

import pytest

from awesomelint.merge import merge_documents
from awesomelint.parse import parse_text
from awesomelint.urls import normalize_url
from awesomelint.yamlio import load_yaml
from conftest import CORPUS
from test_cli import run

A = "# A\n\n## ICU\n\n- [MIMIC-III](https://mimic.mit.edu/) - ICU records. ([Code](https://github.com/MIT-LCP/mimic-code))\n- [eICU](https://eicu-crd.mit.edu/) - Multi-centre.\n"
B = (
    "# B\n\n## EHR\n\n| Name | Data Types |\n| --- | --- |\n| [MIMIC III](http://www.mimic.mit.edu) | P, L, T |\n"
    "| [HiRID](https://hirid.intensivecare.ai/) | P, L |\n| [eICU](https://physionet.org/content/eicu-crd/2.0/) | P |\n"
)
SEEDS = {p.name[:3]: p for p in CORPUS if p.suffix == ".txt"}
C = "# C\n\n- [Mimic-III](https://physionet.org/content/mimiciii/1.4/) - The data on PhysioNet.\n"


def docs():  # type: ignore[no-untyped-def]
    return [parse_text(A, "a.md"), parse_text(B, "b.md"), parse_text(C, "c.md")]


def test_merge_by_url_and_by_name_keeps_links_attributes_and_sources():
    doc, report = merge_documents(docs())
    entries = {e.name: e for _, e in doc.iter_entries()}
    mimic = entries["MIMIC-III"]
    assert [s["path"] for s in mimic.sources] == ["a.md", "b.md", "c.md"]  # one dataset: merged
    assert mimic.attributes["data_types"] == ["P", "L", "T"]
    assert mimic.attributes["other_names"] == ["MIMIC III", "Mimic-III"]
    assert any(lk.label == "Code" for lk in mimic.links)
    merged = {name: (where, why) for name, where, why in report.merged}
    assert merged["MIMIC-III"][0] == ["a.md:5", "b.md:7", "c.md:3"]
    assert "same url mimic.mit.edu" in merged["MIMIC-III"][1] and "different sites" in merged["MIMIC-III"][1]


def test_same_name_on_two_pages_of_one_site_is_kept_apart_and_reported():
    one = parse_text("# A\n\n- [Sepsis](https://physionet.org/content/sepsis-a/) - One.\n", "a.md")
    two = parse_text("# B\n\n- [Sepsis](https://physionet.org/content/sepsis-b/) - Two.\n", "b.md")
    doc, report = merge_documents([one, two])
    assert [e.name for _, e in doc.iter_entries()] == ["Sepsis", "Sepsis"]
    assert any("'Sepsis'" in u and "kept apart" in u for u in report.undecided)


def test_same_url_different_names_is_kept_apart_and_reported():
    text = "# A\n\n- [n2c2 NLP Research Data Sets](https://i2b2.org/NLP/) - Shared tasks.\n- [n2c2 Spin-off / Community Data](https://i2b2.org/NLP/) - Community annotations.\n"
    doc, report = merge_documents([parse_text(text, "a.md")])
    assert len(doc.iter_entries()) == 2
    assert any("share this url under different names" in u for u in report.undecided)


def test_children_stay_children_and_travel_with_their_parent():
    a = "# A\n\n- [NTCIR](http://research.nii.ac.jp/ntcir/) - Evaluation campaigns.\n  - [NTCIR12 MedNLPDoc](http://research.nii.ac.jp/ntcir/) - A task.\n"
    b = "# B\n\n- [NTCIR](https://research.nii.ac.jp/ntcir/) - Shared tasks.\n  - [NTCIR11 MedNLP](https://sites.google.com/site/mednlp2/) - Another task.\n"
    doc, _ = merge_documents([parse_text(a, "a.md"), parse_text(b, "b.md")])
    top = [e for _, block in doc.iter_blocks() for e in getattr(block, "entries", [])]
    assert [e.name for e in top] == ["NTCIR"]
    assert [c.name for c in top[0].children] == ["NTCIR12 MedNLPDoc", "NTCIR11 MedNLP"]


def test_an_entry_listed_twice_with_the_same_data_link_is_one():
    text = "# A\n\n- **Sleep Heart Health Study (SHHS)**\n  - Data:\n    - [BioLINCC](https://biolincc.nhlbi.nih.gov/studies/shhs/)\n- SHHS (5.8k) 1995-1998\n  - Data:\n    - [BioLINCC](https://biolincc.nhlbi.nih.gov/studies/shhs/)\n"
    doc, report = merge_documents([parse_text(text, "a.md")])
    assert len(doc.iter_entries()) == 1 and report.merged[0][2].startswith("shared link")


def test_nothing_is_dropped():
    doc, report = merge_documents(docs())
    assert report.total_in == 6
    assert sum(len(e.sources) for _, e in doc.iter_entries()) == report.total_in
    assert report.total_out == len(doc.iter_entries())


def test_merge_command(tmp_path):
    for name, text in (("a.md", A), ("b.md", B), ("c.md", C)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    r = run("merge", "a.md", "b.md", "c.md", "-o", "merged.yaml", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "merged 'MIMIC-III': a.md:5, b.md:7, c.md:3 (same url" in r.stderr
    assert "6 entries from 3 files -> 3 entries" in r.stderr
    data = load_yaml((tmp_path / "merged.yaml").read_text(encoding="utf-8"), "merged.yaml")
    assert data["awesomelint"] == 1
    r = run("render", "merged.yaml", cwd=tmp_path)  # the catalog renders as a list
    assert r.returncode == 0 and "[MIMIC-III](https://mimic.mit.edu/)" in r.stdout


# -- every value of every input reaches the merged YAML and its Markdown ------------------------
def _values(doc) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    """(every name, description and attribute value; every url and link url) of a document."""
    out: set[str] = set()
    urls: set[str] = set()
    for _, e in doc.iter_entries():
        out |= {v for v in (e.name, e.description.strip()) if v}
        urls |= {lk.url for lk in e.links} | ({e.url} if e.url else set())
        for v in e.attributes.values():
            out |= {str(x) for x in v} if isinstance(v, list) else ({str(v)} if v not in ("", None) else set())
    return out, urls


def _urls_in(text: str) -> set[str]:
    """Every url written in a text, normalised (`http://www.x.org` and `https://x.org/` are one)."""
    return {normalize_url(u) for u in re.findall(r"https?://[^\s)\]>'\"]+", text)}


def _check_every_value_kept(inputs: list[tuple[str, str]], tmp_path) -> None:  # type: ignore[no-untyped-def]
    for name, text in inputs:
        (tmp_path / name).write_text(text, encoding="utf-8")
    r = run("merge", *[n for n, _ in inputs], "-o", "merged.yaml", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    yaml_text = (tmp_path / "merged.yaml").read_text(encoding="utf-8")
    r = run("render", "merged.yaml", "-o", "merged.md", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    md = (tmp_path / "merged.md").read_text(encoding="utf-8")
    flat_yaml = " ".join(yaml_text.replace("\n", " ").split())
    flat_md = " ".join(md.replace("\n", " ").split())
    yaml_urls, md_urls = _urls_in(yaml_text), _urls_in(md)
    for name, text in inputs:
        values, urls = _values(parse_text(text, name))
        for value in sorted(values):
            flat = " ".join(value.split())
            for paragraph in value.split("\n\n"):  # a description's paragraphs may stand apart
                shown = " ".join(paragraph.split())
                assert shown in flat_md, f"{name}: {shown[:80]!r} is not in the rendered Markdown"
            assert flat in flat_yaml or value in yaml_text or repr(value)[1:-1] in yaml_text, f"{name}: {value[:80]!r} not in the YAML"
        for url in sorted(urls):
            if url.startswith("#") or not url:  # a placeholder has no url to keep (its text is a value)
                continue
            assert normalize_url(url) in md_urls, f"{name}: {url} is not in the rendered Markdown"
            assert normalize_url(url) in yaml_urls, f"{name}: {url} is not in the YAML"


def test_every_value_of_every_input_is_kept(tmp_path):
    _check_every_value_kept([("a.md", A), ("b.md", B), ("c.md", C)], tmp_path)


@pytest.mark.skipif(len(SEEDS) < 4, reason="../shared/seeds is not present on this machine")
def test_every_value_of_the_four_seeds_is_kept(tmp_path):
    inputs = [(p.name[:3] + ".md", p.read_text(encoding="utf-8")) for p in sorted(SEEDS.values())]
    _check_every_value_kept(inputs, tmp_path)


@pytest.mark.skipif(len(SEEDS) < 4, reason="../shared/seeds is not present on this machine")
def test_the_four_seeds_merge_as_one_catalog_would(tmp_path):
    docs_ = [parse_text(p.read_text(encoding="utf-8"), p.name[:3] + ".md") for p in sorted(SEEDS.values())]
    doc, report = merge_documents(docs_)
    names = [e.name for _, block in doc.iter_blocks() for e in getattr(block, "entries", [])]
    assert names.count("MIMIC-III") == 1  # homepage, paper and data page: one dataset
    assert sum("SHHS" in (n or "") for n in names) == 1  # listed twice with one data link
    assert any("n2c2 Spin-off" in (n or "") for n in names)  # same url, another resource
    mimic4 = next(e for _, e in doc.iter_entries() if e.name == "MIMIC-IV")
    assert mimic4.description and mimic4.attributes.get("other_descriptions")  # both descriptions
    assert not any(name == "NTCIR12::MedNLPDoc" for name, _, _ in report.merged)


# -- the first file is the base: adding to a curated catalog keeps the catalog -------------------
BASE = """# Open Data

Some words about this catalog, and a key: P patients, I images.

## Imaging

Images only.

- [CheXpert](https://stanfordmlgroup.github.io/competitions/chexpert/) - Chest radiographs.
  - Data types: I
  - Access: Registration

## Signals

- [PTB-XL](https://physionet.org/content/ptb-xl/1.0.3/) - Electrocardiograms.
  - Data types: O
  - Paper: [nature.com/articles/s41597-020-0495-6](https://www.nature.com/articles/s41597-020-0495-6)
"""
MORE = """# More

## imaging

- [CheXpert](https://stanfordmlgroup.github.io/competitions/chexpert/)
  - paper: [arxiv.org/abs/1901.07031](https://arxiv.org/abs/1901.07031)
- [MURA](https://stanfordmlgroup.github.io/competitions/mura/) - Bone radiographs.
  - Data types: I
  - Data: [stanfordmlgroup.github.io/competitions/mura](https://stanfordmlgroup.github.io/competitions/mura/)

## Skin

- [HAM10000](https://doi.org/10.7910/DVN/DBW86T) - Dermoscopy images.
  - Data types: I
"""


def test_the_first_file_is_the_base_its_intro_prose_sections_and_style_are_kept(tmp_path):
    (tmp_path / "base.md").write_text(BASE, encoding="utf-8")
    (tmp_path / "more.md").write_text(MORE, encoding="utf-8")
    r = run("merge", "base.md", "more.md", "-o", "merged.yaml", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("render", "merged.yaml", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    md = r.stdout
    assert md.startswith("# Open Data\n\nSome words about this catalog")  # title and intro of the base
    assert "## Imaging\n\nImages only.\n\n- [CheXpert]" in md  # the section's prose stays before its list
    assert md.index("## Imaging") < md.index("## Signals") < md.index("## Skin")  # base order, new ones after
    assert "- [MURA](https://stanfordmlgroup.github.io/competitions/mura/) - Bone radiographs.\n  - Data types: I\n" in md
    # a new section's list has the base's shape (fields), not bullets with a link group
    assert "- [HAM10000](" in md and "Dermoscopy images.\n  - Data types: I\n" in md
    # one label per meaning: `paper:` from the other file joins the base's `Paper:`
    assert "  - Paper: [arxiv.org/abs/1901.07031](https://arxiv.org/abs/1901.07031)" in md
    # a labelled link whose url is also the entry's url keeps its label
    assert "  - Data: [stanfordmlgroup.github.io/competitions/mura](https://stanfordmlgroup.github.io/competitions/mura/)" in md


def test_merge_reports_the_files_as_given_and_a_title_overrides_the_base(tmp_path):
    (tmp_path / "base.md").write_text(BASE, encoding="utf-8")
    (tmp_path / "more.md").write_text(MORE, encoding="utf-8")
    r = run("merge", "base.md", "more.md", "-o", "catalog.yaml", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("merge", "catalog.yaml", "more.md", "-o", "again.yaml", "--title", "Again", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "merged 'CheXpert': catalog.yaml, more.md:5 (" in r.stderr  # the file given, no ':0'
    data = load_yaml((tmp_path / "again.yaml").read_text(encoding="utf-8"), "again.yaml")
    assert data["title"] == "Again"
