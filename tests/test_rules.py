"""Every rule: a bad example triggers it at the right line, a good one does not."""

from __future__ import annotations

import pytest

from awesomelint.config import Config, config_from_table
from awesomelint.lint.engine import all_rules
from awesomelint.lint.run import ConfigCache, lint_sources
from awesomelint.source import decode

SCHEMA = {"required-links": ["Data"], "required-attributes": ["data_types"], "allowed-values": {"data_types": ["P", "L", "T", "I", "O"]}}

# code: (bad Markdown, the line it must be reported at, good Markdown)
CASES: dict[str, tuple[str, int, str]] = {
    "AL001": (
        "# T\n\n<!-- awesomelint-disable-next-line AL201 -->\n- [A](https://a.org) - A.\n",
        3,
        "# T\n\n- [A](https://a.org) - A.\n<!-- awesomelint-disable-next-line AL201 -->\n- [B](https://a.org) - B.\n",
    ),
    "AL101": ("# T\n\n- [A](https://a.org) - A.\n- Bee - no link.\n", 4, "# T\n\n- [A](https://a.org) - A.\n- [Bee](https://b.org) - B.\n"),
    "AL102": ("# T\n\n- [A](https://a.org) - A.\n- [](https://b.org) - B.\n", 4, "# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n"),
    "AL103": (
        "# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n- [C](https://c.org) - C.\n- [D](https://d.org) - D.\n- [E](https://e.org)\n",
        7,
        "# T\n\n- [A](https://a.org)\n- [B](https://b.org)\n- [C](https://c.org) - C.\n",
    ),
    "AL104": ("# T\n\n- [A](https://a.org) - A.\n- [B] (https://b.org) - B.\n", 4, "# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n"),
    "AL105": ("# T\n\n- [A](https://a.org) - A.\n- B https://b.org - B.\n", 4, "# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n"),
    "AL106": ("# T\n\n- [A](https://a.org) - A.\n- [B](www.b.org) - B.\n", 4, "# T\n\n- [A](https://a.org) - A.\n- [B](https://www.b.org) - B.\n"),
    "AL107": (
        "# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n- [C](https://c.org) - C.\n- [D](https://d.org) D.\n",
        6,
        "# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n- [C](https://c.org) - C.\n- [D](https://d.org) - D.\n",
    ),
    "AL108": (
        "# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n- [C](https://c.org) - C.\n- [D](https://d.org) - D.\n- [E](data/e) - E.\n",
        7,
        "# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n- [C](https://c.org) - C.\n- [D](https://d.org) - D.\n- [E](https://e.org) - E.\n",
    ),
    "AL201": (
        "# T\n\n- [A](https://a.org/) - A.\n- [A2](http://www.A.org) - A again.\n",
        4,
        "# T\n\n- [A](https://a.org/) - A.\n- [B](https://a.org/b) - B.\n\n## Contents\n\n- [A](#t)\n",
    ),
    "AL202": (
        "# T\n\n## S\n\n- [MIMIC-III](https://a.org/one) - A.\n- [mimic iii](https://a.org/two) - B.\n",
        6,
        "# T\n\n## S\n\n- [MIMIC-III](https://a.org) - A.\n\n## U\n\n- [MIMIC-III](https://b.org) - B.\n",
    ),
    "AL301": (
        "# T\n\n| Name | Count |\n| --- | --- |\n| [A](https://a.org) | 1 |\n| [B](https://b.org) |\n",
        6,
        "# T\n\n| Name | Count |\n| --- | --- |\n| [A](https://a.org) | 1 |\n| [B](https://b.org) | 2 |\n",
    ),
    "AL302": (
        "# T\n\n| Name | Count |\n| --- | --- |\n| [A](https://a.org) | 1 |\n| [B](https://b.org) | 2 |\n| [C](https://c.org) | 3 |\n| [D](https://d.org) |  |\n",
        8,
        "# T\n\n| Name | Note |\n| --- | --- |\n| [A](https://a.org) |  |\n| [B](https://b.org) | x |\n",
    ),
    "AL401": ("# T\n\n## Empty\n\n## Full\n\n- [A](https://a.org) - A.\n", 3, "# T\n\n## Full\n\n- [A](https://a.org) - A.\n"),
    "AL402": ("# T\n\n## A\n\n#### B\n\n- [A](https://a.org) - A.\n", 5, "# T\n\n## A\n\n### B\n\n- [A](https://a.org) - A.\n"),
    "AL403": (
        "# T\n\n- [A](#a)\n- [B](#bee)\n\n## A\n\n- [X](https://x.org) - X.\n\n## B\n\n- [Y](https://y.org) - Y.\n",
        4,
        "# T\n\n- [A](#a)\n- [B](#b)\n\n## A\n\n- [X](https://x.org) - X.\n\n## B\n\n- [Y](https://y.org) - Y.\n",
    ),
    "AL404": (
        "# T\n\n- [A](#a)\n\n## A\n\n- [X](https://x.org) - X.\n\n## B\n\n- [Y](https://y.org) - Y.\n",
        9,
        "# T\n\n- [A](#a)\n- [B](#b)\n\n## A\n\n- [X](https://x.org) - X.\n\n## B\n\n- [Y](https://y.org) - Y.\n",
    ),
    "AL405": (
        "# T\n\n- [B](#b)\n- [A](#a)\n\n## A\n\n- [X](https://x.org) - X.\n\n## B\n\n- [Y](https://y.org) - Y.\n",
        4,
        "# T\n\n- [A](#a)\n- [B](#b)\n\n## A\n\n- [X](https://x.org) - X.\n\n## B\n\n- [Y](https://y.org) - Y.\n",
    ),
    "AL501": ("# T\n\n* [A](https://a.org) - A.\n", 3, "# T\n\n- [A](https://a.org) - A.\n"),
    "AL502": ("# T\n\n- [A](https://a.org) - A.\n    - [B](https://b.org) - B.\n", 4, "# T\n\n- [A](https://a.org) - A.\n  - [B](https://b.org) - B.\n"),
    "AL503": ("# T\n\n- [A](https://a.org) - A.\n\t- [B](https://b.org) - B.\n", 4, "# T\n\n- [A](https://a.org) - A.\n  - [B](https://b.org) - B.\n"),
    "AL504": ("# T\n\n- [A](https://a.org) - A. \n", 3, "# T\n\nHard  \nbreak.\n\n- [A](https://a.org) - A.\n"),
    "AL505": ("# T\n\n- [A](https://a.org) — A.\n", 3, "# T\n\n- [A](https://a.org) - A.\n"),
    "AL506": ("# T\n\n\n- [A](https://a.org) - A.\n", 3, "# T\n\n- [A](https://a.org) - A.\n"),
    "AL507": ("T\n=\n\n- [A](https://a.org) - A.\n", 1, "# T\n\n- [A](https://a.org) - A.\n"),
    "AL508": ("# T\n\n- [A](https://a.org) - A.", 3, "# T\n\n- [A](https://a.org) - A.\n"),
    "AL509": (
        "# T\n\n| Name | N |\n| --- | --- |\n| [A](https://a.org) | 1 |\n",
        3,
        "# T\n\n| Name               | N   |\n| ------------------ | --- |\n| [A](https://a.org) | 1   |\n",
    ),
    "AL601": (
        "# Awesome T\n\n- [A](https://a.org) - A.\n",
        1,
        "# Awesome T [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n- [A](https://a.org) - A.\n",
    ),
    "AL602": ("# T\n\n- [A](https://a.org) - lower.\n", 3, "# T\n\n- [A](https://a.org) - Upper.\n"),
    "AL603": ("# T\n\n- [A](https://a.org) - No stop\n", 3, "# T\n\n- [A](https://a.org) - Stop. `MIT`\n"),
    "AL604": ("# T\n\n- [Alpha](https://a.org) - Alpha is a thing.\n", 3, "# T\n\n- [Alpha](https://a.org) - A thing.\n"),
    "AL605": ("# T\n\n- [B](https://b.org) - B.\n- [A](https://a.org) - A.\n", 4, "# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n"),
    "AL606": ("# T\n\n- [A](http://a.org) - A.\n", 3, "# T\n\n- [A](https://a.org) - A.\n"),
    "AL607": ("# Awesome clinical data\n\n- [A](https://a.org) - A.\n", 1, "# Awesome Clinical Data\n\n- [A](https://a.org) - A.\n"),
    "AL608": (
        "# Awesome Data\n\n- [A](https://a.org) - A.\n\n## License\n\nCC0.\n",
        5,
        "# Awesome Data\n\n- [A](https://a.org) - A.\n\n## Contributing\n\nPull requests welcome.\n",
    ),
    "AL609": (
        "# Awesome Data [![Build Status](https://travis-ci.org/x/y.svg)](https://travis-ci.org/x/y)\n\n- [A](https://a.org) - A.\n",
        1,
        "# Awesome Data [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n- [A](https://a.org) - A.\n",
    ),
    "AL701": (
        "# T\n\n- **A** (1k)\n  - Desc.\n  - Intro:\n    - [a](https://a.org)\n",
        3,
        "# T\n\n- **A** (1k)\n  - Desc.\n  - Data:\n    - [a](https://a.org)\n",
    ),
    "AL702": (
        "# T\n\n| Name | Data Types |\n| --- | --- |\n| [A](https://a.org) |  |\n",
        5,
        "# T\n\n| Name | Data Types |\n| --- | --- |\n| [A](https://a.org) | P, L |\n",
    ),
    "AL703": (
        "# T\n\n| Name | Data Types |\n| --- | --- |\n| [A](https://a.org) | P, X |\n",
        5,
        "# T\n\n| Name | Data Types |\n| --- | --- |\n| [A](https://a.org) | P, L |\n",
    ),
}


