"""Records ⇄ plain data ⇄ YAML/JSON.

`to_data` and `from_data` define the schema (documented in README.md). Every entry, at any
depth, has the keys name, url, description, links, attributes, children, line, end_line; keys
that record how an entry was written (separator, name_format, …) appear only when they are not
the canonical default. YAML is written by ruamel.yaml (safe dumper, C extension): key order
kept, no line wrapping, block scalars for multi-line text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from awesomelint.errors import InputError
from awesomelint.model import (
    Block,
    Column,
    Document,
    Entry,
    EntryList,
    Link,
    Prose,
    Section,
    Table,
)

SCHEMA_VERSION = 1


# -- model → data -------------------------------------------------------------------------------
def link_data(link: Link) -> dict[str, Any]:
    d: dict[str, Any] = {"label": link.label, "url": link.url}
    if link.text is not None:
        d["text"] = link.text
    d["line"] = link.line
    if link.inline:
        d["inline"] = True
    if link.label_colon is not None:
        d["label_colon"] = link.label_colon
    return d


def entry_data(e: Entry) -> dict[str, Any]:
    d: dict[str, Any] = {
        "name": e.name,
        "url": e.url,
        "description": e.description,
        "links": [link_data(lk) for lk in e.links],
        "attributes": dict(e.attributes),
        "children": [entry_data(c) for c in e.children],
        "line": e.line,
        "end_line": e.end_line,
    }
    if e.url_text is not None:
        d["url_text"] = e.url_text
    if e.url_separator is not None:
        d["url_separator"] = e.url_separator
    if e.url_at_end:
        d["url_at_end"] = True
    if e.separator is not None:
        d["separator"] = e.separator
    if e.name_format is not None:
        d["name_format"] = e.name_format
    if e.description_format is not None:
        d["description_format"] = e.description_format
    if e.notes:
        d["notes"] = list(e.notes)
        if e.leading_notes:
            d["leading_notes"] = e.leading_notes
    if e.loose_children:
        d["loose_children"] = True
    if e.marker != "-" and e.marker[-1:] in ".)":
        d["marker"] = e.marker
    if e.sources:
        d["sources"] = [dict(s) for s in e.sources]
    return d


def block_data(b: Block) -> dict[str, Any]:
    if isinstance(b, Prose):
        d: dict[str, Any] = {"prose": b.markdown}
        if b.kind != "prose":
            d["kind"] = b.kind
        d["line"] = b.line
        return d
    if isinstance(b, Table):
        t: dict[str, Any] = {
            "columns": [_column_data(c) for c in b.columns],
            "entries": [entry_data(e) for e in b.entries],
            "line": b.line,
        }
        if b.markdown is not None:
            t["markdown"] = b.markdown
        return {"table": t}
    lst: dict[str, Any] = {"style": b.style}
    if b.loose:
        lst["loose"] = True
    if b.columns:
        lst["columns"] = [_column_data(c) for c in b.columns]
    lst["entries"] = [entry_data(e) for e in b.entries]
    lst["line"] = b.line
    if b.markdown is not None:
        lst["markdown"] = b.markdown
    return {"list": lst}


def _column_data(c: Column) -> dict[str, Any]:
    d: dict[str, Any] = {"key": c.key, "title": c.title, "role": c.role}
    if c.align:
        d["align"] = c.align
    if c.split:
        d["split"] = True
    return d


def section_data(s: Section) -> dict[str, Any]:
    d: dict[str, Any] = {"title": s.title, "level": s.level, "line": s.line}
    if s.markdown is not None:
        d["heading"] = s.markdown
    if s.entry is not None:
        d["entry"] = entry_data(s.entry)
    d["content"] = [block_data(b) for b in s.content]
    d["sections"] = [section_data(c) for c in s.sections]
    return d


def to_data(doc: Document) -> dict[str, Any]:
    d: dict[str, Any] = {"awesomelint": SCHEMA_VERSION, "path": doc.path}
    if doc.front_matter is not None:
        d["front_matter"] = doc.front_matter
    d["title"] = doc.title
    d["style"] = doc.style
    d["intro"] = [block_data(b) for b in doc.intro]
    d["sections"] = [section_data(s) for s in doc.sections]
    return d


# -- data → model -------------------------------------------------------------------------------
class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> InputError:
        return InputError(self.path, f"{where}: {problem}")

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected a mapping, found {type(value).__name__}")
        return value

    def seq(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, found {type(value).__name__}")
        return value

    def text(self, value: Any, where: str, optional: bool = True) -> str | None:
        if value is None and optional:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            raise self.fail(where, f"expected text, found {type(value).__name__}")
        return value

    def link(self, d: Any, where: str) -> Link:
        d = self.mapping(d, where)
        url = self.text(d.get("url"), where + ".url", optional=False) or ""
        return Link(
            self.text(d.get("label"), where + ".label"),
            url,
            self.text(d.get("text"), where + ".text"),
            int(d.get("line") or 0),
            bool(d.get("inline", False)),
            self.text(d.get("label_colon"), where + ".label_colon"),
        )

    def entry(self, d: Any, where: str) -> Entry:
        d = self.mapping(d, where)
        attrs = d.get("attributes") or {}
        self.mapping(attrs, where + ".attributes")
        return Entry(
            name=self.text(d.get("name"), where + ".name"),
            url=self.text(d.get("url"), where + ".url"),
            description=self.text(d.get("description"), where + ".description") or "",
            links=[self.link(x, f"{where}.links[{i}]") for i, x in enumerate(self.seq(d.get("links"), where + ".links"))],
            attributes=dict(attrs),
            children=[self.entry(x, f"{where}.children[{i}]") for i, x in enumerate(self.seq(d.get("children"), where))],
            line=int(d.get("line") or 0),
            end_line=int(d.get("end_line") or 0),
            separator=self.text(d.get("separator"), where + ".separator"),
            url_text=self.text(d.get("url_text"), where + ".url_text"),
            url_separator=self.text(d.get("url_separator"), where + ".url_separator"),
            url_at_end=bool(d.get("url_at_end", False)),
            notes=[self.text(x, where + ".notes", optional=False) or "" for x in self.seq(d.get("notes"), where)],
            marker=str(d.get("marker") or "-"),
            name_format=self.text(d.get("name_format"), where + ".name_format"),
            description_format=self.text(d.get("description_format"), where + ".description_format"),
            leading_notes=int(d.get("leading_notes") or 0),
            sources=[self.mapping(s, where + ".sources") for s in self.seq(d.get("sources"), where + ".sources")],
            loose_children=bool(d.get("loose_children", False)),
        )

    def block(self, d: Any, where: str) -> Block:
        d = self.mapping(d, where)
        if "prose" in d:
            return Prose(self.text(d["prose"], where + ".prose", optional=False) or "", d.get("kind", "prose"), int(d.get("line") or 0))
        if "list" in d:
            lst = self.mapping(d["list"], where + ".list")
            entries = [self.entry(x, f"{where}.list.entries[{i}]") for i, x in enumerate(self.seq(lst.get("entries"), where))]
            return EntryList(
                str(lst.get("style") or "bullet"),
                entries,
                int(lst.get("line") or 0),
                markdown=self.text(lst.get("markdown"), where + ".list.markdown"),
                loose=bool(lst.get("loose", False)),
                columns=self.columns(lst.get("columns"), where + ".list.columns"),
            )
        if "table" in d:
            t = self.mapping(d["table"], where + ".table")
            columns = self.columns(t.get("columns"), where + ".table.columns")
            entries = [self.entry(x, f"{where}.table.entries[{i}]") for i, x in enumerate(self.seq(t.get("entries"), where))]
            return Table(columns, entries, int(t.get("line") or 0), markdown=self.text(t.get("markdown"), where + ".table.markdown"))
        raise self.fail(where, "a block must have one of the keys prose, list, table")

    def columns(self, value: Any, where: str) -> list[Column]:
        out = []
        for i, c in enumerate(self.seq(value, where)):
            c = self.mapping(c, f"{where}[{i}]")
            role = str(c.get("role", "attribute"))
            if role not in ("name", "url", "description", "link", "attribute"):
                raise self.fail(f"{where}[{i}].role", "one of name, url, description, link, attribute")
            out.append(Column(str(c.get("key")), str(c.get("title", c.get("key"))), c.get("align"), role, bool(c.get("split", False))))
        return out

    def section(self, d: Any, where: str) -> Section:
        d = self.mapping(d, where)
        title = self.text(d.get("title"), where + ".title", optional=False) or ""
        level = d.get("level", 2)
        if not isinstance(level, int) or not 1 <= level <= 6:
            raise self.fail(where + ".level", "a heading level is a number from 1 to 6")
        sec = Section(title, level, int(d.get("line") or 0), markdown=self.text(d.get("heading"), where + ".heading"))
        if d.get("entry") is not None:
            sec.entry = self.entry(d["entry"], where + ".entry")
        sec.content = [self.block(x, f"{where}.content[{i}]") for i, x in enumerate(self.seq(d.get("content"), where))]
        sec.sections = [self.section(x, f"{where}.sections[{i}]") for i, x in enumerate(self.seq(d.get("sections"), where))]
        return sec


def from_data(data: Any, path: str = "<data>") -> Document:
    r = _Reader(path)
    if not isinstance(data, dict) or "awesomelint" not in data:
        raise InputError(path, "not an awesomelint data file (no top-level 'awesomelint' key); convert a Markdown list first")
    doc = Document(path=str(data.get("path") or path))
    doc.front_matter = r.text(data.get("front_matter"), "front_matter")
    doc.title = r.text(data.get("title"), "title")
    doc.style = r.text(data.get("style"), "style")
    doc.intro = [r.block(x, f"intro[{i}]") for i, x in enumerate(r.seq(data.get("intro"), "intro"))]
    doc.sections = [r.section(x, f"sections[{i}]") for i, x in enumerate(r.seq(data.get("sections"), "sections"))]
    return doc


def assign_data_lines(doc: Document, text: str) -> None:
    """Give every entry of a document loaded from YAML/JSON the line of its mapping in `text`, so
    that lint reports point into the data file (matched by name and url, in document order)."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    try:
        root = _yaml().compose(text)
    except Exception:
        return
    lines: dict[tuple[Any, Any], list[int]] = {}
    stack = [root] if root is not None else []
    order: list[tuple[tuple[Any, Any], int]] = []
    seen: set[int] = set()
    while stack:  # pre-order without recursion
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            keys = {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}
            if "name" in keys or "url" in keys:
                ident = tuple(keys[k].value if isinstance(keys.get(k), ScalarNode) else None for k in ("name", "url"))
                order.append((ident, node.start_mark.line + 1))  # type: ignore[arg-type]
            stack.extend(v for _, v in reversed(node.value))
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
    for ident, line in order:
        lines.setdefault(ident, []).append(line)
    for _, e in doc.iter_entries():
        found = lines.get((e.name, e.url))
        if found:
            e.line = e.end_line = found.pop(0)


