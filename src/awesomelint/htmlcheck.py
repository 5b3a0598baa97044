"""The rendering oracle: GitHub's renderer (cmark-gfm), and the one comparison of pages we trust.

Used wherever we must prove that a rewrite did not change what readers see (fmt, lint --fix,
and choosing which blocks `convert` can store as records only). Pages are compared exactly:
the only thing set aside is HTML's inter-element white space next to a block-level tag: the
newline cmark-gfm writes between `</li>` and `<li>` or after `<ul>`, and the spaces and tabs
that indent a raw HTML block (`  <p>`), which browsers never show. Every other character counts,
Unicode white space included (an NBSP, or a trailing space in a code span, is content); `<pre>`
blocks are compared byte for byte.
"""

from __future__ import annotations

import re

_BLOCK = r"(?:p|li|ul|ol|h[1-6]|table|thead|tbody|tr|td|th|blockquote|pre|div|hr|br|details|summary|dl|dt|dd)"
# spaces, tabs and one newline on each side of a block tag: layout, not content (HTML's
# inter-element white space is ASCII only; NBSP and other Unicode spaces stay significant)
_BLOCK_TAG = re.compile(r"</?" + _BLOCK + r"\b[^<>\n]*>")


def _drop_layout(html: str) -> str:
    """`html` without the spaces, tabs and one newline on each side of every block tag.

    A scan between tag matches, not one regex with `[ \t]*` on both sides, which would retry a
    long run of spaces at each of its positions (quadratic).
    """
    out: list[str] = []
    pos, after_tag = 0, False
    for m in _BLOCK_TAG.finditer(html):
        out.append(_trim(html[pos : m.start()], after_tag, True))
        out.append(m.group())
        pos, after_tag = m.end(), True
    out.append(_trim(html[pos:], after_tag, False))
    return "".join(out)


def _trim(text: str, left: bool, right: bool) -> str:
    if left:
        text = text.lstrip(" \t")
        text = text[1:] if text.startswith("\n") else text
    if right:
        text = text.rstrip(" \t")
        text = text[:-1] if text.endswith("\n") else text
        text = text.rstrip(" \t")
    return text


def _split_pre(html: str) -> list[str]:
    """[outside, <pre>…</pre>, outside, …]: a scan, linear even for `<pre>` repeated with no end
    (a `<pre>` left open runs to the end of the page)."""
    parts: list[str] = []
    pos = 0
    while True:
        start = html.find("<pre", pos)
        while start >= 0 and not (start + 4 < len(html) and html[start + 4] in " >\t\n/"):
            start = html.find("<pre", start + 4)
        if start < 0:
            break
        end = html.find("</pre>", start)
        if end < 0:  # left open: the rest of the page is inside it
            parts += [html[pos:start], html[start:]]
            return [*parts, ""]
        parts += [html[pos:start], html[start : end + 6]]
        pos = end + 6
    parts.append(html[pos:])
    return parts


def render_html(markdown: str) -> str:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def normalize_html(html: str) -> str:
    """The HTML with cmark-gfm's newlines next to block tags removed; everything else exact, to
    the page's last character (blank lines ending an open `<pre>` or comment are content)."""
    parts = _split_pre(html)
    return "".join(p if i % 2 else _drop_layout(p) for i, p in enumerate(parts))


def same_page(a: str, b: str) -> bool:
    """Do two Markdown texts render to the same page on GitHub?"""
    return a == b or normalize_html(render_html(a)) == normalize_html(render_html(b))


def page_diff(a: str, b: str, name: str = "") -> str:
    """A unified diff of the normalised HTML of two Markdown texts (empty when equal)."""
    import difflib

    ha = normalize_html(render_html(a)).replace("><", ">\n<").split("\n")
    hb = normalize_html(render_html(b)).replace("><", ">\n<").split("\n")
    return "\n".join(difflib.unified_diff(ha, hb, f"{name} (input, HTML)", f"{name} (output, HTML)", lineterm="", n=1))