def run_rule(code: str, text: str) -> list:  # type: ignore[type-arg]
    cfg = config_from_table({"select": [code], "schema": SCHEMA if code.startswith("AL7") else {}}, None)
    if code == "AL001":
        cfg = config_from_table({"select": ["AL001", "AL201"]}, None)
    diags, _ = lint_sources([decode(text.encode(), "t.md")], ConfigCache(cfg))
    return [d for d in diags if d.code == code]


def test_every_rule_has_a_case_and_a_three_part_docstring():
    rules = all_rules()
    assert set(CASES) == {c for c, r in rules.items() if r.family != "links"}  # AL8xx: test_links.py
    for code, r in rules.items():
        doc = r.doc
        assert "Why:" in doc and "Example:" in doc, code
        assert r.name == r.name.lower() and " " not in r.name, code


@pytest.mark.parametrize("code", sorted(CASES))
def test_bad_example_triggers_at_the_right_line(code):
    bad, line, _ = CASES[code]
    found = run_rule(code, bad)
    assert found, f"{code} did not trigger"
    assert found[0].line == line, [(d.line, d.message) for d in found]


@pytest.mark.parametrize("code", sorted(CASES))
def test_good_example_is_clean(code):
    _, _, good = CASES[code]
    assert run_rule(code, good) == []


