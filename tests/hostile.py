"""Hostile inputs shared by the security tests: a Markdown list and a YAML file with a payload in
every field, and an independent checker of what a page may contain.

The checker is written from the HTML and URL standards, not from our code: html.parser decodes
character references in attribute values (as a browser does), and a url's scheme is read after
stripping C0 controls and spaces at the edges and removing tabs and newlines (WHATWG URL).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SCRIPT_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(2)",
    " javascript:alert(3)",
    "\tjavascript:alert(4)",
    "java\tscript:alert(5)",
    "java&#x73;cript:alert(6)",
    "&#106;avascript:alert(7)",
    "\x01javascript:alert(8)",
    "vbscript:msgbox(9)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=",
    "javascript&colon;alert(11)",
]

TEXT = '<script>alert("t")</script><img src=x onerror=alert("i")><svg onload=alert("s")>"\'><b onmouseover=alert(1)>x</b>'
BAD_KEY = "x autofocus tabindex=0 onfocus=alert(1) y"


def _urls(beacon: str) -> list[str]:
    """The script urls, and with a `beacon` (a listener's http://127.0.0.1:port) ones that call it."""
    if not beacon:
        return SCRIPT_URLS
    return SCRIPT_URLS + [f"javascript:fetch('{beacon}/js')", f"javascript:location='{beacon}/loc'", f"java&#x73;cript:fetch('{beacon}/ent')"]


def _text(beacon: str) -> str:
    return TEXT + (
        f'<img src="{beacon}/raw-img"><link rel=stylesheet href="{beacon}/css"><meta http-equiv=refresh content="0;url={beacon}/meta">' if beacon else ""
    )


def hostile_markdown(beacon: str = "") -> str:
    TEXT = _text(beacon)
    lines = [f"# Title {TEXT}", "", f"Intro {TEXT} [intro](javascript:alert('intro'))", "", f"## Section {TEXT}", ""]
    for i, url in enumerate(_urls(beacon)):
        md_url = url.replace(" ", "%20").replace("\t", "%09").replace("\x01", "%01")
        lines.append(f"- [Name {i} {TEXT}]({md_url}) - Description [click]({md_url}) ![img]({md_url}) {TEXT}")
    lines += ["", "| Name | Description | Kind | Data |", "| --- | --- | --- | --- |"]
    for i, url in enumerate(_urls(beacon)):
        md_url = url.replace(" ", "%20").replace("\t", "%09").replace("\x01", "%01")
        lines.append(f"| [Row {i}]({md_url}) | text {i} | k{i % 2} | [data]({md_url}) |")
    return "\n".join(lines) + "\n"


def hostile_yaml(beacon: str = "") -> str:
    import json

    TEXT = _text(beacon)
    entries = []
    for i, url in enumerate(_urls(beacon)):
        entries.append(
            {
                "name": f"Name {i} {TEXT}",
                "url": url,
                "description": f"Description {TEXT} [x]({url})",
                "links": [{"label": "data", "url": url, "text": TEXT}, {"label": TEXT, "url": url}],
                "attributes": {BAD_KEY: f"v{i % 2}", "kind": [TEXT, f"k{i % 2}"], "onclick": "alert(1)"},
            }
        )
    data = {
        "awesomelint": 1,
        "title": f"Title {TEXT}",
        "intro": [{"prose": f"Intro {TEXT}"}],
        "sections": [{"title": f"Section {TEXT}", "level": 2, "content": [{"list": {"style": "bullet", "entries": entries}}]}],
    }
    return json.dumps(data)  # JSON is YAML


SAFE_SCHEMES = {"http", "https", "mailto"}
ALLOWED_ATTRIBUTES = {
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "id",
    "class",
    "href",
    "title",
    "type",
    "placeholder",
    "aria-label",
    "aria-sort",
    "hidden",
    "value",
    "src",
    "alt",
    "align",
    "data-section",
    "data-filter",
    "start",
    "checked",
    "disabled",
    "colspan",
    "rowspan",
    "open",
    "datetime",
    "rel",
    "for",
    "role",
    "tabindex",
    "aria-controls",
    "aria-expanded",
    "aria-live",
    "scope",
    "width",
    "height",
    "loading",
    "dir",
    "media",
}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_scheme_ok(value: str) -> bool:
    stripped = value.strip("".join(chr(c) for c in range(0x21))).replace("\t", "").replace("\n", "").replace("\r", "")
    m = _SCHEME.match(stripped)
    if m:
        return m.group(1).lower() in SAFE_SCHEMES
    return ":" not in re.split(r"[/?#]", stripped, maxsplit=1)[0]


class PageAudit(HTMLParser):
    """Every attribute name, every url-bearing attribute, every script and style element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: set[str] = set()
        self.urls: list[tuple[str, str, str]] = []
        self.scripts: list[dict[str, str | None]] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.names.add(name)
            if name in ("href", "src", "action", "formaction", "xlink:href", "poster", "background"):
                self.urls.append((tag, name, value or ""))
        if tag == "script":
            self.scripts.append(dict(attrs))

    handle_startendtag = handle_starttag


def audit(page: str) -> list[str]:
    """What is wrong with a page, as sentences (empty: nothing)."""
    a = PageAudit()
    a.feed(page)
    problems = []
    for name in sorted(a.names):
        if name not in ALLOWED_ATTRIBUTES and not re.fullmatch(r"data-f\d+", name):
            problems.append(f"attribute name {name!r}")
    for tag, name, value in a.urls:
        if not url_scheme_ok(value):
            problems.append(f"<{tag} {name}={value!r}>")
    for tag in ("iframe", "object", "embed", "form", "svg", "math", "base", "frame", "link"):
        if tag in a.tags:
            problems.append(f"<{tag}> element")
    for s in a.scripts:
        if s.get("src") is not None or s.get("type") not in (None, "application/ld+json"):
            problems.append(f"script {s}")
    return problems
