"""`lint --fix` for the table-of-contents rules (AL403–405): the contents made again from the headings."""

from __future__ import annotations

from awesomelint.lint.toc import regenerated_toc
from awesomelint.parse import parse_source
from awesomelint.source import decode
from test_cli import run

BODY = """
## Imaging

### MRI

- [OASIS](https://www.oasis-brains.org/) - Brain scans.

### CT

- [LIDC](https://wiki.cancerimagingarchive.net/) - Lung scans.

## Signals

- [PhysioNet](https://physionet.org/) - Signals.

## Old name

- [gnomAD](https://gnomad.broadinstitute.org/) - Variants.

## Genomics

- [1000 Genomes](https://www.internationalgenome.org/) - Genomes.
"""
BROKEN = "# Data\n\n## Contents\n\n* [Signals](#signals)\n* [Imaging](#imaging)\n    * [MRI](#mri)\n* [Old name](#genetics)\n" + BODY
FIXED = (
    "# Data\n\n## Contents\n\n* [Imaging](#imaging)\n    * [MRI](#mri)\n    * [CT](#ct)\n* [Signals](#signals)\n"
    "* [Old name](#old-name)\n* [Genomics](#genomics)\n" + BODY
)


def test_fix_makes_the_contents_again_in_its_own_style(tmp_path):
    path = tmp_path / "list.md"
    path.write_text(BROKEN, encoding="utf-8")
    r = run("lint", "--no-cache", "--fix", str(path))
    assert r.returncode == 0, r.stdout + r.stderr
    assert path.read_text(encoding="utf-8") == FIXED  # bullet `*`, step of 4, order, new and renamed headings
    assert run("lint", "--no-cache", "--fix", str(path)).returncode == 0 and path.read_text(encoding="utf-8") == FIXED


def test_a_contents_list_that_is_more_than_links_is_left_alone():
    text = BROKEN.replace("* [Signals](#signals)", "* [Signals](#signals) - the waveforms")
    src = decode(text.encode(), "t.md")
    assert regenerated_toc(src, parse_source(src)) is None


def test_a_correct_contents_is_not_rewritten():
    src = decode(FIXED.encode(), "t.md")
    assert regenerated_toc(src, parse_source(src)) is None


def test_sorting_and_the_contents_fix_together(tmp_path):
    text = BROKEN.replace(
        "- [OASIS](https://www.oasis-brains.org/) - Brain scans.",
        "- [OASIS](https://www.oasis-brains.org/) - Brain scans.\n- [ADNI](https://adni.loni.usc.edu/) - Ageing.",
    )
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    r = run("lint", "--no-cache", "--extend-select", "AL605", "--fix", str(path))
    out = path.read_text(encoding="utf-8")
    assert r.returncode == 0, r.stdout + r.stderr
    assert out.index("[ADNI]") < out.index("[OASIS]") and out.startswith(FIXED.split("\n## Imaging")[0])
