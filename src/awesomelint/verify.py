"""Proof before output: every rewrite shows the same page or keeps the same records, or is refused.

One home for the checks that guard what we write. `check_formatted` (fmt, lint --fix): the
same page exactly (GitHub's renderer), the same records, and a stable result. For render,
`entry_content` is what a reader of the list gets from an entry (name, url, description, links
with their labels and texts, attributes, notes, children), without how it was written (lines,
separators, bullets, format hints); `check_rendered` parses Markdown that we rendered and
compares that content entry by entry, and refuses with one line naming the section, the entry
and the field when anything differs. `settle` and
`block_renders_same` decide, for `convert`, which blocks may be stored as records only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from awesomelint.errors import InputError, UnsafeFormatError
from awesomelint.fmt import STYLE_CODES
from awesomelint.model import Block, Document, Entry, EntryList, Prose, Table
from awesomelint.source import SourceText

if TYPE_CHECKING:
    from awesomelint.fmt import FormatResult

_BLANKS = re.compile(r"[ \t\n]+")


def _text(value: str | None) -> str:
    """Text as a page shows it: runs of CommonMark blanks are one space (NBSP and the like stay)."""
    return _BLANKS.sub(" ", value or "").strip(" ")


def _shown(markdown: str) -> str:
    """Text as GitHub shows it (`0\\[0` and `0[0` are the same name to a reader)."""
    from awesomelint.htmlcheck import normalize_html, render_html

    return normalize_html(render_html(markdown))


def _value(value: Any) -> str:
    """An attribute as a page shows it: `[P, L]` and `"P, L"` are the same cell."""
    return ", ".join(_text(str(v)) for v in value) if isinstance(value, list) else _text(str(value))


_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescaped(text: str | None) -> str | None:
    """CommonMark's backslash escapes undone (`\\[` is the `[` a reader sees)."""
    return _ESCAPE.sub(r"\1", text) if text else text


def _link_key(label: str | None, url: str, text: str | None) -> tuple[str, str, str]:
    """(label, url, text) as a reader tells links apart: a link with no label is known by its
    text (`[dataset](…)` in a group is the same either way); a text equal to the label or the url
    says nothing more; labels are compared without case (a column title shows `code` as `Code`)."""
    label, text = _unescaped(label), _unescaped(text)
    lab = label if label and label != url else None
    txt = text if text and text not in (label, url) else None
    if lab is None and txt is not None:
        lab, txt = txt, None
    return ((lab or "").casefold(), url, _text(txt))


def entry_content(e: Entry) -> dict[str, Any]:
    """What must survive rendering: an entry's values, not how they were written."""
    attrs = {k: _value(v) for k, v in e.attributes.items() if not k.startswith("_") and v not in ("", [], None)}
    return {
        "name": _text(e.name),
        "url": e.url,
        "url text": _text(e.url_text),
        "description": _text(e.description),
        "links": sorted(_link_key(lk.label, lk.url, lk.text) for lk in e.links if not lk.inline),
        "inline links": sorted(_link_key(lk.label, lk.url, lk.text) for lk in e.links if lk.inline),
        "attributes": attrs,
        "notes": [_text(n) for n in e.notes],
        "children": [entry_content(c) for c in e.children],
    }


def _entry_blocks(doc: Document) -> list[tuple[str, list[Entry]]]:
    out: list[tuple[str, list[Entry]]] = []
    for path, block in doc.iter_blocks():
        if isinstance(block, (EntryList, Table)):
            out.append((" > ".join(path) or "(intro)", block.entries))
    for path, sec in doc.iter_sections():
        if sec.entry is not None:
            out.append((" > ".join(path), [sec.entry]))
    return out


def _differs(want: dict[str, Any], got: dict[str, Any]) -> str | None:
    """The first field that differs, said for a person; None when the content is the same."""
    for key in ("name", "url", "url text", "description"):
        if want[key] != got[key] and (key == "url" or _shown(want[key]) != _shown(got[key])):
            return f"{key} {want[key]!r} came back as {got[key]!r}"
    # inline links are read from the text they are in: the data's must all be there again; a
    # link that the text yields and the data did not list is not a loss
    have = got["links"] + got["inline links"]
    for lk in want["links"]:
        if lk not in have:
            return f"link {lk[1]!r}{f' ({lk[0]})' if lk[0] else ''} is missing"
    have_urls = {url for _, url, _ in have}
    for lk in want["inline links"]:  # read from text: their label depends on where the text is
        if lk[1] not in have_urls:
            return f"link {lk[1]!r} (in the text) is missing"
    extra = [lk for lk in got["links"] if lk not in want["links"] + want["inline links"]]
    if extra:
        return f"link {extra[0][1]!r} appeared that the data does not have"
    for k, v in want["attributes"].items():
        if got["attributes"].get(k) != v:
            return f"attribute {k!r} {v!r} came back as {got['attributes'].get(k)!r}"
    for k in got["attributes"]:
        if k not in want["attributes"]:
            return f"attribute {k!r} appeared that the data does not have"
    if want["notes"] != got["notes"] and [_shown(n) for n in want["notes"]] != [_shown(n) for n in got["notes"]]:
        return "its notes (Markdown under it) changed"  # compared as GitHub shows them
    if len(want["children"]) != len(got["children"]):
        return f"{len(want['children'])} children came back as {len(got['children'])}"
    for a, b in zip(want["children"], got["children"]):
        problem = _differs(a, b)
        if problem:
            return f"child {a['name'] or a['url']!r}: {problem}"
    return None