def test_duplicates_across_files_report_both_places():
    a = decode(b"# A\n\n- [MIMIC](https://mimic.mit.edu/) - x.\n", "a.md")
    b = decode(b"# B\n\n- [MIMIC-III](http://www.mimic.mit.edu) - y.\n", "b.md")
    diags, _ = lint_sources([a, b], ConfigCache(Config()))
    dup = [d for d in diags if d.code == "AL201"]
    assert len(dup) == 1 and dup[0].path == "b.md" and "a.md:3" in dup[0].message


def test_suppression_comments():
    text = (
        "# T\n\n<!-- awesomelint-disable AL2 -->\n- [A](https://a.org) - A.\n- [A](https://a.org) - A.\n"
        "<!-- awesomelint-enable -->\n- [B](https://b.org) - B.\n- [B](https://b.org) - B.\n"
    )
    diags, _ = lint_sources([decode(text.encode(), "t.md")], ConfigCache(Config(extend_select=["AL202"])))
    assert sorted((d.code, d.line) for d in diags if d.code.startswith("AL2")) == [("AL201", 8), ("AL202", 8)]
    text = "<!-- awesomelint-disable-file AL201 -->\n# T\n\n- [A](https://a.org) - A.\n- [A2](https://a.org) - A.\n"
    diags, _ = lint_sources([decode(text.encode(), "t.md")], ConfigCache(Config()))
    assert not [d for d in diags if d.code in ("AL201", "AL001")]


