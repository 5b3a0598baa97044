"""The rules' reference page (docs/rules.md), made from the rules' own docstrings.

`awesomelint rules --markdown` prints it; a test keeps the committed page in step with the code.
"""

from __future__ import annotations

import inspect

from awesomelint.lint.engine import Rule, all_rules

_FAMILIES = {
    "suppressions": "AL0xx suppressions",
    "entries": "AL1xx entries",
    "duplicates": "AL2xx duplicates",
    "tables": "AL3xx tables",
    "structure": "AL4xx structure",
    "style": "AL5xx style (what `fmt` writes)",
    "awesome": "AL6xx awesome-lint conventions",
    "schema": "AL7xx schema from config",
    "links": "AL8xx links (`awesomelint links`, network)",
}


def rules_markdown() -> str:
    """The whole page: an index table, then each rule's what, why and example, grouped by family."""
    rules = sorted(all_rules().values(), key=lambda r: r.code)
    out = [
        "# Rules",
        "",
        "<!-- made by `awesomelint rules --markdown` from the rules' docstrings; do not edit by hand -->",
        "",
        "| Code | Name | Default | Fixable | What it checks |",
        "|---|---|---|---|---|",
    ]
    for r in rules:
        out.append(f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {'on' if r.default else 'opt-in'} | {'yes' if r.fixable else ''} | {_cell(r.summary)} |")
    family = None
    for r in rules:
        if r.family != family:
            family = r.family
            out += ["", f"## {_FAMILIES.get(family, family)}"]
        out += ["", f"### {r.code}", "", *_body(r)]
    return "\n".join(out) + "\n"


def _body(r: Rule) -> list[str]:
    state = "on by default" if r.default else "off by default: turn it on with `extend-select`"
    head = [f"`{r.name}` — {state}{'; `--fix` repairs it' if r.fixable else ''}.", ""]
    doc = inspect.cleandoc(r.func.__doc__ or "")
    what, _, rest = doc.partition("\n\n")
    lines = [" ".join(what.split()), ""]
    for part in rest.split("\n\n"):
        part = part.strip("\n")
        if part.startswith("Example:"):
            example = inspect.cleandoc(part[len("Example:") :])
            lines += ["```markdown", example, "```", ""]
        elif part:
            lines += [" ".join(part.split()), ""]
    return head + lines[:-1] if lines and lines[-1] == "" else head + lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
