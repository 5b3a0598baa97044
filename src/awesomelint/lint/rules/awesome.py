"""awesome-lint conventions (AL6xx), off by default: `extend-select = ["AL6"]` turns them on."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.anchors import heading_text, plain_text
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


@rule("AL607", "awesome-heading", default=False)
def awesome_heading(ctx: FileContext) -> Iterator[Diagnostic]:
    """The list's main heading is missing, not level 1, not alone, or not in title case.

    Why: the awesome-lint convention: one `#` heading names the list, in title case (small words
    such as "of" and "for", brand casing such as `iOS`, and file names such as `Node.js` stay as
    written); every other heading is a section under it.

    Example:
        # Awesome clinical data    # bad
        # Awesome Clinical Data    # good
    """
    from awesomelint.lint.rules.structure import headings

    all_headings = headings(ctx)
    start = _first_content_line(ctx)
    opening = ctx.line_text(start).lstrip().lower()
    if opening.startswith("<") and (re.match(r"<h[1-6][\s>]", opening) or _centred_image(ctx, start)):
        return  # an HTML heading or centred logo opens the list, as awesome-lint accepts
    if not all_headings:
        yield ctx.diag(1, 1, "AL607", "the list has no main heading (# Title)")
        return
    first = all_headings[0]
    if first.level > 1 and first.line == start:  # a section heading first is a missing title
        yield ctx.diag(first.line, 1, "AL607", "the list's main heading should be a level-1 heading (# Title)")
    for h in all_headings[1:]:
        if h.level == 1:
            yield ctx.diag(h.line, 1, "AL607", "a list has one main heading: this is a second '#' heading")
    if first.level == 1:
        want = _title_case(_heading_words(ctx.line_text(first.line)))
        have = _heading_words(ctx.line_text(first.line))
        if want != have:
            yield ctx.diag(first.line, 1, "AL607", f"the main heading should be in title case: '{want}'")


def _first_content_line(ctx: FileContext) -> int:
    """The first non-blank line after any front matter (as the parser split it off)."""
    n = 1 + (ctx.doc.front_matter.count("\n") + 1 if ctx.doc.front_matter else 0)
    while n <= len(ctx.lines) and not ctx.line_text(n).strip():
        n += 1
    return n


def _centred_image(ctx: FileContext, start: int) -> bool:
    block: list[str] = []
    n = start
    while n <= len(ctx.lines) and ctx.line_text(n).strip() and len(block) < 50:
        block.append(ctx.line_text(n).lower())
        n += 1
    text = "\n".join(block)
    return "align=" in text and "center" in text and "<img" in text


_SMALL_WORDS = frozenset("a an and as at but by en for if in nor of on or per the to v v. via vs vs. with".split())


def _heading_words(line: str) -> str:
    """The heading's text as written, without `#` marks, badges and link markup."""
    return " ".join(heading_text(line.strip().lstrip("#").strip().rstrip("#")).split())


def _title_case(text: str) -> str:
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        bare = word.strip("\"'“”‘’()[]")
        keep = (
            not bare[:1].islower()
            or (i > 0 and bare.lower() in _SMALL_WORDS)
            or any(c.isupper() or c.isdigit() for c in bare[1:])  # iOS, eBPF, i2b2
            or bare.lower() in _LOWER_NAMES
            or "." in bare.strip(".")  # a file or domain name: `node.js`
            or "/" in bare  # a path
        )
        out.append(word if keep else word.replace(bare[:1], bare[:1].upper(), 1))
    return " ".join(out)


@rule("AL608", "awesome-license", default=False)
def awesome_license(ctx: FileContext) -> Iterator[Diagnostic]:
    """The list has a License section.

    Why: the awesome-lint convention: the licence of an awesome list lives in its `LICENSE`
    file (usually CC0), not in a section of the README that readers scroll past.

    Example:
        ## License        # bad: a section
        (a LICENSE file next to the README)   # good
    """
    for _, sec in ctx.doc.iter_sections():
        if plain_text(sec.title).strip().lower() in ("license", "licence"):
            yield ctx.diag(sec.line, 1, "AL608", "a License section: keep the licence in a LICENSE file")


_IMAGE_PARTS = re.compile(r"!\[([^\[\]]*)\]\([ \t]*<?([^()\s<>]*)>?(?:[ \t]+[\"']([^\"'()]*)[\"'])?[ \t]*\)")
_CI_WORDS = re.compile(r"(?i)build status|build passing|travis|circleci|\bci\b|github actions")
# by host only the services that exist for CI; a GitHub Actions badge is one when its text says so
# (awesome-selfhosted's dead-link workflow badges, with no text, report on the list itself)
_CI_HOSTS = re.compile(r"(?i)travis-ci\.(?:org|com)|circleci\.com|ci\.appveyor\.com|dev\.azure\.com/.*_apis/build")


@rule("AL609", "no-ci-badge", default=False, local=True)
def no_ci_badge(ctx: FileContext) -> Iterator[Diagnostic]:
    """The list shows a continuous-integration badge.

    Why: the awesome-lint convention: a build badge says something about the repository's
    tooling, not about the list, and readers take a red one for a broken list.

    Example:
        # Awesome Data [![Build Status](https://travis-ci.org/x/y.svg)](https://travis-ci.org/x/y)   # bad
        # Awesome Data [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)                # good
    """
    from awesomelint.lint.rules.entries import code_lines

    code = code_lines(ctx)
    for n, line in enumerate(ctx.lines, 1):
        if n in code or "![" not in line:
            continue
        for m in _IMAGE_PARTS.finditer(line):
            alt, url, title = m.group(1), m.group(2), m.group(3) or ""
            if _CI_WORDS.search(alt) or _CI_WORDS.search(title) or _CI_HOSTS.search(url):
                yield ctx.diag(n, m.start() + 1, "AL609", f"a CI badge ({alt or url}): it describes the repository, not the list")


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


@rule("AL602", "description-capital", default=False, records=True, local=True)
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


@rule("AL603", "description-punctuation", default=False, records=True, local=True)
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


@rule("AL604", "description-repeats-name", default=False, records=True, local=True)
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


@rule("AL605", "alphabetical-order", default=False, fixable=True, records=True, local=True)
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


@rule("AL606", "insecure-url", default=False, records=True, local=True)
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
