"""Messages say what is wrong and what right looks like: where, how many, which column, which anchor."""

from __future__ import annotations

import os
import subprocess
import sys

from awesomelint.lint.run import ConfigCache, lint_sources
from awesomelint.source import decode


def messages(text: str, *codes: str) -> list[tuple[int, int, str, str]]:
    src = decode(text.encode("utf-8"), "m.md")
    cache = ConfigCache()
    diags, _ = lint_sources([src], cache, {"select": list(codes)})
    return [(d.line, d.column, d.code, d.message) for d in diags]


def test_al506_says_whether_a_blank_line_is_extra_or_missing():
    text = "# Title\n\n\n\n## A\n- [a](https://a.org/) - A.\n"
    got = messages(text, "AL506")
    assert got[0][:3] == (3, 1, "AL506") and "3 blank lines in a row" in got[0][3]
    assert got[1][:3] == (6, 1, "AL506") and "no blank line between the heading and the list" in got[1][3]


def test_al506_counts_every_blank_line_at_the_end():
    assert "2 blank lines at the end of the file" in messages("a\n\nb\n\n\n", "AL506")[0][3]
    assert "1 blank line at the end of the file" in messages("a\n\nb\n\n", "AL506")[0][3]
    assert messages("a\n\n```\nx\n```\n", "AL506") == []  # the blank line above a code block is kept


def test_al502_gives_the_column_the_nested_list_belongs_at():
    text = "# T\n\n- [a](https://a.org/) - A.\n   - [b](https://b.org/) - B.\n"
    (line, _, code, message), *_ = messages(text, "AL502")
    assert (line, code) == (4, "AL502")
    assert "starts at column 4" in message and "column 3" in message


def test_al507_names_what_is_wrong_with_the_heading():
    assert "extra space after '##'" in messages("# T\n\n##  Title\n\ntext\n", "AL507")[0][3]
    assert "closing '#'" in messages("# T\n\n## Title ##\n\ntext\n", "AL507")[0][3]
    assert "underlined" in messages("Title\n=====\n\ntext\n", "AL507")[0][3]
    assert "'## Title'" in messages("# T\n\n##  Title\n\ntext\n", "AL507")[0][3]


def test_al403_suggests_the_nearest_anchor():
    text = "# T\n\n## Contents\n\n- [Imaging](#imagin)\n\n## Imaging\n\n- [a](https://a.org/) - A.\n"
    (_, _, _, message), *_ = messages(text, "AL403")
    assert "did you mean #imaging?" in message


def test_al603_points_at_the_line_where_the_description_ends():
    text = "# T\n\n- [a](https://a.org/) - A description that goes on\n  over a second line\n- [b](https://b.org/) - Two.\n"
    (line, column, code, _), *_ = messages(text, "AL603")
    assert (line, code) == (4, "AL603") and column == len("  over a second line") + 1


def _lint(env: dict[str, str], tmp_path) -> str:  # type: ignore[no-untyped-def]
    (tmp_path / "c.md").write_text("# T\n\n- [a](https://a.org/)\n- [a](https://a.org/) - Again.\n", encoding="utf-8")
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")} | env
    r = subprocess.run([sys.executable, "-m", "awesomelint", "lint", "--no-cache", "c.md"], capture_output=True, text=True, cwd=tmp_path, env=full)
    assert r.returncode == 1, r.stderr
    return r.stdout


def test_colour_on_request_and_never_with_no_color(tmp_path):
    assert "\x1b[" not in _lint({}, tmp_path)  # not a terminal: plain
    coloured = _lint({"FORCE_COLOR": "1"}, tmp_path)
    assert "\x1b[1m" in coloured and "\x1b[31m" in coloured  # path in bold, the code in red
    assert "\x1b[" not in _lint({"FORCE_COLOR": "1", "NO_COLOR": "1"}, tmp_path)
