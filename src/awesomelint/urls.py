"""Identity keys (normalised urls and names) and url validity, shared by the duplicate rules and `merge`."""

from __future__ import annotations

import functools
import re
from urllib.parse import unquote

_DOMAIN_LIKE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:[/:?#]|$)")
_URL_PARTS = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://(?P<host>[^/?#]*)(?P<path>[^?#]*)(?:\?(?P<query>[^#]*))?(?:#(?P<fragment>.*))?$", re.S)
_INDEX = re.compile(r"/index\.(?:html?|php|aspx?)$", re.I)
FILE_EXTENSIONS = {
    "md",
    "markdown",
    "html",
    "htm",
    "txt",
    "pdf",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "svg",
    "webp",
    "json",
    "yml",
    "yaml",
    "csv",
    "tsv",
    "rst",
    "py",
    "js",
    "ts",
    "css",
    "xml",
    "zip",
    "gz",
    "ipynb",
    "toml",
    "cfg",
    "sh",
}
KNOWN_SCHEMES = {"http", "https", "mailto", "ftp", "ftps", "sftp", "git", "ssh", "irc", "ircs", "news", "tel", "xmpp", "magnet", "doi"}


# `https://host/path`: a lower-case host (after one `www.`, which a host needs more than) without a
# port, no escapes, query or fragment; its form is the host without the `www.` and the path without
# trailing slashes (what the general reading gives)
_PLAIN_URL = re.compile(r"https?://(?:www\.)?+([a-z0-9.-]+)((?:/[^?#%\s]*)?)")


def normalize_url(url: str) -> str:
    """The form two urls share when they point at the same page: scheme, `www.`, trailing slash,
    `#readme`, `index.html` and the case of the host do not count."""
    plain = _PLAIN_URL.fullmatch(url)
    if plain is not None and "index." not in url:
        return plain.group(1) + plain.group(2).rstrip("/")
    u = url.strip()
    if u.startswith("<") and u.endswith(">"):
        u = u[1:-1]
    m = _URL_PARTS.match(u)
    if not m or not m.group("host"):
        return u
    host = m.group("host").lower()
    if host.startswith("www."):
        host = host[4:]
    host = host.removesuffix(":80").removesuffix(":443")
    path = m.group("path")
    if "%" in path:
        path = unquote(path)
    if "index." in path:
        path = _INDEX.sub("/", path)
    path = path.rstrip("/")
    fragment = m.group("fragment") or ""
    if fragment.lower() in ("readme", "readme-ov-file"):
        fragment = ""
    out = host + path
    if m.group("query"):
        out += "?" + m.group("query")
    if fragment:
        out += "#" + fragment
    return out


_BLANK = re.compile(r"\s")
_NO_COLON = re.compile(r"^https?//", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_HTTP_HOST = re.compile(r"^https?://[^/\s]+", re.I)
_FIRST_PART = re.compile(r"[/?#:]")
_PLAIN_WEB = re.compile(r"https?://[^/\s]+\S*", re.I)  # the common case, said fine at once


@functools.lru_cache(maxsize=1 << 16)
def url_problem(url: str) -> str | None:
    """Why `url` cannot work as a link target, or None."""
    u = url.strip()
    if _PLAIN_WEB.fullmatch(u):
        return None
    return _url_problem_checks(u)


def _url_problem_checks(u: str) -> str | None:
    if not u:
        return "the url is empty"
    if _BLANK.search(u):
        return "the url contains white space"
    if u.startswith(("#", "/", "./", "../", "?")):
        return None
    if _NO_COLON.match(u):
        return "the scheme has no colon (https//…); write https://"
    m = _SCHEME.match(u)
    if m and m.group(1).lower() not in KNOWN_SCHEMES and u[m.end() : m.end() + 2] == "//" and _near_http(m.group(1).lower()):
        return f"the scheme {m.group(1)!r} looks misspelt; write https://"
    if m:
        scheme = m.group(1).lower()
        if scheme in ("http", "https") and not _HTTP_HOST.match(u):
            return "the url has no host after the scheme"
        if scheme not in KNOWN_SCHEMES and not u.startswith(scheme + "://"):
            return None if len(scheme) > 1 else "the url has an unknown scheme"
        return None
    if _DOMAIN_LIKE.match(u):
        first = _FIRST_PART.split(u, maxsplit=1)[0]
        if first.rsplit(".", 1)[-1].lower() in FILE_EXTENSIONS:
            return None  # a file in the repository (CONTRIBUTING.md), not a host
        return "the url has no scheme (GitHub will treat it as a relative path); add https://"
    return None


def _near_http(scheme: str) -> bool:
    """One edit (or a doubled letter) away from http or https: htps, htttp, hhttps, httpss."""
    for target in ("http", "https"):
        if abs(len(scheme) - len(target)) > 1:
            continue
        prev = list(range(len(target) + 1))
        for i, a in enumerate(scheme, 1):
            cur = [i]
            for j, b in enumerate(target, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
            prev = cur
        if prev[-1] <= 1:
            return True
    return False


def is_navigation(url: str) -> bool:
    return url.startswith("#")


_NAME_NOISE = re.compile(r"[\s_\-–—.,:;!?'\"()\[\]/]+")


def name_key(name: str | None) -> str:
    """The form two names share when they name the same thing: markup, case, spacing and common
    punctuation aside (`MIMIC-III`, `mimic iii`, `**MIMIC III**`); `+` and `&` still count."""
    from awesomelint.anchors import plain_text

    return _NAME_NOISE.sub("", plain_text(name or "").lower())


# -- urls we put on a page -------------------------------------------------------------------------
SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# what the WHATWG url parser strips before it reads a scheme: C0 controls and space at the edges,
# ASCII tab and newline anywhere
_EDGE = "".join(chr(c) for c in range(0x21))


def safe_href(url: str | None) -> str | None:
    """`url` when a browser would treat it as http(s), mailto, a relative path or a #fragment; else None.

    Judged the way a browser reads an `href` attribute: character references decoded (the value
    is HTML-escaped on output, but a url written as `java&#x73;cript:` in Markdown arrives here
    already decoded, or still encoded from YAML), C0 controls and spaces stripped at the edges,
    tabs and newlines removed anywhere. Anything with another scheme (javascript:, data:,
    vbscript:, file:, …) is refused, and so is anything we cannot read.
    """
    if url is None:
        return None
    import html

    probe = url
    for _ in range(3):  # entities inside entities (`&amp;#x6A;`): decode until it settles
        decoded = html.unescape(probe)
        if decoded == probe:
            break
        probe = decoded
    else:
        return None
    probe = probe.strip(_EDGE).replace("\t", "").replace("\n", "").replace("\r", "")
    if not probe or any(ord(ch) < 0x20 or ch == "\x7f" for ch in probe):
        return None
    m = _SCHEME.match(probe)
    if m:
        return url if m.group(1).lower() in SAFE_SCHEMES else None
    # no scheme: a relative path or a fragment, unless a `:` before the first `/`, `?` or `#`
    # would make some browser read a scheme (`javascript&colon;…` decodes to one above)
    head = re.split(r"[/?#]", probe, maxsplit=1)[0]
    if ":" in head:
        return None
    return url
