"""Inline pieces of an entry line, read from the raw Markdown text.

An entry's head (`[Name](url) - Description. ([Demo](…), [Source Code](…)) `MIT` `Go``) is
split here into name, url, separator and description, and the description into its trailing
link group and tags. We work on the raw text so that what we keep renders back exactly.
"""

from __future__ import annotations

import re
from typing import Any

from awesomelint.record import Record

# separators between the name and the description, most specific first
# (a no-break space around a dash is a separator too: `[A](u)\u00a0- Text` reads as ` - `)
SEPARATOR = re.compile(r"^(?:\.(?:[ \t]+|$)|[ \t\u00a0]+[-–—][ \t\u00a0]+|[ \t]*[:：][ \t]+|[ \t]*：|[ \t]+\|[ \t]+|[ \t]*[-–—][ \t\u00a0]+|:(?=[^\s/\d:]))")
CANONICAL_SEPARATOR = " - "
NAME_NOTE = "name_note"  # attribute: the words after the name's link in a table cell
BADGE = "badge"  # the label of a badge written before an entry's name: `[![Stars](img)](u) [Name](v)`
BADGE_TEXT = re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*\)")
# `[awaiting dataset]`, `[dataset pending]`: a few bracketed words standing where a link will go
PLACEHOLDER = re.compile(r"\[\w[\w \t-]{0,40}\]")
JOIN_MARKS = ("/", "&")  # `[ShARe](u) / [CLEF eHealth](v)`: one entry known by two linked names
_JOIN = re.compile(r"[ \t]+([/&])[ \t]+(?=\[)")
_TAG = re.compile(r"`([^`\n]+)`")
# starts only where a run of blanks starts, and no class runs past the next `[`: linear
_LINK_GROUP = re.compile(r"(?<![ \t])[ \t]+\((\[(?:[^\[\]\\\n]|\\[^\n])+\]\([^()\s\[]+\)(?:,[ \t]*\[(?:[^\[\]\\\n]|\\[^\n])+\]\([^()\s\[]+\))*)\)[ \t]*$")
_GROUP_ALONE = re.compile(r"\((\[(?:[^\[\]\\\n]|\\[^\n])+\]\([^()\s\[]+\)(?:,[ \t]*\[(?:[^\[\]\\\n]|\\[^\n])+\]\([^()\s\[]+\))*)\)[ \t]*$")
_GROUP_LINK = re.compile(r"\[((?:[^\[\]\\\n]|\\[^\n])+)\]\(([^)\s]+)\)")
_STRONG = re.compile(r"^(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?!\1)")
_ATTRS_AFTER_BOLD = re.compile(  # matched on the text stripped of blanks: no two blank runs side by side
    r"^(?:[(（](?P<count>[^()（）\n]{1,20})[)）])?[ \t]*(?P<years>(?:19|20)\d\d(?:[ \t]*[-–][ \t]*(?:(?:19|20)\d\d|present|now))?)?$"
)
_PLAIN_WITH_ATTRS = re.compile(
    r"^(?P<name>[^\[\]()（）`*_\n]{1,80}?)(?: \(|[ \t]*（)(?P<count>~?\d[\d.,]*\s?[kKmM]?\+?)[)）](?:[ \t]*(?P<years>(?:19|20)\d\d(?:[ \t]*[-–][ \t]*(?:(?:19|20)\d\d|present|now))?))?$"
)
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]]+(?:\([^\s<>()]*\)[^\s<>()\[\]]*)*", re.I)
LABEL_LINE = re.compile(r"^(?P<label>[^\[\]()\n:：]{1,40}?)[ \t]*[:：][ \t]*$")


class LeadingLink(Record):
    __slots__ = _fields = ("text", "dest", "ref", "rest", "raw")

    def __init__(self, text: str, dest: str | None, ref: str | None, rest: str, raw: str) -> None:
        self.text = text  # raw link text
        self.dest = dest  # raw destination (inline link) or None for references
        self.ref = ref  # reference label for [text][ref] / [text][] / [text]
        self.rest = rest  # what follows the link
        self.raw = raw  # the link as written


