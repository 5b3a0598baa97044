"""fmt's page check is exact: the GFM spec's examples, and the white-space corners it used to fold.

The oracle here is cmark-gfm called directly (GitHub's renderer), byte for byte: the only
differences allowed between the HTML of the input and of the output are an entry separator
becoming ` - ` after a link, and the blanks indenting a line of raw HTML that starts with a tag. Every input must either format to that same HTML, idempotently, or
be refused cleanly (exit 2, one line, nothing written). The spec examples are read from
`../shared/spec/` (never copied into the project); without it those tests skip and say so.
"""

from __future__ import annotations

import re

import cmarkgfm
import pytest
from click.testing import CliRunner
from cmarkgfm.cmark import Options
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint.cli import main
from conftest import SHARED

SPEC_FILES = [SHARED / "spec" / "cmark-gfm-spec.txt", SHARED / "spec" / "cmark-gfm-extensions.txt"]
_FENCE = "`" * 32


def spec_examples() -> list[tuple[str, str]]:
    """(id, markdown) for every example of the GFM spec files that are present."""
    found: list[tuple[str, str]] = []
    for path in SPEC_FILES:
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        i, n = 0, 0
        while i < len(lines):
            if lines[i].startswith(_FENCE + " example"):
                j = i + 1
                body: list[str] = []
                while lines[j] != ".":
                    body.append(lines[j])
                    j += 1
                while lines[j] != _FENCE:
                    j += 1
                n += 1
                md = "\n".join(body).replace("→", "\t")
                found.append((f"{path.stem}-{n}", md + "\n" if body else ""))
                i = j
            i += 1
    return found


EXAMPLES = spec_examples()
needs_spec = pytest.mark.skipif(not EXAMPLES, reason="../shared/spec (the GFM spec examples) is not present on this machine")


