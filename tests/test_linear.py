"""No input makes a run take more than linear time.

Each pattern is a way to make some regular expression or scanner of ours (or mistune's) work
per position over the rest of the text. Every command runs it at two sizes, 10× apart; the time
must grow about 10× (a quadratic one grows 100×). A ratio, never a wall-clock threshold.
"""

from __future__ import annotations

import gc
import os
import select
import struct
import time
from collections.abc import Callable

import pytest

from awesomelint import api
from awesomelint.errors import AwesomelintError
from awesomelint.fmt import format_checked
from awesomelint.lint.run import ConfigCache, lint_sources
from awesomelint.source import decode

SMALL = 10_000  # 10k and 100k bytes: a quadratic scan grows ~90× between them (measured), a linear one 10×
RATIO = 30  # linear is ~10; quadratic ~100

E = "# T\n\n- [A](https://a.org) - "


def _rep(unit: str, n: int) -> str:
    return unit * max(1, n // len(unit))


PATTERNS: dict[str, Callable[[int], str]] = {
    # tables
    "table-same-titles": lambda n: "# T\n\n|" + _rep("a|", n // 2) + "\n|" + _rep("-|", n // 2) + "\n",
    "table-many-columns": lambda n: "# T\n\n|" + "".join(f"c{i}|" for i in range(n // 6)) + "\n|" + _rep("-|", n // 6) + "\n",
    "pipes-in-entry": lambda n: E + _rep("|", n) + "\n",
    "pipes-spaced": lambda n: "# T\n\n- " + _rep("| ", n) + "\n",
    "escaped-pipes-in-cell": lambda n: "# T\n\n| a | b |\n| - | - |\n| " + _rep("\\|", n) + " | x |\n",
    "tag-row-of-attributes": lambda n: "# T\n\n| a | b |\n| - | - |\n<a" + _rep(" b='c' d=e", n) + " x\n",
    "tag-rows": lambda n: "# T\n\n| a | b |\n| - | - |\n" + _rep("<a b c=d\n", n),
    "link-cell-then-blanks": lambda n: "# T\n\n| Name | Data |\n| - | - |\n| [A](https://a.org) | [d](https://d.org)" + " " * n + "x |\n",
    # entry heads and descriptions
    "brackets-in-entry": lambda n: E + _rep("[", n) + "\n",
    "blanks-then-x": lambda n: E + "d" + " " * n + "x\n",
    "tabs-then-x": lambda n: E + "d" + "\t" * n + "x\n",
    "tags-not-at-end": lambda n: E + "d" + _rep(" `a`", n) + " x\n",
    "blanks-then-group": lambda n: E + "d" + " " * n + "([x](u)\n",
    "groups-repeated": lambda n: E + "d" + _rep(" ([x](u)", n) + "\n",
    "group-links-repeated": lambda n: E + "d ([x](u)" + _rep(", [x](u)", n) + " x\n",
    "bold-then-blanks": lambda n: "# T\n\n- **A**" + " " * n + "x\n",
    "bold-unclosed": lambda n: "# T\n\n- **" + _rep("a*", n) + "\n",
    "underscore-unclosed": lambda n: "# T\n\n- __" + _rep("a_", n) + "\n",
    "bracket-paren-repeated": lambda n: "# T\n\n- " + _rep("[a](", n) + "\n",
    "close-paren-repeated": lambda n: E + _rep("](", n) + "\n",
    "autolink-unclosed": lambda n: E + _rep("<http://a", n) + "\n",
    "refs-on-one-line": lambda n: E + _rep("[a]", n) + "\n\n[a]: https://a.org\n",
    "bare-url-parens": lambda n: "# T\n\n- A https://x.org/" + _rep("(a", n) + "\n",
    "backticks": lambda n: E + _rep("`", n) + "\n",
    "urls-with-spaces": lambda n: E + _rep("[a](http://x.org/a b ", n) + "\n",
    "inner-parens-in-urls": lambda n: E + _rep("[a](http://x.org/(", n) + "\n",
    "backtick-runs-growing": lambda n: "# T\n\n- [" + "".join("`" * k + "a" for k in range(1, int((2 * n) ** 0.5))) + "\n",
    "backtick-runs-in-link-cells": lambda n: (
        "# T\n\n| Name | D |\n| - | - |\n| [A](https://a.org) | [" + "".join("`" * k + "a" for k in range(1, int((2 * n) ** 0.5))) + "](u) |\n"
    ),
    "group-alone-unclosed": lambda n: E + "(" + _rep("[x](u), ", n) + "\n",
    "escaped-brackets-in-field": lambda n: "# T\n\n- [A](https://a.org) - d\n  - Data: [" + _rep("\\[", n) + "\n",
    "stars": lambda n: E + _rep("*", n) + "\n",
    "lt": lambda n: E + _rep("<", n) + "\n",
    "open-parens": lambda n: "# T\n\n- [A](https://a.org" + _rep("(", n) + "\n",
    "title-quotes": lambda n: "# T\n\n- [A](https://a.org " + _rep('"a', n) + ")\n",
    "separators-repeated": lambda n: "# T\n\n- [A](https://a.org)" + _rep(" - ", n) + "x\n",
    "colons": lambda n: "# T\n\n- A" + _rep(":", n) + "\n",
    "full-width-parens": lambda n: "# T\n\n- **A** " + _rep("（", n) + "\n",
    "nbsp": lambda n: E[:-1] + "\u00a0" * n + "x\n",
    "plain-name-blanks": lambda n: "# T\n\n- A" + " " * n + "(1k)x\n",
    "field-blanks": lambda n: E + "d\n  - A" + " " * n + "b\n",
    "label-long": lambda n: "# T\n\n- A\n  - " + "a" * n + "\n",
    "pipe-separated-blanks": lambda n: "# T\n\n[A](https://a.org)" + " " * n + "x\n\n- d\n",
    # headings and the table of contents
    "heading-brackets": lambda n: "# T\n\n## " + _rep("[", n) + "\n\nx\n",
    "heading-lt": lambda n: "# T\n\n## " + _rep("<", n) + "\n\nx\n",
    "heading-close-paren": lambda n: "# T\n\n## " + _rep("](", n) + "\n\nx\n",
    "heading-images": lambda n: "# T\n\n## " + _rep("![", n) + "\n\nx\n",
    "heading-blanks": lambda n: "# T\n\n## a" + " " * n + "b ##\n\nx\n",
    "title-images": lambda n: "# " + _rep("![a", n) + "\n\nx\n",
    "images-unclosed-in-text": lambda n: "# T\n\nText " + _rep("![a", n) + "\n",
    "image-titles-unclosed": lambda n: "# T\n\nText " + _rep('![a](u "', n) + "\n",
    "reference-uses": lambda n: E + _rep("[a][", n) + "\n",
    "reference-definitions": lambda n: "# T\n\n- [a][b] - x\n\n" + _rep("[b", n) + "\n",
    "heading-badges": lambda n: "# T " + _rep("badge.svg ", n) + "\n\nx\n",
    "toc-brackets": lambda n: "# T\n\n- [Contents](#t)\n- " + _rep("[", n) + "\n\n## A\n\nx\n",
    "toc-nested-brackets": lambda n: "# T\n\n- [A](#a)\n- [" + _rep("[]", n) + "\n\n## A\n\nx\n",
    "many-headings": lambda n: "# T\n\n" + "".join(f"## H{i}\n\nx\n\n" for i in range(n // 10)),
    # HTML and comments
    "pre-unclosed": lambda n: "# T\n\n<pre>\n" + _rep("<pre> ", n) + "\n\n- [A](https://a.org) - x\n",
    "p-unclosed": lambda n: "# T\n\n<p " + _rep("<p ", n) + "\n",
    "suppression-unclosed": lambda n: "# T\n\n" + _rep("<!-- awesomelint-disable ", n) + "\n",
    "comment-in-paragraph": lambda n: "# T\n\nText " + _rep("<!-- a ", n) + "\n",
    "html-p-in-item": lambda n: "# T\n\n- [A](https://a.org)\n  <p>" + _rep("<p>", n) + "</p>\n",
    # structure
    "front-matter": lambda n: "---\n" + _rep("a: b\n", n) + "---\n# T\n",
    "front-dashes": lambda n: "---\n" + "-" * n + "\n",
    "plain-items-then-one-link": lambda n: "# T\n\n" + "".join(f"- Item {i}\n" for i in range(n // 12)) + "- [A](https://a.org) - x\n",
    "many-entries": lambda n: "# T\n\n" + "".join(f"- [E{i}](https://e.org/{i}) - Entry {i}.\n" for i in range(n // 36)),
    # one url listed again and again (AL201): in one section, and each time in a section of its own
    "one-url-repeated": lambda n: "# T\n\n## A\n\n" + "".join(f"- [E{i}](https://e.org/) - x\n" for i in range(n // 30)),
    "one-url-names-holding-one": lambda n: (
        "# T\n\n## A\n\n" + "".join(f"- [xy-{i}](https://e.org/) - x\n" for i in range(n // 60)) + "- [xy](https://e.org/) - x\n" * (n // 60)
    ),
    "one-url-in-many-sections": lambda n: "# T\n\n" + "".join(f"## S{i}\n\n- [E{i}](https://e.org/) - x\n\n" for i in range(n // 40)),
    "deep-quotes": lambda n: "# T\n\n" + ">" * (n // 20) + " x\n",
}


def _lint(text: str) -> None:
    lint_sources([decode(text.encode(), "p.md")], ConfigCache(), {"select": ["ALL"], "extend_select": [], "ignore": []})


def _fmt(text: str) -> None:
    try:
        format_checked(decode(text.encode(), "p.md"))
    except AwesomelintError:
        pass  # a refusal is an answer too


def _render(text: str) -> None:
    """Markdown → records → Markdown, with the parse-back check (and a YAML file's render)."""
    try:
        api.render("p.md", source=decode(text.encode(), "p.md"))
    except AwesomelintError:
        pass


# patterns where every few bytes make a record or a link: measured from 5 KB (50 KB), which is
# already thousands of them, so the suite stays fast; the rest from 20 KB (200 KB)
DENSE = {
    "many-headings",
    "refs-on-one-line",
    "group-links-repeated",
    "groups-repeated",
    "front-matter",
    "bracket-paren-repeated",
    "brackets-in-entry",
    "table-same-titles",
    "many-entries",
}

# render runs convert's read and settle, then renders and parses its output back: one command for both
COMMANDS = {"lint": _lint, "fmt": _fmt, "render": _render}


def _best(run: Callable[[str], None], text: str, repeat: int) -> float:
    """The best of `repeat` runs, with the garbage collector paused (its passes grow with the
    heap, which is not what is measured here)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            run(text)
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def _bounded(run: Callable[[str], None], text: str, repeat: int, limit: float) -> float:
    """`_best`, in a forked child that is killed after `limit` seconds (then: infinity), so that a
    quadratic pattern fails the test at once instead of running for minutes."""
    if not hasattr(os, "fork"):
        return _best(run, text, repeat)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report, leave without running any cleanup of the parent's
        try:
            os.close(read_end)
            os.write(write_end, struct.pack("d", _best(run, text, repeat)))
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], limit)
        data = os.read(read_end, 8) if ready else b""
    finally:
        os.close(read_end)
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
    return struct.unpack("d", data)[0] if len(data) == 8 else float("inf")


@pytest.mark.slow
@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_time_grows_linearly(pattern):
    gen = PATTERNS[pattern]
    base = SMALL // 4 if pattern in DENSE else SMALL
    small, big = gen(base), gen(base * 10)
    for name, run in COMMANDS.items():
        run(small)  # warm up: imports, compiled patterns
        t_small = max(_best(run, small, 3), 0.002)  # below 2 ms the clock's noise decides
        # long runs are steady: once is enough; far past linear, the child is stopped
        t_big = _bounded(run, big, 1 if t_small > 0.02 else 2, max(2.0, t_small * RATIO * 1.5))
        assert t_big != float("inf"), f"{pattern}: {name} took {t_small * 1000:.1f} ms at {len(small):,} bytes and was stopped at {len(big):,}"
        if t_big / t_small < RATIO:
            continue
        # a step in cost between the two sizes can be the CPU's caches or the allocator; past it a
        # linear cost grows 4× with 4× the size (a quadratic one 16×)
        large = gen(base * 40)
        t_large = _bounded(run, large, 1, max(2.0, t_big * 8 * 3))
        assert t_large / t_big < 8, (
            f"{pattern}: {name} took {t_small * 1000:.1f} ms at {len(small):,} bytes, {t_big * 1000:.1f} ms at {len(big):,} "
            f"and {t_large * 1000:.1f} ms at {len(large):,}"
        )