def match_bracket(s: str, i: int) -> int:
    """Index just past the `]` that closes the `[` at s[i], or -1."""
    depth = 0
    n = len(s)
    runs: BacktickRuns | None = None
    while i < n:
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            # a run of k backticks opens a code span only if a run of exactly k closes it
            runs = runs or BacktickRuns(s)
            k = i
            while k < n and s[k] == "`":
                k += 1
            close = runs.closing(k, k - i)
            i = k if close < 0 else close + (k - i)  # literal backticks, or past the code span
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


class BacktickRuns:
    """Every run of backticks of a text, by length: where the run that closes a code span is,
    found by bisection (one scan of the text, whatever the number of runs)."""

    def __init__(self, text: str) -> None:
        self.starts: dict[int, list[int]] = {}
        i, n = 0, len(text)
        while (i := text.find("`", i)) >= 0:
            k = i
            while k < n and text[k] == "`":
                k += 1
            self.starts.setdefault(k - i, []).append(i)
            i = k

    def closing(self, start: int, run: int) -> int:
        """Where a run of exactly `run` backticks starts at or after `start`, or -1."""
        from bisect import bisect_left

        starts = self.starts.get(run, [])
        j = bisect_left(starts, start)
        return starts[j] if j < len(starts) else -1


def match_paren(s: str, i: int) -> int:
    """Index just past the `)` closing the `(` at s[i] (balanced, escapes honoured), or -1."""
    depth = 0
    n = len(s)
    if i + 1 < n and s[i + 1] == "<":
        j = s.find(">", i + 2)
        if j < 0:
            return -1
        k = s.find(")", j)
        return k + 1 if k >= 0 else -1
    while i < n:
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        elif c == "\n" and depth == 1 and s[i - 1 : i] == "\n":
            return -1
        i += 1
    return -1


# `[text](url)`: no bracket, escape or code in the text, no blank, parenthesis, `<>` or escape in
# the url; read in one match, without the bracket scanner (the common link)
_PLAIN_LINK = r"\[([^\[\]\\`\n]*)\]\(([^()\s<>\\]*)\)"
_SIMPLE_LINK = re.compile(_PLAIN_LINK)
_DEST_TITLE = re.compile(r"(\S*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*$", re.S)


def split_leading_link(s: str, refs: dict[str, Any] | None = None) -> LeadingLink | None:
    """`[text](dest)`, `[text][ref]`, `[text][]` or `[text]` (a defined reference) at the start of `s`."""
    if not s.startswith("["):
        return None
    m = _SIMPLE_LINK.match(s)
    if m:  # the common case, without the bracket scanner
        return LeadingLink(m.group(1), m.group(2), None, s[m.end() :], m.group(0))
    close = match_bracket(s, 0)
    if close < 0:
        return None
    text = s[1 : close - 1]
    if close < len(s) and s[close] == "(":
        end = match_paren(s, close)
        if end < 0:
            return None
        inner = s[close + 1 : end - 1].strip()
        dest = inner
        if inner.startswith("<"):
            dest = inner[1 : inner.find(">")]
        else:
            m = _DEST_TITLE.match(inner)
            if not m:
                return None
            dest = m.group(1)
        return LeadingLink(text, dest, None, s[end:], s[:end])
    if close < len(s) and s[close] == "[":
        c2 = s.find("]", close)
        if c2 < 0:
            return None
        label = s[close + 1 : c2] or text
        if refs is not None and normalize_label(label) not in refs:
            return None
        return LeadingLink(text, None, label, s[c2 + 1 :], s[: c2 + 1])
    if refs is not None and normalize_label(text) in refs:
        return LeadingLink(text, None, text, s[close:], s[:close])
    return None


def normalize_label(label: str) -> str:
    return re.sub(r"\s+", " ", label.strip()).lower()


def resolve_ref(label: str, refs: dict[str, Any]) -> str | None:
    ref = refs.get(normalize_label(label))
    return ref.get("url") if ref else None


