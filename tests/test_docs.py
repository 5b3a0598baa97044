"""docs/rules.md is made from the rules' docstrings: it must be what `awesomelint rules --markdown` prints."""

from __future__ import annotations

from pathlib import Path

from awesomelint.lint.docs import rules_markdown

DOCS = Path(__file__).parent.parent / "docs" / "rules.md"


def test_rules_page_is_up_to_date():
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(), "docs/rules.md is stale: run `awesomelint rules --markdown > docs/rules.md`"


def test_rules_page_has_every_rule_with_an_example():
    from awesomelint.lint.engine import all_rules

    page = rules_markdown()
    for code, r in all_rules().items():
        assert f"### {code}\n" in page and f"`{r.name}`" in page
    assert page.count("```markdown") == len(all_rules())


def test_rules_markdown_command_prints_the_page():
    from click.testing import CliRunner

    from awesomelint.cli import main

    result = CliRunner().invoke(main, ["rules", "--markdown"])
    assert result.exit_code == 0 and result.output == rules_markdown()