# -- YAML / JSON text ---------------------------------------------------------------------------
def _resolver() -> Any:
    """ruamel's resolver, asking only once which YAML version applies.

    Its `versioned_resolver` asks for every scalar, through the scanner the C parser does not have
    (an exception each time): a third of a load. With the C parser the answer is always the
    loader's own version (a `%YAML` directive is not seen), and with the Python one it is fixed
    once the document's directives are read, before its first scalar: the first answer stands."""
    from ruamel.yaml.resolver import VersionedResolver

    class Resolver(VersionedResolver):
        @property
        def versioned_resolver(self) -> Any:
            found = self.__dict__.get("_versioned")
            if found is None:
                found = self.__dict__["_versioned"] = VersionedResolver.versioned_resolver.fget(self)  # type: ignore[attr-defined]
            return found

    return Resolver


def _yaml() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.representer import SafeRepresenter

    class Representer(SafeRepresenter):
        def ignore_aliases(self, data: Any) -> bool:  # no &anchors / *aliases: files people edit
            return True

    def str_repr(rep: Any, s: str) -> Any:
        style = "|" if "\n" in s and not any(ln != ln.rstrip() for ln in s.split("\n")) else None
        return rep.represent_scalar("tag:yaml.org,2002:str", s, style=style)

    Representer.add_representer(str, str_repr)
    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = _resolver()
    yaml.Representer = Representer
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.width = 1_000_000
    yaml.allow_unicode = True
    return yaml