def test_relative_file_links_are_valid_urls():
    assert run_rule("AL106", "# T\n\n- [Contributing](CONTRIBUTING.md) - How to help.\n- [Docs](docs/list.md) - More.\n") == []


DUPES = "- [A](https://a.org) - A.\n- [A](https://a.org) - A.\n"


@pytest.mark.parametrize(
    "before",
    [
        "`<!-- awesomelint-disable -->`\n\n",  # inline code
        "    <!-- awesomelint-disable -->\n\n",  # an indented code block
        "\\<!-- awesomelint-disable -->\n\n",  # after a backslash
        "~~~\n```\n<!-- awesomelint-disable -->\n~~~\n\n",  # a ~~~ fence holding a ``` line
        "> ```\n> <!-- awesomelint-disable -->\n> ```\n\n",  # a fence inside a block quote
        "```html\n<!-- awesomelint-disable-file -->\n```\n\n",
        "Text `x <!-- awesomelint-disable -->` more.\n\n",
    ],
    ids=["code-span", "indented-code", "backslash", "tilde-fence", "quoted-fence", "html-fence", "code-span-mid"],
)
def test_suppression_shown_as_text_suppresses_nothing(before):
    text = "# T\n\n" + before + DUPES
    diags, _ = lint_sources([decode(text.encode(), "t.md")], ConfigCache(Config()))
    assert [d.code for d in diags if d.code == "AL201"] == ["AL201"]


@pytest.mark.parametrize(
    "before",
    [
        "<!-- awesomelint-disable -->\n\n",
        "Some text <!-- awesomelint-disable --> here.\n\n",
        "> <!-- awesomelint-disable -->\n\n",
        "<details>\n<!-- awesomelint-disable -->\n</details>\n\n",
    ],
    ids=["block", "inline", "quoted", "in-details"],
)
def test_suppression_in_a_real_comment_counts(before):
    text = "# T\n\n" + before + DUPES
    diags, _ = lint_sources([decode(text.encode(), "t.md")], ConfigCache(Config()))
    assert [d.code for d in diags if d.code == "AL201"] == []


def test_suppression_comment_lines_inside_list_items():
    text = "# T\n\n- [A](https://a.org) - A.\n  <!-- awesomelint-disable-next-line AL201 -->\n- [A](https://a.org) - A.\n"
    diags, _ = lint_sources([decode(text.encode(), "t.md")], ConfigCache(Config()))
    assert [d.code for d in diags if d.code in ("AL201", "AL001")] == []


def test_planted_link_defects_are_caught_where_they_are():
    """Each line of our planted file breaks a link on GitHub in its own way (lines 5-14, 16-17)."""
    from pathlib import Path

    here = Path(__file__).parent / "lint_inputs"
    src = decode((here / "planted-defects.md").read_bytes(), "planted-defects.md")
    diags, _ = lint_sources([src], ConfigCache(Config()))
    found = {d.line: d.code for d in diags}
    assert found == {
        **{5: "AL106", 6: "AL106", 7: "AL106", 8: "AL104", 9: "AL104", 10: "AL104", 11: "AL104", 13: "AL104", 14: "AL102"},
        **{12: "AL107", 16: "AL107", 17: "AL108"},  # `[x](u)- text`, `[x](u) text`, a relative path
    }
    good = decode((here / "tricky-good-links.md").read_bytes(), "tricky-good-links.md")
    assert lint_sources([good], ConfigCache(Config()))[0] == []  # balanced parens, titles: fine


def test_duplicate_url_spares_a_part_of_a_project_listed_in_another_section():
    text = (
        "# T\n\n## Web\n\n- [django](https://github.com/django/django) - A web framework.\n\n"
        "## Maps\n\n- [geodjango](https://github.com/django/django) - (part of Django) Maps.\n"
        "- [django](https://github.com/django/django) - Listed again under its own name.\n\n"
        "## Web two\n\n- [flask](https://github.com/pallets/flask) - Micro.\n- [Flask app](https://github.com/pallets/flask) - Same section.\n"
    )
    assert [(d.line, d.code) for d in run_rule("AL201", text)] == [(10, "AL201"), (15, "AL201")]  # same name; same section


