"""`awesomelint merge`: one catalog from several lists, never dropping an entry silently."""

from __future__ import annotations

from test_cli import run

from awesomelint.merge import merge_documents
from awesomelint.parse import parse_text
from awesomelint.yamlio import load_yaml

A = "# A\n\n## ICU\n\n- [MIMIC-III](https://mimic.mit.edu/) - ICU records. ([Code](https://github.com/MIT-LCP/mimic-code))\n- [eICU](https://eicu-crd.mit.edu/) - Multi-centre.\n"
B = (
    "# B\n\n## EHR\n\n| Name | Data Types |\n| --- | --- |\n| [MIMIC III](http://www.mimic.mit.edu) | P, L, T |\n"
    "| [HiRID](https://hirid.intensivecare.ai/) | P, L |\n| [eICU](https://physionet.org/content/eicu-crd/2.0/) | P |\n"
)
C = "# C\n\n- [Mimic-III](https://physionet.org/content/mimiciii/1.4/) - The data on PhysioNet.\n"


def docs():  # type: ignore[no-untyped-def]
    return [parse_text(A, "a.md"), parse_text(B, "b.md"), parse_text(C, "c.md")]


def test_merge_by_url_and_by_name_keeps_links_attributes_and_sources():
    doc, report = merge_documents(docs())
    entries = {e.name: e for _, e in doc.iter_entries()}
    mimic = entries["MIMIC-III"]
    assert [s["path"] for s in mimic.sources] == ["a.md", "b.md"]  # same page: merged
    assert mimic.attributes["data_types"] == ["P", "L", "T"]
    assert any(lk.label == "Code" for lk in mimic.links)
    assert ("MIMIC-III", ["a.md:5", "b.md:7"]) in report.merged


def test_same_name_different_url_is_undecided_and_kept():
    doc, report = merge_documents(docs())
    names = [e.name for _, e in doc.iter_entries()]
    assert "Mimic-III" in names and "MIMIC-III" in names
    assert any("Mimic-III" in u and "kept apart" in u for u in report.undecided)
    assert any("'eICU'" in u for u in report.undecided)  # eICU: two different urls


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
    assert "merged 'MIMIC-III': a.md:5, b.md:7" in r.stderr and "undecided" in r.stderr
    assert "6 entries from 3 files -> 5 entries" in r.stderr
    data = load_yaml((tmp_path / "merged.yaml").read_text(encoding="utf-8"), "merged.yaml")
    assert data["awesomelint"] == 1
    r = run("render", "merged.yaml", cwd=tmp_path)  # the catalog renders as a list
    assert r.returncode == 0 and "[MIMIC-III](https://mimic.mit.edu/)" in r.stdout