def dump_yaml(data: Any) -> str:
    import io

    buf = io.StringIO()
    _yaml().dump(data, buf)
    return buf.getvalue()


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


MAX_ALIAS_NODES = 10_000  # how many nodes aliases may add, in all, when expanded
# where an alias (`*name`) can stand: at a line's start after indentation, or after an indicator
# (`-`, `?`, `:`, `,`, `[`, `{`, `---`) and blanks; a `*` elsewhere is inside a scalar ("a **bold**
# word", a url), and a text with no alias cannot expand
_MAY_HOLD_AN_ALIAS = re.compile(r"(?:^[ \t]*|[-?:,\[{][ \t]*)\*[^\s\[\]{},]", re.M)
MAX_DEPTH = 200  # nesting of mappings and sequences


def load_yaml(text: str, path: str) -> Any:
    """YAML (or JSON) text as plain data, within limits: aliases may not expand to more than
    `MAX_ALIAS_NODES` extra nodes (an "alias bomb" of a few lines would take gigabytes), nor
    may collections nest deeper than `MAX_DEPTH`. Every failure is one `InputError`."""
    yaml = _yaml()
    try:
        if _MAY_HOLD_AN_ALIAS.search(text):  # aliases: measure what they expand to before building anything
            node = yaml.compose(text)
            if node is not None:
                _check_expansion(node, path)
            data = yaml.constructor.construct_document(node) if node is not None else None
        else:
            data = yaml.load(text)
    except InputError:
        raise
    except RecursionError:
        raise InputError(path, f"nested too deeply (at most {MAX_DEPTH} levels)") from None
    except MemoryError:
        raise InputError(path, "too large to load") from None
    except Exception as err:  # ruamel raises many error types; all mean "not valid YAML"
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).split("\n")[0]
        raise InputError(path, f"malformed YAML{where}: {problem}") from None
    _check_depth(data, path)
    return data