def test_toc_missing_heading_only_where_the_contents_reach():
    text = (
        "# T\n\n- [Imaging](#imaging)\n- [Signals](#signals)\n\n## Projects\n\n### Imaging\n\n- [A](https://a.org) - A.\n\n"
        "### Signals\n\n- [B](https://b.org) - B.\n\n### Genomics\n\n- [C](https://c.org) - C.\n\n"
        "## Resources\n\n### Podcasts\n\n- [D](https://d.org) - D.\n"
    )
    assert [(d.line, d.message) for d in run_rule("AL404", text)] == [(16, "heading 'Genomics' is not in the table of contents")]


def test_awesome_conventions_as_awesome_lint_reads_them():
    text = (
        "# T\n\n- [A](https://a.org) - iOS apps for clinics.\n- [B](https://b.org) - npm packages.\n"
        "- [C](https://c.org) - lower case start.\n- [sh](https://sh.org) - Shell tools.\n- [`jq`](https://jq.org) - jq filters JSON.\n"
        "- [D](https://d.org) - *Requires a licence.*\n- [E](https://e.org) - Data (restricted)\n"
    )
    assert [d.line for d in run_rule("AL602", text)] == [5]  # iOS, npm: lower case on purpose
    assert [d.line for d in run_rule("AL603", text)] == [9]  # `.*` ends a sentence, `)` does not
    assert [d.line for d in run_rule("AL604", text)] == [7]  # `jq` repeats; sh is not "Shell"
    assert run_rule("AL601", "# Clinical data\n\n- [A](https://a.org) - A.\n") == []  # not calling itself awesome
    assert len(run_rule("AL601", "# Awesome Clinical data\n\n- [A](https://a.org) - A.\n")) == 1


def test_awesome_lint_comments_silence_the_matching_al6_rules():
    from awesomelint.config import Config

    text = (
        "# Awesome T\n\n<!--lint disable awesome-list-item-->\n- [A](https://a.org) - lower start\n<!--lint enable awesome-list-item-->\n"
        "- [B](https://b.org) - lower again\n<!--lint ignore awesome-list-item-->\n- [C](https://c.org) - lower c\n<!--lint disable double-link-->\n"
    )
    diags, _ = lint_sources([decode(text.encode(), "t.md")], ConfigCache(Config(extend_select=["AL6"])))
    assert [(d.line, d.code) for d in diags] == [(1, "AL601"), (6, "AL602"), (6, "AL603")]  # and no AL001 for them


def test_awesome_heading_as_awesome_lint_reads_it():
    assert [d.message for d in run_rule("AL607", "## Awesome Data\n\n- [A](https://a.org) - A.\n")] == [
        "the list's main heading should be a level-1 heading (# Title)"
    ]
    two = run_rule("AL607", "# Awesome Data\n\n- [A](https://a.org) - A.\n\n# More\n\n- [B](https://b.org) - B.\n")
    assert [(d.line, d.message) for d in two] == [(5, "a list has one main heading: this is a second '#' heading")]
    assert run_rule("AL607", "# Awesome iOS Tools for the Web\n\n- [A](https://a.org) - A.\n") == []  # small words, brand casing
    assert run_rule("AL607", "# Awesome Node.js\n\n- [A](https://a.org) - A.\n") == []  # a file name keeps its case
    assert [d.line for d in run_rule("AL607", "Intro text.\n\n- [A](https://a.org) - A.\n")] == [1]  # no heading at all


def test_ci_badges_by_alt_text_title_or_host():
    for badge in (
        "[![Build Status](https://img.shields.io/x.svg)](https://example.org)",
        "[![ci](https://github.com/x/y/actions/workflows/main.yml/badge.svg)](https://github.com/x/y/actions)",
        '![x](https://circleci.com/gh/x/y.svg "circle")',
    ):
        assert [d.code for d in run_rule("AL609", f"# Awesome Data {badge}\n\n- [A](https://a.org) - A.\n")] == ["AL609"], badge


