"""Records → one self-contained HTML page: the list's sections and a table of every entry.

No CDN and no network: styles and script are inline. With JavaScript off it is a plain, readable
page (a section index and the full table); with it on, a search box, one filter per attribute
with few distinct values, and columns that sort on click. Descriptions are rendered by cmark-gfm
in its safe mode (raw HTML dropped).

Everything on the page comes from a list that strangers edit, so three walls keep script out:
every `href`/`src` passes `urls.safe_href` (http, https, mailto, relative, #fragment; anything
else becomes plain text); no attribute *name* is ever made from data (filters are numbered);
and a Content-Security-Policy allows only this page's own inline script and style, by hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

from awesomelint.anchors import SlugCounter, plain_text
from awesomelint.model import Column, Document, Entry, Prose
from awesomelint.render.markdown import value_text
from awesomelint.render.views import columns_for, csv_rows, flatten
from awesomelint.urls import safe_href

MAX_FILTER_VALUES = 30

_CSS = """
[hidden]{display:none!important}
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1f2328;background:#fff}
header,nav,main{max-width:1200px;margin:0 auto;padding:0 16px}
h1{margin:24px 0 4px}nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 16px}
#controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:12px 0}
#controls input,#controls select{font:inherit;padding:4px 8px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#f6f8fa;position:sticky;top:0}th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
td p{margin:0}.count{color:#59636e}.wrap{overflow-x:auto}td{overflow-wrap:break-word;hyphens:auto}
td.desc{min-width:18em}td.link{max-width:16em}td.link a{overflow-wrap:break-word}td.name{min-width:8em}
#controls{position:sticky;top:0;z-index:2;background:#fff;padding:8px 0;margin:0}
nav summary{cursor:pointer;font-weight:600;margin:8px 0}
:focus-visible{outline:2px solid #0969da;outline-offset:2px}
@media (min-width:700px){.wrap{overflow:visible}th{top:var(--controls,0)}}
@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}a{color:#4493f8}th{background:#161b22}
th,td{border-color:#30363d}#controls{background:#0d1117}.count{color:#9198a1}
#controls input,#controls select{background:#0d1117;color:#e6edf3;border:1px solid #30363d}}
@media print{#controls,nav{display:none!important}th{position:static}.wrap{overflow:visible}a{color:inherit}}
"""

_JS = """
(function(){
  var table=document.getElementById('entries'), tbody=table.tBodies[0];
  var rows=Array.prototype.slice.call(tbody.rows);
  var controls=document.getElementById('controls'); controls.hidden=false;
  var search=document.getElementById('search'), count=document.getElementById('count');
  var selects=Array.prototype.slice.call(controls.querySelectorAll('select'));
  var tallies=Array.prototype.slice.call(document.querySelectorAll('nav [data-section]'));
  function apply(){
    var q=search.value.trim().toLowerCase(), shown=0;
    rows.forEach(function(r){
      var ok=!q||r.textContent.toLowerCase().indexOf(q)>=0;
      selects.forEach(function(s){
        if(ok&&s.value){ok=JSON.parse(r.getAttribute('data-f'+s.getAttribute('data-filter'))||'[]').indexOf(s.value)>=0;}
      });
      r.hidden=!ok; if(ok){shown++;}
    });
    count.textContent=shown+' of '+rows.length+(rows.length===1?' entry':' entries');
    var per={};
    rows.forEach(function(r){if(!r.hidden){var s=r.getAttribute('data-section');per[s]=(per[s]||0)+1;}});
    tallies.forEach(function(t){
      var n=per[t.getAttribute('data-section')]||0, all=t.getAttribute('data-all');
      t.textContent='('+(String(n)===all?n:n+' of '+all)+')';
    });
  }
  function key(r,i){
    var t=r.cells[i].textContent.trim(), n=t.replace(/[~,\\s]/g,'').match(/^-?\\d+(\\.\\d+)?/);
    return n?[0,parseFloat(n[0]),t.toLowerCase()]:[1,0,t.toLowerCase()];
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
    var b=th.querySelector('button'); if(!b){return;}
    b.addEventListener('click',function(){
      var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(o){o.setAttribute('aria-sort','none');});
      th.setAttribute('aria-sort',dir>0?'ascending':'descending');
      rows.sort(function(a,b){var x=key(a,i),y=key(b,i);
        for(var k=0;k<3;k++){if(x[k]<y[k]){return -dir;}if(x[k]>y[k]){return dir;}}return 0;});
      rows.forEach(function(r){tbody.appendChild(r);});
    });
  });
  function save(){
    var p=[]; if(search.value){p.push('q='+encodeURIComponent(search.value));}
    selects.forEach(function(s){if(s.value){p.push('f'+s.getAttribute('data-filter')+'='+encodeURIComponent(s.value));}});
    history.replaceState(null,'',p.length?'#'+p.join('&'):location.pathname+location.search);
  }
  function restore(){
    var h=location.hash.slice(1); if(h.indexOf('=')<0){return;}
    h.split('&').forEach(function(kv){
      var i=kv.indexOf('='), k=kv.slice(0,i), v; try{v=decodeURIComponent(kv.slice(i+1));}catch(e){return;}
      if(k==='q'){search.value=v;}
      selects.forEach(function(s){if('f'+s.getAttribute('data-filter')===k){s.value=v;}});
    });
  }
  function stick(){document.documentElement.style.setProperty('--controls',controls.offsetHeight+'px');}
  search.addEventListener('input',function(){apply();save();});
  selects.forEach(function(s){s.addEventListener('change',function(){apply();save();});});
  window.addEventListener('resize',stick);
  var index=document.querySelector('nav details'); if(index&&window.innerWidth<700){index.open=false;}  // phones: the table first
  restore(); apply(); stick();
})();
"""


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


# only the page's own script and style run; images may come from the web (badges), nothing else
CSP = f"default-src 'none'; script-src {_hash(_JS)}; style-src {_hash(_CSS)}; img-src http: https:; base-uri 'none'; form-action 'none'"

# cmark-gfm writes links and images in exactly these shapes; attribute values are escaped
_A = re.compile(r'<a href="([^"]*)"((?: title="[^"]*")?)>(.*?)</a>', re.S)
_IMG = re.compile(r'<img src="([^"]*)" alt="([^"]*)"((?: title="[^"]*")?) />')


def _unlink(m: re.Match[str]) -> str:
    return m.group(0) if safe_href(html.unescape(m.group(1))) else m.group(3)


def _unimage(m: re.Match[str]) -> str:
    return m.group(0) if safe_href(html.unescape(m.group(1))) else m.group(2)


def _inline(markdown: str) -> str:
    """Inline Markdown as safe HTML, without the surrounding <p>: cmark-gfm's safe mode (raw HTML
    dropped), then every link and image whose url is not safe reduced to its text."""
    if not markdown:
        return ""
    import cmarkgfm

    out = cmarkgfm.github_flavored_markdown_to_html(markdown).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    if "<a " in out:
        out = _A.sub(_unlink, out)
    if "<img " in out:
        out = _IMG.sub(_unimage, out)
    return out


def _blocks(markdown: str) -> str:
    """Block Markdown (an intro, a legend, a section's notes) as safe HTML, as `_inline` does it."""
    import cmarkgfm

    out = cmarkgfm.github_flavored_markdown_to_html(markdown)
    if "<a " in out:
        out = _A.sub(_unlink, out)
    if "<img " in out:
        out = _IMG.sub(_unimage, out)
    return out


def _said_once(cols: list[Column], entries: list[Entry]) -> tuple[list[Column], list[tuple[str, str]]]:
    """The columns worth a column, and (title, value) of the attribute columns whose value is the
    same for every entry (shown once above the table). Columns no entry fills are left out."""
    keep: list[Column] = []
    constant: list[tuple[str, str]] = []
    for c in cols:
        if c.role not in ("attribute", "link"):
            keep.append(c)
            continue
        if c.role == "link":
            values = {tuple(lk.url for lk in e.links if (lk.label or "").lower() == c.title.lower() and not lk.inline) for e in entries}
            if values != {()}:
                keep.append(c)
            continue
        texts = {value_text(e.attributes.get(c.key, "")) for e in entries}
        if len(texts) > 1:
            keep.append(c)
        elif texts != {""}:
            constant.append((c.title, texts.pop()))
    return keep, constant


_URL_LIKE = re.compile(r"[^\s<>&]{20,}")  # a long run with no space (a url as link text), outside tags and entities
_BREAK_AFTER = re.compile(r"([/?=&_.-])(?=[^/?=&_.-])")


def _breakable(inner_html: str) -> str:
    """Long url-like link texts may wrap after `/`, `.`, `-`… (a `<wbr>`), not mid-word."""
    if "<" in inner_html:  # markup inside (code, emphasis): left as it is
        return inner_html
    return _URL_LIKE.sub(lambda m: _BREAK_AFTER.sub(r"\1<wbr>", m.group(0)), inner_html)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _link_text(lk_text: str | None, url: str) -> str:
    """A link cell shows the link's own text; only a link without one shows its host."""
    return lk_text if lk_text and lk_text != url else _host(url)


def _link(url: str | None, inner_html: str, attrs: str = "") -> str:
    """`<a href>` around already-escaped `inner_html`, or just the text when the url is not safe."""
    href = safe_href(url)
    if href is None:
        return inner_html
    return f'<a href="{html.escape(href)}"{attrs}>{inner_html}</a>'


def _host(url: str) -> str:
    """`physionet.org` for https://www.physionet.org/content/…: short link text for table cells."""
    rest = url.split("://", 1)[-1]
    host = rest.split("/", 1)[0].split("?", 1)[0]
    return host.removeprefix("www.") or url


def render_html(doc: Document, columns: list[str] | None = None, datasets: bool = False) -> str:
    """The page; with `datasets`, one schema.org `Dataset` per entry in JSON-LD (for dataset search)."""
    title = plain_text(doc.title or "") or doc.path
    entries: list[tuple[tuple[str, ...], Entry]] = []
    for path, block in doc.iter_blocks():
        for e in flatten(getattr(block, "entries", [])):
            entries.append((path, e))
    for path, sec in doc.iter_sections():
        if sec.entry is not None:
            entries.append((path, sec.entry))
    known = [c for _, b in doc.iter_blocks() for c in getattr(b, "columns", [])]
    cols = columns_for([e for _, e in entries], known)
    if columns:
        from awesomelint.render.views import pick_columns

        cols = pick_columns(cols, columns)
    constant: list[tuple[str, str]] = []
    if not columns and len(entries) > 1:  # a column that says the same for every entry is said once
        cols, constant = _said_once(cols, [e for _, e in entries])
    attr_cols = [c for c in cols if c.role == "attribute"]
    filters = []
    for c in attr_cols:
        seen: dict[str, int] = {}
        for _, e in entries:
            v = e.attributes.get(c.key)
            for item in v if isinstance(v, list) else ([v] if v not in (None, "") else []):
                seen[str(item)] = seen.get(str(item), 0) + 1
        # a filter is worth offering when values repeat (not for counts or free text)
        if 1 < len(seen) <= MAX_FILTER_VALUES and max(seen.values()) > 1:
            filters.append((c, sorted(seen)))

    slugs = SlugCounter()
    section_ids: dict[str, str] = {}
    counts: dict[str, int] = {}
    for path, _ in entries:
        label = " › ".join(path) or "(top)"
        counts[label] = counts.get(label, 0) + 1
        if label not in section_ids:
            section_ids[label] = "s-" + (slugs.add(label) or "top")

    e_ = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e_(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e_(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>{e_(title)}</h1>",
        f'<p class="count">{_plural(len(entries), "entry", "entries")} in {_plural(len(section_ids), "section", "sections")}</p>',
    ]
    if constant:
        said = "; ".join(f"{e_(title)} {e_(value)}" for title, value in constant)
        out.append(f'<p class="count">Every entry: {said}</p>')
    intro = [b.markdown for b in doc.intro if isinstance(b, Prose) and b.kind not in ("toc", "reference")]
    if intro:  # the list's own introduction and legends (`P: patient demographics, …`)
        out.append(f'<div class="intro">{"".join(_blocks(m) for m in intro)}</div>')
    out.append("</header>")
    if len(section_ids) > 1:  # an index of one section says nothing; a long one folds away
        opened = " open" if len(section_ids) <= 12 else ""
        out.append(f'<nav aria-label="Sections"><details{opened}><summary>{_plural(len(section_ids), "section", "sections")}</summary><ul>')
        for label, sid in section_ids.items():
            tally = f'<span class="count" data-section="{e_(label)}" data-all="{counts[label]}">({counts[label]})</span>'
            out.append(f'<li><a href="#{sid}">{e_(label)}</a> {tally}</li>')
        out.append("</ul></details></nav>")
    out.append("<main>")
    out.append('<div id="controls" hidden><input type="search" id="search" placeholder="Search entries" aria-label="Search entries">')
    for i, (c, values) in enumerate(filters):
        opts = "".join(f'<option value="{e_(v)}">{e_(v)}</option>' for v in values)
        # filters are numbered: no attribute name on the page is ever made from the data
        out.append(f'<label>{e_(c.title)} <select name="f{i}" data-filter="{i}"><option value="">all</option>{opts}</select></label>')
    out.append('<span id="count" class="count"></span></div>')
    out.append('<div class="wrap"><table id="entries"><thead><tr>')
    head = []
    show_section = len(section_ids) > 1  # one section: a column repeating it says nothing
    for c in cols:
        head.append(f'<th aria-sort="none"><button type="button">{e_(c.title)}</button></th>')
        if c.role == "name" and show_section:
            head.append('<th aria-sort="none"><button type="button">Section</button></th>')
    out.append("".join(head) + "</tr></thead><tbody>")
    first_row: set[str] = set()
    for path, e in entries:
        label = " › ".join(path) or "(top)"
        sid = section_ids[label]
        attrs = [f'data-section="{e_(label)}"']
        if sid not in first_row:
            first_row.add(sid)
            attrs.append(f'id="{sid}"')
        for i, (c, _) in enumerate(filters):
            v = e.attributes.get(c.key)
            vals = [str(x) for x in v] if isinstance(v, list) else ([str(v)] if v not in (None, "") else [])
            attrs.append(f'data-f{i}="{e_(json.dumps(vals))}"')
        cells = []
        for c in cols:
            if c.role == "name":
                name = _inline(e.name or "")
                cells.append(f'<td class="name">{_link(e.url, name)}</td>')
                if show_section:
                    cells.append(f"<td>{e_(label)}</td>")
            elif c.role == "description":
                cells.append(f'<td class="desc">{_inline(e.description)}</td>')
            elif c.role == "link":
                links = [
                    _link(lk.url, _breakable(_inline(_link_text(lk.text, lk.url))), f' title="{e_(lk.url)}"')
                    for lk in e.links
                    if (lk.label or "").lower() == c.title.lower() and not lk.inline
                ]
                cells.append(f'<td class="link">{"<br>".join(links)}</td>')
            else:
                v = e.attributes.get(c.key, "")
                cells.append(f"<td>{_inline(', '.join(map(str, v)) if isinstance(v, list) else str(v))}</td>")
        out.append(f"<tr {' '.join(attrs)}>{''.join(cells)}</tr>")
    out.append("</tbody></table></div>")
    notes = [(" › ".join(path), b.markdown) for path, b in doc.iter_blocks() if path and isinstance(b, Prose) and b.kind not in ("toc", "reference")]
    if notes:  # what sections say besides their entries: notes, legends, tables we keep as text
        out.append('<section class="notes"><h2>Notes by section</h2>')
        for label, markdown in notes:
            out.append(f"<h3>{e_(label)}</h3>{_blocks(markdown)}")
        out.append("</section>")
    out.append("</main>")
    if datasets:  # data for search engines, never run: CSP does not apply to it, nothing breaks out of it
        out.append(f'<script type="application/ld+json">{dataset_json_ld(entries, legends(doc))}</script>')
    out.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(out) + "\n"


# -- schema.org Dataset records (JSON-LD) -------------------------------------------------------

_KEYWORD_KEYS = ("data_types", "types", "type", "category", "categories", "modality", "modalities", "tags", "topics")
_FREE = re.compile(r"(?i)\b(open|public|free|none|no registration)\b")
_NOT_FREE = re.compile(r"(?i)\b(credential|registration|restricted|request|licen[cs]e|agreement|dua|controlled|application|paid|approval)\w*")


def dataset_json_ld(entries: list[tuple[tuple[str, ...], Entry]], legend: dict[str, dict[str, str]] | None = None) -> str:
    """One schema.org `Dataset` per entry, as the text of a `<script type="application/ld+json">`.
    `legend` (attribute key → code → meaning) turns codes such as `P` into words for `keywords`.

    Nothing in it can end the script element: `<`, `>` and `&` (and the two JavaScript line
    separators) are written as JSON escapes, so `</script>` in a description stays text."""
    graph = [_dataset(path, e, legend or {}) for path, e in entries if e.name]
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


_LEGEND_ITEM = re.compile(r"([A-Za-z0-9]{1,4})(?:\s*[:=]\s*|\s+)(\S.*)")


def legends(doc: Document) -> dict[str, dict[str, str]]:
    """What the list's intro says its codes mean: a line `Data types: P patient demographics,
    L laboratory tests, …` (a column's title, then code-meaning pairs) → {"data_types": {"P": …}}."""
    titles = {c.title.casefold(): c.key for _, b in doc.iter_blocks() for c in getattr(b, "columns", [])}
    out: dict[str, dict[str, str]] = {}
    for block in doc.intro:
        if not isinstance(block, Prose):
            continue
        for line in block.markdown.splitlines():
            title, colon, rest = plain_text(line).partition(":")
            key = titles.get(title.strip().casefold()) if colon else None
            if key is None:
                continue
            pairs = [_LEGEND_ITEM.fullmatch(part.strip()) for part in _top_level_commas(rest.strip().rstrip("."))]
            if len(pairs) >= 2 and all(pairs):
                out[key] = {m.group(1): m.group(2).strip() for m in pairs if m}
    return out


def _top_level_commas(text: str) -> list[str]:
    """`a, b (c, d), e` → [`a`, `b (c, d)`, `e`]: commas inside parentheses stay."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch in "(（"
        depth -= ch in ")）" and depth > 0
        if ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def _dataset(path: tuple[str, ...], e: Entry, legend: dict[str, dict[str, str]]) -> dict[str, object]:
    name = plain_text(e.name or "")
    d: dict[str, object] = {"@type": "Dataset", "name": name, "description": plain_text(e.description or "") or name}
    url = safe_href(e.url)
    if url and url.startswith(("http://", "https://")):
        d["url"] = url
    keywords: list[str] = [path[-1]] if path else []  # the category
    for key in _KEYWORD_KEYS:
        v = e.attributes.get(key)
        meaning = legend.get(key, {})
        keywords += [meaning.get(str(x), str(x)) for x in (v if isinstance(v, list) else ([v] if v not in (None, "") else []))]
    if keywords:
        d["keywords"] = keywords
    access = e.attributes.get("access")
    if isinstance(access, str) and access.strip():
        if _NOT_FREE.search(access):
            d["isAccessibleForFree"] = False
            d["conditionsOfAccess"] = access
        elif _FREE.search(access):
            d["isAccessibleForFree"] = True
    citations, downloads = [], []
    for lk in e.links:
        href = safe_href(lk.url)
        if lk.inline or not href or not href.startswith(("http://", "https://")):
            continue
        role = (lk.label or "").casefold()
        if role in ("paper", "citation", "publication", "article", "intro"):
            citations.append(href)
        elif role in ("data", "download", "dataset", "datasets", "access"):
            downloads.append({"@type": "DataDownload", "contentUrl": href})
    if citations:
        d["citation"] = citations
    if downloads:
        d["distribution"] = downloads
    return d


__all__ = ["csv_rows", "dataset_json_ld", "render_html"]
