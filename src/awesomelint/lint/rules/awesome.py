"""awesome-lint conventions (AL6xx), off by default: `extend-select = ["AL6"]` turns them on."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.anchors import plain_text
from awesomelint.lint.engine import Diagnostic, FileContext, rule
from awesomelint.lint.rules.entries import column_of, entry_blocks
from awesomelint.model import Entry, EntryList

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


# a sentence's end, before any closing emphasis or quote: `text.`, `*Requires a licence.*`, `"…!"`
_END_PUNCT = re.compile(r"(?:[.!?…]|\.\.\.)[*_\"'”’»]*\s*$")
# words that are written in lower case on purpose (awesome-lint's allow-list has the same idea)
_LOWER_NAMES = frozenset(
    "npm pip pnpm yarn sklearn scikit-learn numpy pandas pytorch macos ios ipados watchos tvos ebpf ifood i2b2 n2c2 jq curl git gcc llvm vim emacs zsh bash sh wget rsync systemd mdn".split()
)


@rule("AL601", "awesome-badge", default=False)
def awesome_badge(ctx: FileContext) -> Iterator[Diagnostic]:
    """The list has no Awesome badge next to its title.

    Why: lists submitted to sindresorhus/awesome must carry the badge
    (`[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)`). Only said of a list whose
    title calls it awesome.

    Example:
        # Awesome Clinical Data                                                      # bad
        # Awesome Clinical Data [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)   # good
    """
    if "awesome" not in (ctx.doc.title or "").lower():
        return  # only a list that calls itself awesome is asked for the badge
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

    Why: the awesome-lint convention: a description is a sentence. Words written in lower case on
    purpose are fine: a camel-cased or numbered word (`iOS`, `eBPF`, `i2b2`), code, and well-known
    lower-case names (`npm`, `sklearn`).

    Example:
        - [eICU](https://eicu-crd.mit.edu/) - multi-centre ICU data.   # bad
        - [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU data.   # good
    """
    for e in _described(ctx):
        d = e.description.strip()
        if d[:1].islower() and not _lower_on_purpose(d):
            yield ctx.diag(e.line, column_of(ctx.line_text(e.line), d[:15]), "AL602", "description should start with a capital letter")


def _lower_on_purpose(description: str) -> bool:
    word = re.split(r"[\s,.;:!?()]", description, maxsplit=1)[0]
    return any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word) or word.lower() in _LOWER_NAMES


@rule("AL603", "description-punctuation", default=False, records=True)
def description_punctuation(ctx: FileContext) -> Iterator[Diagnostic]:
    """A description does not end with punctuation.

    Why: the awesome-lint convention: `.`, `!`, `?` or `…`, also inside closing emphasis or quotes
    (`*Requires a licence.*`); a closing parenthesis is not an end. Trailing `` `Tag` ``
    attributes and `([Demo](…))` link groups are not part of the description and do not count.

    Example:
        - [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU data    # bad
        - [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU data.   # good
    """
    for e in _described(ctx):
        if not _END_PUNCT.search(e.description):
            line = _last_line(ctx, e)
            yield ctx.diag(line, len(ctx.line_text(line).rstrip()) + 1, "AL603", "description should end with punctuation")


def _last_line(ctx: FileContext, e: Entry) -> int:
    """The line a description that wraps over several lines ends on (its head line otherwise)."""
    tail = e.description.rstrip().rsplit("\n", 1)[-1].strip()
    if "\n" not in e.description.strip() or not tail:
        return e.line
    for n in range(e.line + 1, max(e.end_line, e.line) + 1):
        if tail in ctx.line_text(n):
            return n
    return e.line


@rule("AL604", "description-repeats-name", default=False, records=True)
def description_repeats_name(ctx: FileContext) -> Iterator[Diagnostic]:
    """A description starts with the entry's own name.

    Why: the name is already there; repeating it wastes the reader's first words. The name must
    stand as a word of its own (`sh` does not repeat in "Shell …"); names in backticks are names.

    Example:
        - [eICU](https://eicu-crd.mit.edu/) - eICU is a multi-centre ICU database.   # bad
        - [eICU](https://eicu-crd.mit.edu/) - Multi-centre ICU database.             # good
    """
    for e in _described(ctx):
        name = plain_text(e.name or "").strip().lower()
        text = plain_text(e.description).strip().lower()
        if name and text.startswith(name) and not text[len(name) : len(name) + 1].isalnum():
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