class Head(Record):
    """The first line(s) of an entry, split up."""

    __slots__ = _fields = ("name", "url", "name_kind", "separator", "description", "group", "tags", "attributes", "link_raw", "joined", "bracketed", "badges")

    def __init__(
        self,
        name: str | None = None,
        url: str | None = None,
        name_kind: str = "text",
        separator: str | None = None,
        description: str = "",
        group: list[tuple[str, str]] | None = None,
        tags: list[str] | None = None,
        attributes: dict[str, str] | None = None,
        link_raw: str = "",
        joined: list[tuple[str, str, str]] | None = None,
        bracketed: bool = False,
        badges: list[tuple[str, str]] | None = None,
    ) -> None:
        self.name = name
        self.url = url
        self.name_kind = name_kind  # link | bold | text
        self.separator = separator
        self.description = description
        self.group: list[tuple[str, str]] = [] if group is None else group  # ([Demo](…), [Source Code](…))
        self.tags: list[str] = [] if tags is None else tags
        self.attributes: dict[str, str] = {} if attributes is None else attributes
        self.link_raw = link_raw
        self.joined: list[tuple[str, str, str]] = [] if joined is None else joined  # `[A](u) / [B](v)`: (mark, text, url)
        self.bracketed = bracketed  # `[[MedSAM](u)] text`: the linked name in brackets
        self.badges: list[tuple[str, str]] = [] if badges is None else badges  # `[![Stars](img)](u) [Name](v)`: (image, url)


def split_separator(rest: str) -> tuple[str | None, str]:
    """(separator as written or None when there is no text, description)."""
    if not rest.strip():
        return None, ""
    if rest.rstrip(" \t") == ".":  # `[Name](url).`: a full stop, no description
        return rest, ""
    m = SEPARATOR.match(rest)
    if m:
        return m.group(0), rest[m.end() :]
    lead = len(rest) - len(rest.lstrip(" \t"))
    return rest[:lead], rest[lead:]


def split_trailers(desc: str) -> tuple[str, list[tuple[str, str]], list[str]]:
    """Description without its trailing `([Demo](…), …)` group and `` `Tag` `` attributes."""
    tags: list[str] = []
    group: list[tuple[str, str]] = []
    start = _trailing_tags_start(desc)
    if start > 0:
        tags = _TAG.findall(desc[start:])
        desc = desc[:start]
    m = _LINK_GROUP.search(desc)
    if m and m.start() > 0:
        group = _GROUP_LINK.findall(m.group(1))
        desc = desc[: m.start()]
    elif (alone := _GROUP_ALONE.match(desc)) is not None:  # `[Name](url) - ([Data](…))`: no description
        group = _GROUP_LINK.findall(alone.group(1))
        desc = ""
    elif tags and desc.rstrip().endswith(")") is False:
        pass
    return desc, group, tags


def _trailing_tags_start(desc: str) -> int:
    """Where the run of `` `Tag` `` words that ends `desc` starts (with the blanks before it), or -1.

    A scan from the end, one step per character: the regex it replaces, searched from every
    blank, was quadratic on a long run of tags that did not reach the end.
    """
    if desc.endswith("\n"):  # as `$` did: the run may end before one final newline
        desc = desc[:-1]
    end = len(desc.rstrip(" \t"))
    start = -1
    while end > 0 and desc[end - 1] == "`":
        open_ = desc.rfind("`", 0, end - 1)
        if open_ < 0 or open_ == end - 2 or "\n" in desc[open_:end]:
            break
        blanks = len(desc[:open_]) - len(desc[:open_].rstrip(" \t"))
        if blanks == 0:
            break
        start = open_ - blanks
        end = start
    return start


# `[Name](url) - Text ([Demo](u), [Source](v)) `Tag` `Tag``, the common head: one line, a plain
# link, then nothing (a link alone, as in a table's name cell) or the canonical separator, a text
# without brackets, escapes or code, the optional trailing group of links and run of tags; read
# in one match
_PLAIN_HEAD = re.compile(
    _PLAIN_LINK + r"(?: - (?![ \t\u00a0])([^\[\]\\`\n]*[^\[\]\\`\n \t])"
    r"(?:[ \t]+\((\[[^\[\]\\\n]+\]\([^()\s\[]+\)(?:,[ \t]*\[[^\[\]\\\n]+\]\([^()\s\[]+\))*)\))?"
    r"((?:[ \t]+`[^`\n]+`)*))?"
)


def link_alone(text: str) -> tuple[str, str] | None:
    """The name and url of a head that is one plain link and nothing else (`[Name](url)`, as a
    table's name cell often is), as `parse_head` reads them, without making a `Head`; else None."""
    m = _SIMPLE_LINK.fullmatch(text.strip())
    return (m.group(1), m.group(2)) if m else None


