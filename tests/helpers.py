"""Oracles used by several test modules."""

from __future__ import annotations

from urllib.parse import unquote

from awesomelint.source import SourceText, decode, split_front_matter


def load(path) -> SourceText:  # type: ignore[no-untyped-def]
    src = decode(path.read_bytes(), str(path))
    return src


def mdit_lines(text: str, skip: int) -> dict[str, list[tuple[int, int]]]:
    """Block and item (start, end) lines by markdown-it-py, 1-based, trailing blank lines dropped."""
    from markdown_it import MarkdownIt

    lines = text.split("\n")
    body = "\n" * skip + "\n".join(lines[skip:]) if skip else text
    md = MarkdownIt("commonmark").enable("table")
    kinds = {
        "heading_open": "heading",
        "paragraph_open": "paragraph",
        "html_block": "html",
        "code_block": "code",
        "fence": "code",
        "table_open": "table",
        "hr": "rule",
        "list_item_open": "item",
    }
    out: dict[str, list[tuple[int, int]]] = {}
    for t in md.parse(body):
        if t.type in kinds and t.map:
            start, end = t.map[0] + 1, t.map[1]
            while end > start and not lines[end - 1].strip():
                end -= 1
            out.setdefault(kinds[t.type], []).append((start, end))
    return out


def mdit_entry_links(text: str, skip: int) -> set[str]:
    """Every link inside a list item or a table row (not in-page anchors), by markdown-it-py."""
    from markdown_it import MarkdownIt

    lines = text.split("\n")
    body = "\n" * skip + "\n".join(lines[skip:]) if skip else text
    md = MarkdownIt("commonmark").enable("table")
    found: set[str] = set()
    depth = 0

    def walk(tokens) -> None:  # type: ignore[no-untyped-def]
        nonlocal depth
        for t in tokens:
            if t.type in ("list_item_open", "tr_open"):
                depth += 1
            elif t.type in ("list_item_close", "tr_close"):
                depth -= 1
            elif t.type == "inline" and depth:
                for c in t.children or []:
                    href = c.attrGet("href") if c.type == "link_open" else None
                    if href and not href.startswith("#"):
                        found.add(norm_url(href))

    walk(md.parse(body))
    return found


def norm_url(url: str) -> str:
    return unquote(unquote(url)).strip()


__all__ = ["load", "mdit_entry_links", "mdit_lines", "norm_url", "split_front_matter"]