def _check_expansion(root: Any, path: str) -> None:
    """Count the nodes the document has once every alias is expanded (memoised, so linear in the
    nodes written) and refuse when aliases add more than `MAX_ALIAS_NODES`."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    sizes: dict[int, int] = {}
    unique = 0
    # iterative post-order walk: no recursion, whatever the depth
    stack: list[tuple[Any, bool]] = [(root, False)]
    on_path: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            if isinstance(node, MappingNode):
                kids = [n for pair in node.value for n in pair]
            else:
                kids = list(node.value)
            sizes[key] = 1 + sum(sizes[id(k)] for k in kids)
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise InputError(path, "YAML alias refers to itself; not loaded")
        unique += 1
        if isinstance(node, (MappingNode, SequenceNode)):
            on_path.add(key)
            stack.append((node, True))
            kids = [n for pair in node.value for n in pair] if isinstance(node, MappingNode) else list(node.value)
            stack.extend((k, False) for k in kids if id(k) not in sizes)
        else:
            sizes[key] = 1
    total = sizes.get(id(root), 0)
    if total - unique > MAX_ALIAS_NODES:
        raise InputError(path, f"YAML aliases would expand to {total:,} nodes from {unique:,} written (at most {MAX_ALIAS_NODES:,} more); not loaded")


def _check_depth(data: Any, path: str) -> None:
    stack: list[tuple[Any, int]] = [(data, 1)]
    seen: set[int] = set()
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise InputError(path, f"nested too deeply (more than {MAX_DEPTH} levels)")
            if id(value) in seen:
                continue
            seen.add(id(value))
            items = value.values() if isinstance(value, dict) else value
            stack.extend((v, depth + 1) for v in items)


def strip_lines(data: Any) -> Any:
    """The data without line numbers and paths: what must survive a round trip."""
    if isinstance(data, dict):
        return {k: strip_lines(v) for k, v in data.items() if k not in ("line", "end_line", "path")}
    if isinstance(data, list):
        return [strip_lines(v) for v in data]
    return data


def records_only(data: Any) -> Any:
    """The records of the data: lines aside, and prose reduced to its kind (its bytes are
    Markdown we keep, not records; the page check guards them)."""
    if isinstance(data, dict):
        if "prose" in data:
            return {"prose": data.get("kind", "prose")}
        return {k: records_only(v) for k, v in data.items() if k not in ("line", "end_line", "path", "markdown")}
    if isinstance(data, list):
        return [records_only(v) for v in data]
    return data