def compare_records(want: Document, got: Document) -> str | None:
    """Where `got` (read back from Markdown) lost or changed a value of `want`; None if nowhere."""
    a, b = _entry_blocks(want), _entry_blocks(got)
    flat_a = [(where, e) for where, es in a for e in es]
    flat_b = [(where, e) for where, es in b for e in es]
    for (where, ea), (_, eb) in zip(flat_a, flat_b):
        problem = _differs(entry_content(ea), entry_content(eb))
        if problem:
            return f"{where}: entry {ea.name or ea.url or '(no name)'!r}: {problem}"
    if len(flat_a) != len(flat_b):
        if len(flat_a) > len(flat_b):
            where, e = flat_a[len(flat_b)]
            return f"{where}: entry {e.name or e.url or '(no name)'!r} is missing ({len(flat_a)} entries came back as {len(flat_b)})"
        where, e = flat_b[len(flat_a)]
        return f"{where}: entry {e.name or e.url or '(no name)'!r} appeared ({len(flat_a)} entries came back as {len(flat_b)})"
    return None


def _references(doc: Document) -> str:
    """The document's link reference definitions: a block read alone needs them to read its links."""
    return "\n".join(b.markdown for _, b in doc.iter_blocks() if isinstance(b, Prose) and b.kind == "reference")


def drop_stale_markdown(doc: Document) -> Document:
    """Blocks whose records were edited since they were read render from the records.

    `convert` keeps a block's source (`markdown`) when re-rendering would change its page; that
    source speaks for the block only while it still reads as the block's records. Once someone
    edits an entry in the data, the records are the truth and the block is rendered from them
    (then `check_rendered` proves that nothing was lost on the way). Returns a copy when a block
    changes; the caller's document is left as it was."""
    import copy

    from awesomelint.parse import parse_text

    refs = _references(doc)
    stale: list[int] = []
    for i, (_, block) in enumerate(doc.iter_blocks()):
        if not isinstance(block, (EntryList, Table)) or block.markdown is None:
            continue
        again = parse_text(block.markdown + ("\n\n" + refs if refs else ""))
        read = [e for _, blk in again.iter_blocks() if isinstance(blk, (EntryList, Table)) for e in blk.entries]
        if [entry_content(e) for e in read] != [entry_content(e) for e in block.entries]:
            stale.append(i)
    if not stale:
        return doc
    doc = copy.deepcopy(doc)
    blocks = doc.iter_blocks()
    for i in stale:
        blocks[i][1].markdown = None
    return doc


def check_rendered(doc: Document, markdown: str, path: str) -> None:
    """Raise `InputError` (exit 2) unless `markdown` reads back as the records of `doc`."""
    from awesomelint.parse import parse_source
    from awesomelint.source import decode

    again = parse_source(decode(markdown.encode("utf-8"), path))
    problem = compare_records(doc, again)
    if problem:
        raise InputError(path, f"the rendered Markdown would lose data, nothing written: {problem}")


# -- which blocks convert may keep as records only ---------------------------------------------
def settle(doc: Document, src: SourceText) -> Document:
    """Keep verbatim source on each list or table whose canonical rendering would not be equivalent.

    A block may be stored as records only when re-rendering it gives the same page (GitHub's
    renderer) and the same records; otherwise its `markdown` holds the source, so nothing that we
    do not understand is ever lost.
    """
    lines = src.text.split("\n")
    refs = _references(doc)
    for _, block in doc.iter_blocks():
        if isinstance(block, (EntryList, Table)) and block.markdown is None:
            original = "\n".join(lines[block.line - 1 : block.end_line])
            if not block_renders_same(block, original, refs):
                block.markdown = original
    return doc