def parse_head(text: str, refs: dict[str, Any]) -> Head:
    """Split an entry head into its parts; text is raw Markdown (may span lines)."""
    s = text.strip()
    plain = _PLAIN_HEAD.fullmatch(s)
    if plain is not None:
        name, url, description, group, tags = plain.groups()
        return Head(
            name=name,
            url=url,
            name_kind="link",
            separator=None if description is None else CANONICAL_SEPARATOR,
            description=description or "",
            group=_GROUP_LINK.findall(group) if group else [],
            tags=_TAG.findall(tags) if tags else [],
            link_raw=s[: plain.end(2) + 1],
        )
    head = Head()
    link = split_leading_link(s, refs)
    if link is None and s.startswith("[["):  # `[[MedSAM](u)] text`
        inner = split_leading_link(s[1:], refs)
        if inner is not None and inner.rest.startswith("]") and (inner.dest is not None or inner.ref is not None):
            link = LeadingLink(inner.text, inner.dest, inner.ref, inner.rest[1:], s[: len(s) - len(inner.rest) + 1])
            head.bracketed = True
    while link is not None and BADGE_TEXT.fullmatch(link.text) and link.dest is not None and link.rest[:1] in (" ", "\t"):
        after = split_leading_link(link.rest.lstrip(" \t"), refs)  # badges before the name's link
        if after is None:
            break
        head.badges.append((link.text, link.dest))
        link = after
    if link is not None:
        head.name_kind = "link"
        head.name = link.text
        head.url = link.dest if link.dest is not None else resolve_ref(link.ref or "", refs)
        head.link_raw = link.raw
        rest = link.rest
        while (jm := _JOIN.match(rest)) is not None:
            other = split_leading_link(rest[jm.end() :], refs)
            other_url = None if other is None else (other.dest if other.dest is not None else resolve_ref(other.ref or "", refs))
            if other is None or not other_url:
                break
            head.joined.append((jm.group(1), other.text, other_url))
            rest = other.rest
    else:
        m = _STRONG.match(s)
        if m:
            head.name_kind = "bold"
            head.name = m.group(2)
            head.link_raw = m.group(0)
            rest = s[m.end() :]
            more = _name_continues(rest)
            if more:  # `**Alzheimer’s Disease** Neuroimaging Initiative (ADNI) database`: partly bold
                head.name_kind = "text"
                head.name = s[: m.end() + more]
                rest = rest[more:]
                head.separator, head.description = split_separator(rest)
                return head
            am = _ATTRS_AFTER_BOLD.match(rest.strip(" \t"))
            if am and (am.group("count") or am.group("years")):
                if am.group("count"):
                    head.attributes["count"] = am.group("count")
                if am.group("years"):
                    head.attributes["years"] = am.group("years")
                return head
        else:
            am = _PLAIN_WITH_ATTRS.match(s)
            if am:
                head.name = am.group("name").strip()
                head.attributes["count"] = am.group("count")
                if am.group("years"):
                    head.attributes["years"] = am.group("years")
                return head
            head.name = s
            return head
    head.separator, desc = split_separator(rest)
    if head.separator is not None:
        desc, head.group, head.tags = split_trailers(desc)
    head.description = desc
    return head


class NameThenUrl(Record):
    __slots__ = _fields = ("name", "separator", "url", "text", "rest", "description", "description_separator")

    def __init__(
        self, name: str, separator: str, url: str, text: str, rest: str, description: str | None = None, description_separator: str | None = None
    ) -> None:
        self.name = name
        self.separator = separator
        self.url = url
        self.text = text  # the link's text; the url itself when it is written bare
        self.rest = rest
        # `Name - text www.example.org`: a bare url at the very end; the text between name and url
        self.description = description
        self.description_separator = description_separator


_NAME_URL_SEPARATORS = "-–—|:："
_WWW_URL = re.compile(r"(?<![\w./@:-])www\.[\w-]+\.[^\s<>()\[\]]+", re.I)
_NAME_TEXT_SPLIT = re.compile(r"[ \t]+[-–—][ \t]+|[:：][ \t]+")


_TRAILING_BLANK = ("&nbsp;", "&#160;", "\u00a0", " ", "\t")


def _strip_blanks(s: str) -> str:
    """`Name:&nbsp;` → `Name:`: blanks, NBSP and its entity at the end (each a fixed string: linear)."""
    while s.endswith(_TRAILING_BLANK):
        s = next(s[: -len(t)] for t in _TRAILING_BLANK if s.endswith(t))
    return s


