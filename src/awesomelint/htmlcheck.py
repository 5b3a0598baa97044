"""The rendering oracle: GitHub's renderer (cmark-gfm) and a whitespace normalisation for comparing pages.

Used wherever we must prove that a rewrite did not change what readers see (fmt, lint --fix,
and choosing which blocks `convert` can store as records only). The normalisation collapses
whitespace and trims it only next to block-level tags; `<pre>` content is compared verbatim.
"""

from __future__ import annotations

import re

_BLOCK = r"(?:p|li|ul|ol|h[1-6]|table|thead|tbody|tr|td|th|blockquote|pre|div|hr|br|details|summary|dl|dt|dd)"
_TRIM = re.compile(r"\s*(</?" + _BLOCK + r"\b[^<>]*>)\s*")
_WS = re.compile(r"\s+")


def _split_pre(html: str) -> list[str]:
    """[outside, <pre>…</pre>, outside, …]: a scan, linear even for `<pre>` repeated with no end."""
    parts: list[str] = []
    pos = 0
    while True:
        start = html.find("<pre", pos)
        while start >= 0 and not (start + 4 < len(html) and html[start + 4] in " >\t\n/"):
            start = html.find("<pre", start + 4)
        if start < 0:
            break
        end = html.find("</pre>", start)
        if end < 0:
            break
        parts += [html[pos:start], html[start : end + 6]]
        pos = end + 6
    parts.append(html[pos:])
    return parts


def render_html(markdown: str) -> str:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def normalize_html(html: str) -> str:
    parts = _split_pre(html)
    return "".join(p if i % 2 else _TRIM.sub(r"\1", _WS.sub(" ", p)) for i, p in enumerate(parts)).strip()


def same_page(a: str, b: str) -> bool:
    """Do two Markdown texts render to the same page on GitHub?"""
    return a == b or normalize_html(render_html(a)) == normalize_html(render_html(b))


def page_diff(a: str, b: str, name: str = "") -> str:
    """A unified diff of the normalised HTML of two Markdown texts (empty when equal)."""
    import difflib

    ha = normalize_html(render_html(a)).replace("><", ">\n<").split("\n")
    hb = normalize_html(render_html(b)).replace("><", ">\n<").split("\n")
    return "\n".join(difflib.unified_diff(ha, hb, f"{name} (input, HTML)", f"{name} (output, HTML)", lineterm="", n=1))