def block_renders_same(block: Block, original: str, refs: str = "") -> bool:
    from awesomelint.htmlcheck import same_page
    from awesomelint.parse import parse_text
    from awesomelint.render.markdown import render_block
    from awesomelint.yamlio import block_data, strip_lines

    rendered = render_block(block)
    if rendered == original:
        return True
    suffix = "\n\n" + refs if refs else ""
    if not same_page(original + suffix, rendered + suffix):
        return False
    again = parse_text(rendered + suffix)
    got = [strip_lines(block_data(b)) for b in again.intro if not (isinstance(b, Prose) and b.kind == "reference")]
    want = [strip_lines(block_data(block))]
    return got == want


# -- fmt and lint --fix: the same page, the same records, stable -----------------------------
_SEPARATOR_HTML = re.compile(r"(</a>)[ \t\u00a0]*(?:—|–|:|--?)[ \t\u00a0]+")


def _page(markdown: str, html: str | None = None) -> str:
    from awesomelint.htmlcheck import normalize_html, render_html

    html = normalize_html(render_html(markdown) if html is None else html)
    return _SEPARATOR_HTML.sub(r"\1 - ", html)


def _same_page_for_fmt(a: str, b: str) -> tuple[str, str] | None:
    """None when two Markdown texts show the same page but for the separators (AL505); else the
    two pages. Cmark-gfm's HTML is compared as it is first: the same HTML is the same page, and
    only HTML that differs (separators aside) is normalised."""
    from awesomelint.htmlcheck import render_html

    html_a, html_b = render_html(a), render_html(b)
    if html_a == html_b or _SEPARATOR_HTML.sub(r"\1 - ", html_a) == _SEPARATOR_HTML.sub(r"\1 - ", html_b):
        return None  # the same HTML, or the same but for separators: no need to normalise it
    page_a, page_b = _page(a, html_a), _page(b, html_b)
    return None if page_a == page_b else (page_a, page_b)


def same_page_for_fmt(a: str, b: str) -> bool:
    """Same page on GitHub, allowing only the separator canonicalisation (AL505)."""
    return a == b or _same_page_for_fmt(a, b) is None


def check_formatted(src: SourceText, result: FormatResult, codes: Iterable[str] = STYLE_CODES, doc: Document | None = None) -> None:
    """Raise `UnsafeFormatError` unless the output shows the same page, the same records, and is stable."""
    from awesomelint.fmt import format_source
    from awesomelint.parse import parse_source, parse_source_tokens
    from awesomelint.source import SourceText as ST
    from awesomelint.yamlio import to_data

    if not result.changed(src):
        return
    pages = _same_page_for_fmt(_as_written(src.text, src.final_newline), _as_written(result.text, result.final_newline))
    if pages is not None:
        import difflib

        before, after = pages
        a, b = before.replace("><", ">\n<").split("\n"), after.replace("><", ">\n<").split("\n")
        diff = "\n".join(difflib.unified_diff(a, b, "input (HTML)", "output (HTML)", lineterm="", n=1))
        first = next((ln for ln in diff.split("\n") if ln.startswith(("-", "+")) and not ln.startswith(("---", "+++"))), "")
        raise UnsafeFormatError(src.path, f"formatting would change the rendered page; not written (first difference: {first[:120]})", diff)
    out_src = ST(src.path, result.text, src.bom, src.newline, result.final_newline)
    out_doc, out_tokens = parse_source_tokens(out_src)
    rec_a = _kept_by_fmt(to_data(doc if doc is not None else parse_source(src)))
    rec_b = _kept_by_fmt(to_data(out_doc))
    if rec_a != rec_b:
        raise UnsafeFormatError(src.path, "formatting would change the extracted records; not written")
    again = format_source(out_src, out_doc, out_tokens, codes=codes)
    if again.changed(out_src):
        raise UnsafeFormatError(src.path, "formatting is not stable (a second run would change the output again); not written")


def _as_written(text: str, final_newline: bool) -> str:
    """A text as its file holds it, final newline included (`SourceText.text` leaves it out):
    the page is rendered from the file, and a fence left open reads its last blank line as code."""
    return text + "\n" if final_newline and text else text


_NOT_KEPT = frozenset(("line", "end_line", "path", "separator", "markdown", "loose", "loose_children"))


def _kept_by_fmt(data: Any) -> Any:
    """Records as fmt must keep them: line numbers, separators, looseness and white space around
    lines aside (one pass over the data)."""
    if isinstance(data, dict):
        if "prose" in data:  # raw Markdown: the page check guards it
            return {"prose": data.get("kind", "prose")}
        return {k: _kept_by_fmt(v) for k, v in data.items() if k not in _NOT_KEPT}
    if isinstance(data, list):
        return [_kept_by_fmt(v) for v in data]
    if isinstance(data, str):
        return "\n".join(ln.strip(" \t") for ln in data.split("\n") if ln.strip(" \t"))
    return data