# `Title [[Paper]](u) [[Code]](u)`: bracketed labels, one link each
LABEL_LINKS = re.compile(r"(?:[ \t]*\[\[([^\[\]\n]{1,40})\]\]\(([^()\s]+)\))+[ \t]*")
_LABEL_LINK = re.compile(r"\[\[([^\[\]\n]{1,40})\]\]\(([^()\s]+)\)")


def split_labelled_links(s: str) -> tuple[str, list[tuple[str, str]]] | None:
    """(name, [(label, url)…]) for `Title [[Paper]](u) [[Code]](u)`, else None."""
    at = s.find(" [[")
    if at <= 0 or "[" in s[:at] or "]" in s[:at]:
        return None
    if not LABEL_LINKS.fullmatch(s, at):
        return None
    return s[:at].rstrip(" \t"), _LABEL_LINK.findall(s, at)


def split_name_then_url(s: str, refs: dict[str, Any]) -> NameThenUrl | None:
    """`MySQL - [awesome-mysql](u) - text`, `` `0BSD` - [Licence](u) ``, `2019 - https://…`,
    `Name https://…`, `See: [Data](u)`: a plain-text name, then its url.

    A link must follow a dash, bar or colon (after plain words a link is prose: `See the
    [docs](u)`); a bare url may follow a space. The name holds no link or bracket. Linear: one
    scan for the first `[` or url, then strips at the end of the name.
    """
    first_bracket = s.find("[")
    end = first_bracket if first_bracket >= 0 else len(s)
    m = _BARE_URL.search(s, 0, end)
    www = _WWW_URL.search(s, 0, m.start() if m else end)
    m = www or m
    start = m.start() if m else first_bracket
    if start <= 0 or "]" in s[:start] or "<" in s[:start] or s[start - 1] == "!" or s.count("`", 0, start) % 2:
        return None
    name = _strip_blanks(s[:start])
    blank = len(name) < start
    mark = ""
    if name and name[-1] in _NAME_URL_SEPARATORS:
        mark = name[-1]
        name = _strip_blanks(name[:-1])
        if mark in "-–—|" and len(name) == start - 2:  # `word-[x](u)`: a hyphen, not a separator
            return None
    if not name or not (mark or blank) or name.lstrip().startswith(("#", ">", "|")):
        return None
    if m:
        url = m.group(0).rstrip(".,;:!?*_~'\"")
        rest = s[m.start() + len(url) :]
        # `www.x.org` is linked as `http://www.x.org` (GitHub's autolink): that is where it points
        found = NameThenUrl(name, s[len(name) : start], "http://" + url if m is www else url, url, rest)
        if not rest.strip() and (parts := _NAME_TEXT_SPLIT.search(name)) is not None:
            # the url ends the line: the name is before the first separator, the text after it
            found.name, found.description_separator, found.description = name[: parts.start()], parts.group(0), name[parts.end() :]
        return found
    if not mark:
        return None
    link = split_leading_link(s[start:], refs)
    if link is None or link.text.startswith("!["):
        return None
    url = link.dest if link.dest is not None else (resolve_ref(link.ref or "", refs) or "")
    if not url:
        return None
    return NameThenUrl(name, s[len(name) : start], url, link.text, link.rest)


_CONTINUATION = re.compile(r"[ \t]+([^\s\-–—:：|\[\]()*_`<>.;!?,][^\-–—:：|\[\]*_`<>.;!?,\n]{0,58}?)[ \t]*(?=$|[ \t]+[-–—|][ \t]|[:：])")


def _name_continues(rest: str) -> int:
    """How much of the text after a bold name still belongs to the name: a few title-case words
    with no separator and no sentence (`** Neuroimaging Initiative (ADNI) database`), else 0."""
    m = _CONTINUATION.match(rest)
    if m is None:
        return 0
    words = [w for w in m.group(1).split() if w[:1].isalpha() or w[:1] == "("]
    if not words or sum(1 for w in words if w[:1].isupper() or w[:1] == "(") * 2 < len(words):
        return 0
    return m.end(1)


def bare_urls(text: str) -> list[tuple[int, str]]:
    """Bare http(s) URLs in text, with their offsets (trailing punctuation dropped)."""
    out = []
    for m in _BARE_URL.finditer(text):
        url = m.group(0).rstrip(".,;:!?*_~'\"")
        out.append((m.start(), url))
    return out