def gfm_html(markdown: str) -> str:
    """GitHub's HTML for a text: cmark-gfm with its extensions and raw HTML kept."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


_SEP = re.compile(r"</a>[ \t]*(?:—|–|:|--?)[ \t]+")


# the one layout fmt may change inside raw HTML: the blanks that indent a line starting with a tag
# (`    <p>` under `- [Name](url)` becomes `  <p>`); a browser shows no difference
_TAG_INDENT = re.compile(r"(?m)^[ \t]+(?=</?[A-Za-z])")


def shown(markdown: str) -> str:
    return _TAG_INDENT.sub("", _SEP.sub("</a> - ", gfm_html(markdown)))


def fmt_stdin(text: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["fmt", "-"], input=text.encode("utf-8"))
    return r.exit_code, r.stdout, r.stderr


def assert_formats_exactly_or_refuses(text: str) -> None:
    code, out, err = fmt_stdin(text)
    if code == 2:  # a clean refusal: one line, nothing on standard output
        assert out == "" and len(err.strip().split("\n")) == 1 and "Traceback" not in err, err
        return
    assert code == 0, (code, err)
    assert shown(out) == shown(text), f"page changed:\n{text!r}\n->\n{out!r}"
    code2, again, _ = fmt_stdin(out)
    assert code2 == 0 and again == out, f"not idempotent:\n{out!r}\n->\n{again!r}"


# -- the white-space corners of the issue (each passed the old, folding check) -------------------
CORNERS = {
    "code-span-trailing-space": "Some `foo   bar \nbaz` text.\n",
    "setext-nbsp": "\u00a0Title\u00a0\n=====\n\nText.\n",
    "setext-ideographic-space": "\u3000Title\u3000\n-----\n\nText.\n",
    "last-line-ideographic-space": "- [A](https://a.org) - Alpha.\n\u3000\n",
    "last-line-ogham-space": "Text.\n\n\u1680\n",
    "table-cell-nbsp": "| Name | N |\n|---|---|\n| \u00a0[A](https://a.org) | 1\u00a0 |\n",
    "nbsp-only-line-in-list": "- [A](https://a.org) - Alpha.\n\u00a0\n- [B](https://b.org) - Beta.\n",
    "nbsp-indent-nested": "- [A](https://a.org) - Alpha.\n   - [B](https://b.org) - Beta.\n\u00a0\u00a0continued\n",
    # found by the concatenation test: raw HTML indented past the item's content column
    "raw-html-indented-in-item": "- a\n- b\n\n- c\n  <div>\n\n    <div>\n",
    # found by the concatenation test: a fence left open runs to the end, its last blank line is code
    "unclosed-fence-last-blank-line": "```\nFoo\n    bar\n\n",
}


@pytest.mark.parametrize("name", sorted(CORNERS))
def test_unicode_white_space_is_content(name):
    assert_formats_exactly_or_refuses(CORNERS[name])


# -- code at the end of a file: formatted, not refused, and its blank lines kept ---------------
# the blank lines after a fence left open are code (cmark-gfm keeps them, though mistune's token
# ends before them); a code block at the end does not let the end-of-file pass reach the blank
# line above it
CODE_AT_END = {
    "open-fence-trailing-blank": ("```\nFoo\n    bar\n\n", None),
    "open-fence-in-item-blank-lines": ("- a\n\n  ```\n  foo\n\n\n", None),
    "open-fence-in-item-then-paragraph": ("- ```\n  foo\n\n\nbar\n", None),
    "open-fence-only": ("```\n\n\n", None),
    "indented-code-last": ("a\n\n    x\n", None),
    "closed-fence-last": ("a\n\n```\nx\n```\n", None),
    "closed-fence-then-blank-lines": ("a\n\n```\nx\n```\n\n\n", "a\n\n```\nx\n```\n"),
    "longer-fence-closed-by-short-marker-is-open": ("````\nx\n```\n\n\n", None),
}


def assert_formats_to(text: str, expected: str | None) -> None:
    """fmt writes `expected` (None: the text unchanged), and the page is the same."""
    code, out, err = fmt_stdin(text)
    assert code == 0, err
    assert out == (text if expected is None else expected)
    assert shown(out) == shown(text)


@pytest.mark.parametrize("name", sorted(CODE_AT_END))
def test_code_at_the_end_is_formatted_not_refused(name):
    assert_formats_to(*CODE_AT_END[name])


# -- raw HTML whose blank lines are content: a `<pre>`, `<script>`, `<style>` or `<textarea>` block,
# a comment, `<?…?>`, `<!X…>` or CDATA runs past blank lines to its end marker, and left open, to the
# end of its container, taking the blank lines after it (cmark-gfm keeps them; mistune's token ends
# before them, as for a fence left open)
HTML_BLANKS = {
    "open-pre-then-blank-lines": ("<pre>\nfoo\n\n\n", None),
    "open-style-then-blank-line": ('<style\n  type="text/css">\n\nfoo\nFoo\n    bar\n\n', None),  # found by the concatenation test
    "open-comment-then-blank-lines": ("<!--\nfoo\n\n\n", None),
    "open-processing-instruction-then-blank-lines": ("<?php\nfoo\n\n\n", None),
    "open-declaration-then-blank-lines": ("<!X\nfoo\n\n\n", None),
    "open-cdata-then-blank-lines": ("<![CDATA[\nfoo\n\n\n", None),
    "open-pre-in-item-then-item": ("- a\n\n  <pre>\n  foo\n\n\n- b\n", None),
    "pre-with-blank-lines": ("<pre>\nfoo\n\n\nbar\n</pre>\n", None),
    "pre-with-lines-of-blanks": ("<pre>\nfoo\n \n\t\nbar\n</pre>\n", None),
    "comment-with-blank-lines": ("# T\n\n<!--\n\n\n-->\n", None),
    "closed-comment-then-blank-lines": ("# T\n\n<!-- a -->\n\n\n", "# T\n\n<!-- a -->\n"),
    "closed-pre-then-blank-lines": ("<pre>\nfoo\n</pre>\n\n\n", "<pre>\nfoo\n</pre>\n"),
    "div-then-blank-lines": ("<div>\nfoo\n\n\n", "<div>\nfoo\n"),
}


@pytest.mark.parametrize("name", sorted(HTML_BLANKS))
def test_blank_lines_inside_raw_html_are_kept(name):
    assert_formats_to(*HTML_BLANKS[name])


def test_the_page_check_sees_the_end_of_the_page():
    """Blank lines at the end of an open `<pre>` are shown; the check may not set them aside."""
    from awesomelint.htmlcheck import same_page

    assert not same_page("<pre>\nfoo\n\n\n", "<pre>\nfoo\n")
    assert not same_page("<!--\nfoo\n\n", "<!--\nfoo\n")
    assert not same_page("<pre>\nfoo\n  <div>\n", "<pre>\nfoo\n<div>\n")  # a `<pre>` left open holds the rest
    assert same_page("<div>\nfoo\n\n\n", "<div>\nfoo\n")


def test_code_span_trailing_space_is_kept_or_refused():
    """The exact case of the issue: `foo   bar  baz` must not become `foo   bar baz`."""
    text = CORNERS["code-span-trailing-space"]
    code, out, _ = fmt_stdin(text)
    assert code == 2 or "<code>foo   bar  baz</code>" in gfm_html(out)


def test_setext_heading_keeps_its_nbsp():
    code, out, _ = fmt_stdin(CORNERS["setext-nbsp"])
    assert code == 0 and out.startswith("# \u00a0Title\u00a0\n")


def test_ideographic_space_line_is_not_blank():
    code, out, _ = fmt_stdin(CORNERS["last-line-ogham-space"])
    assert code == 0 and "\u1680" in out


# -- the GitHub Flavored Markdown spec ---------------------------------------------------------
@needs_spec
@pytest.mark.parametrize("example", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_spec_example_formats_exactly_or_refuses(example):
    assert_formats_exactly_or_refuses(example[1])


def test_spec_has_all_examples():
    if not EXAMPLES:
        pytest.skip("../shared/spec (the GFM spec examples) is not present on this machine")
    assert len(EXAMPLES) == 701


@needs_spec
@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.sampled_from([e[1] for e in EXAMPLES] or [""]), min_size=2, max_size=4), st.sampled_from(["", "\n"]))
def test_spec_concatenations_format_exactly_or_refuse(parts, joiner):
    assert_formats_exactly_or_refuses(joiner.join(parts))


def test_oracle_is_not_the_code_under_test():
    """The oracle must see a real difference: a dropped NBSP is a changed page."""
    assert shown("a\u00a0\n") != shown("a\n")