def test_undefined_reference_link_is_malformed_and_not_also_a_missing_url():
    text = "# T\n\n- [A](https://a.org) - A.\n- [D][dref] - Undefined.\n- [E][eref] - Defined.\n- [F][] - Collapsed, defined.\n\n[eref]: https://e.org/\n[f]: https://f.org/\n"
    assert [(d.line, d.message) for d in run_rule("AL104", text)] == [
        (4, "malformed link: [dref] is not defined anywhere, so GitHub shows the brackets as text")
    ]
    assert run_rule("AL101", text) == []


def test_separators_with_non_breaking_or_extra_spaces_are_separators_that_fmt_makes_canonical():
    from awesomelint.parse import parse_text

    text = "# T\n\n- [A](https://a.org/)  -  Two spaces.\n- [B](https://b.org/)\u00a0- Nbsp before.\n- [C](https://c.org/) -\u00a0Nbsp after.\n"
    entries = [e for _, e in parse_text(text).iter_entries()]
    assert [e.description for e in entries] == ["Two spaces.", "Nbsp before.", "Nbsp after."]
    assert [d.line for d in run_rule("AL505", text)] == [3, 4, 5]
    assert "non-breaking space" in run_rule("AL505", text)[1].message


def test_relative_url_is_checked_against_the_repository_when_there_is_one(tmp_path):
    head = "".join(f"- [W{i}](https://w{i}.org/) - Web {i}.\n" for i in range(12))
    text = "# T\n\n" + head + "- [A](docs/a.md) - Here.\n- [B](docs/b.md) - Not here.\n- [Licence](LICENSE) - Ours.\n"
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    (repo / "docs" / "a.md").write_text("a", encoding="utf-8")
    (repo / "LICENSE").write_text("CC0", encoding="utf-8")
    (repo / "README.md").write_text(text, encoding="utf-8")
    from awesomelint.source import read_source

    in_repo, _ = lint_sources([read_source(repo / "README.md")], ConfigCache(config_from_table({"select": ["AL108"]}, None)))
    assert [d.line for d in in_repo] == [16]  # docs/b.md does not exist; docs/a.md and LICENSE do
    copy = [d.line for d in run_rule("AL108", text)]  # away from a repository: only top-level file names pass
    assert copy == [15, 16]


def test_duplicate_url_spares_a_part_named_after_its_project_in_the_same_section():
    text = (
        "# T\n\n## Build\n\n- [hatch](https://github.com/pypa/hatch) - A project manager.\n"
        "- [hatchling](https://github.com/pypa/hatch) - Its build backend.\n"
        "- [flit](https://github.com/pypa/hatch) - Pasted from the line above by mistake.\n"
        "- [hatch](https://github.com/pypa/hatch/) - Listed twice.\n"
    )
    assert [d.line for d in run_rule("AL201", text)] == [7, 8]


def test_a_note_in_emphasis_after_the_link_is_not_a_missing_separator():
    head = "# T\n\n- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n- [C](https://c.org) - C.\n"
    assert run_rule("AL107", head + "- [D](https://d.org) *Requires a licence.*\n") == []
    assert [d.line for d in run_rule("AL107", head + "- [D](https://d.org) Requires a *licence*.\n")] == [6]


def test_duplicate_url_in_a_paper_column_needs_the_same_name():
    text = (
        "# T\n\n| Model | Paper |\n| --- | --- |\n"
        "| U-Net & CLIP | [![arXiv](https://img.shields.io/badge/a.svg)](https://arxiv.org/abs/2301.00785) |\n"
        "| Swin UNETR & CLIP | [![arXiv](https://img.shields.io/badge/a.svg)](https://arxiv.org/abs/2301.00785) |\n"
        "| U-Net & CLIP | [![arXiv](https://img.shields.io/badge/a.svg)](https://arxiv.org/abs/2301.00785) |\n"
    )
    assert [d.line for d in run_rule("AL201", text)] == [7]  # one paper, two models: only the repeat
