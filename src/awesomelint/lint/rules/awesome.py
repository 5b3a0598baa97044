"""awesome-lint conventions (AL6xx), off by default: `extend-select = ["AL6"]` turns them on."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.anchors import plain_text
from awesomelint.lint.engine import Diagnostic, FileContext, rule
from awesomelint.lint.rules.entries import column_of, entry_blocks
from awesomelint.model import EntryList

_BADGE = re.compile(r"awesome\.re/badge|\[!\[Awesome\]", re.I)


def _has_badge(head: str) -> bool:
    """An Awesome badge: its url, an `[![Awesome]` image, or a badge.svg with "awesome" after it
    on its line (a scan, not `badge\\.svg.*awesome`, which was quadratic on repeated badge.svg)."""
    if _BADGE.search(head):
        return True
    low = head.lower()
    at = low.find("badge.svg")
    while at >= 0:
        end = low.find("\n", at)
        line_rest = low[at : end if end >= 0 else len(low)]
        if "awesome" in line_rest:
            return True
        at = low.find("badge.svg", end) if end >= 0 else -1
    return False


_END_PUNCT = re.compile(r"[.!?…)\]`\"'”]\s*$")


@rule("AL601", "awesome-badge", default=False)
def awesome_badge(ctx: FileContext) -> Iterator[Diagnostic]:
    """The list has no Awesome badge next to its title.

    Why: lists submitted to sindresorhus/awesome must carry the badge
    (`[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)`).

    Example:
        # Awesome Clinical Data                                                      # bad
        # Awesome Clinical Data [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)   # good
    """
    head = "\n".join(ctx.lines[: max(ctx.doc.title_line + 3, 5)])
    if not _has_badge(head):
        yield ctx.diag(max(ctx.doc.title_line, 1), 1, "AL601", "no Awesome badge near the title")


def _described(ctx: FileContext) -> Iterator:
    for block, e, _ in entry_blocks(ctx):
        if isinstance(block, EntryList) and e.url and e.description.strip() and e.description_format is None:
            yield e


@rule("AL602", "description-capital", default=False, records=True)
def description_capital(ctx: FileContext) -> Iterator[Diagnostic]:
    """A description starts with a lower-case letter.

    Why: the awesome-lint convention: a description is a sentence.

    Example:
        - [eICU](https://eicu-crd.mit.edu/) - multi-centre ICU data.   # bad
        - [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU data.   # good
    """
    for e in _described(ctx):
        d = e.description.strip()
        if d[:1].islower():
            yield ctx.diag(e.line, column_of(ctx.line_text(e.line), d[:15]), "AL602", "description should start with a capital letter")


@rule("AL603", "description-punctuation", default=False, records=True)
def description_punctuation(ctx: FileContext) -> Iterator[Diagnostic]:
    """A description does not end with punctuation.

    Why: the awesome-lint convention. Trailing `` `Tag` `` attributes and `([Demo](…))` link
    groups are not part of the description and do not count.

    Example:
        - [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU data    # bad
        - [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU data.   # good
    """
    for e in _described(ctx):
        if not _END_PUNCT.search(e.description):
            yield ctx.diag(e.line, len(ctx.line_text(e.line).rstrip()) + 1, "AL603", "description should end with punctuation")


@rule("AL604", "description-repeats-name", default=False, records=True)
def description_repeats_name(ctx: FileContext) -> Iterator[Diagnostic]:
    """A description starts with the entry's own name.

    Why: the name is already there; repeating it wastes the reader's first words.

    Example:
        - [eICU](https://eicu-crd.mit.edu/) - eICU is a multi-centre ICU database.   # bad
        - [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU database.             # good
    """
    for e in _described(ctx):
        name = (e.name or "").strip().lower()
        if name and e.description.strip().lower().startswith(name):
            yield ctx.diag(e.line, column_of(ctx.line_text(e.line), e.description[:15]), "AL604", "description repeats the name")


@rule("AL605", "alphabetical-order", default=False, fixable=True, records=True)
def alphabetical_order(ctx: FileContext) -> Iterator[Diagnostic]:
    """The entries of a list are not in alphabetical order.

    Why: in long lists, alphabetical order is how readers find things and how contributors
    know where to add. Names are compared as a reader sees them, ignoring case and accents.
    `--fix` sorts the list: each entry moves with its description, notes and children, and the
    result must hold the same records (an ordered list keeps its numbers in place).

    Example:
        - [eICU](https://eicu-crd.mit.edu/)
        - [AmsterdamUMCdb](https://amsterdammedicaldatascience.nl/)   # bad: A before e
    """
    from awesomelint.lint.sorting import sort_key

    for _, block in ctx.doc.iter_blocks():
        if isinstance(block, EntryList):
            keys = [sort_key(e.name) for e in block.entries]
            for i in range(1, len(keys)):
                if keys[i] < keys[i - 1]:
                    e, before = block.entries[i], block.entries[i - 1]
                    yield ctx.diag(
                        e.line, 1, "AL605", f"'{plain_text(e.name or '')}' is out of alphabetical order: it comes before '{plain_text(before.name or '')}'"
                    )
                    break


@rule("AL606", "insecure-url", default=False, records=True)
def insecure_url(ctx: FileContext) -> Iterator[Diagnostic]:
    """An entry links with `http://`.

    Why: most sites serve https now; plain http links are open to tampering and often redirect.

    Example:
        - [OASIS](http://www.oasis-brains.org/)    # bad
        - [OASIS](https://www.oasis-brains.org/)   # good
    """
    for _, e, _ in entry_blocks(ctx):
        for url, line in ([(e.url, e.line)] if e.url else []) + [(lk.url, lk.line or e.line) for lk in e.links]:
            if url.lower().startswith("http://"):
                yield ctx.diag(line, column_of(ctx.line_text(line), url[:20]), "AL606", f"insecure url {url}")
