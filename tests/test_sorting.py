"""`lint --fix` for AL605: lists sorted by name, every entry moving with what is written under it."""

from __future__ import annotations

import pytest

from awesomelint.lint.sorting import sort_key, sorted_source
from awesomelint.parse import parse_source
from awesomelint.source import decode
from test_cli import run

LIST = """# Sorted

## Imaging

- [OASIS](https://www.oasis-brains.org/) - Brain scans.
  - [OASIS-3](https://www.oasis-brains.org/#oasis3) - Longitudinal.
- [Émile](https://emile.example.org/) - Accented name.
  <!-- keep: reviewed -->
- [ADNI](https://adni.loni.usc.edu/) - Ageing.
- [brats](https://www.synapse.org/brats) - Tumours.

## Numbered

1. [Zeta](https://z.example.org/) - Last.
2. [Alpha](https://a.example.org/) - First.
"""

SORTED = """# Sorted

## Imaging

- [ADNI](https://adni.loni.usc.edu/) - Ageing.
- [brats](https://www.synapse.org/brats) - Tumours.
- [Émile](https://emile.example.org/) - Accented name.
  <!-- keep: reviewed -->
- [OASIS](https://www.oasis-brains.org/) - Brain scans.
  - [OASIS-3](https://www.oasis-brains.org/#oasis3) - Longitudinal.

## Numbered

1. [Alpha](https://a.example.org/) - First.
2. [Zeta](https://z.example.org/) - Last.
"""


def test_sort_key_ignores_case_accents_and_markup():
    assert sort_key("Émile") == sort_key("emile") == sort_key("**EMILE**")
    assert sort_key(None) == ""


def test_fix_sorts_each_list_keeping_children_comments_and_numbers(tmp_path):
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    r = run("lint", "--no-cache", "--extend-select", "AL605", "--fix", str(path))
    assert r.returncode == 0, r.stdout + r.stderr
    assert path.read_text(encoding="utf-8") == SORTED
    assert run("lint", "--no-cache", "--extend-select", "AL605", "--fix", str(path)).returncode == 0
    assert path.read_text(encoding="utf-8") == SORTED  # idempotent


def test_diff_shows_the_sort_and_writes_nothing(tmp_path):
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    r = run("lint", "--no-cache", "--extend-select", "AL605", "--diff", str(path))
    assert "+- [ADNI](https://adni.loni.usc.edu/) - Ageing." in r.stdout
    assert path.read_text(encoding="utf-8") == LIST


def test_a_suppressed_list_is_not_sorted(tmp_path):
    text = LIST.replace("## Imaging\n\n", "## Imaging\n\n<!-- awesomelint-disable AL605 -->\n").replace(
        "\n## Numbered", "<!-- awesomelint-enable AL605 -->\n\n## Numbered"
    )
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    run("lint", "--no-cache", "--extend-select", "AL605", "--fix", str(path))
    out = path.read_text(encoding="utf-8")
    assert out.index("[OASIS]") < out.index("[ADNI]")  # left as written
    assert out.index("[Alpha]") < out.index("[Zeta]")  # the other list is sorted


@pytest.mark.parametrize(
    "text",
    [
        "# T\n\n- [B](https://b.org) - B.\n\n- [A](https://a.org) - A.\n- [C](https://c.org) - C.\n",  # spaced unevenly
        "# T\n\n9. [B](https://b.org) - B.\n10. [A](https://a.org) - A.\n",  # numbers of two widths
    ],
)
def test_lists_whose_layout_would_change_are_left_alone(text):
    src = decode(text.encode(), "t.md")
    assert sorted_source(src, parse_source(src)) is None


def test_a_loose_list_stays_loose():
    text = "# T\n\n- [B](https://b.org) - B.\n\n- [A](https://a.org) - A.\n\n- [C](https://c.org) - C.\n"
    src = decode(text.encode(), "t.md")
    out = sorted_source(src, parse_source(src))
    assert out is not None and out.text == "# T\n\n- [A](https://a.org) - A.\n\n- [B](https://b.org) - B.\n\n- [C](https://c.org) - C."


def test_a_sort_that_would_change_the_records_is_refused(monkeypatch):
    from awesomelint.errors import UnsafeFormatError
    from awesomelint.lint import sorting

    real = sorting._sorted_lines
    monkeypatch.setattr(sorting, "_sorted_lines", lambda lines, block: (real(lines, block) or [])[:-1])  # loses a line
    src = decode(LIST.encode(), "t.md")
    with pytest.raises(UnsafeFormatError, match="would change the records"):
        sorted_source(src, parse_source(src))
