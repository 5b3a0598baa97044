"""Schema rules (AL7xx) from `[tool.awesomelint.schema]`: required links and attributes, allowed values.

They are on whenever the config has a schema table.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.engine import Diagnostic, FileContext, rule
from awesomelint.lint.rules.entries import entry_blocks


def _top_entries(ctx: FileContext) -> Iterator:
    for _, e, depth in entry_blocks(ctx):
        if depth == 0 and (e.url or e.links):
            yield e


@rule("AL701", "required-link", default=False, records=True, local=True)
def required_link(ctx: FileContext) -> Iterator[Diagnostic]:
    """An entry lacks a link with a label the config requires (`required-links = ["Data"]`).

    Why: a dataset list promises where the data is; an entry without its `Data` link does not
    keep that promise. Labels are compared case-insensitively.

    Example:
        - **eICU** (200k)
          - Intro:
            - [eICU](https://eicu-crd.mit.edu/)          # bad: no Data link
          - Data:
            - [eICU v2.0](https://physionet.org/content/eicu-crd/2.0/)   # good
    """
    required = ctx.settings.get("schema", {}).get("required-links", [])
    for e in _top_entries(ctx):
        labels = {(lk.label or "").lower() for lk in e.links}
        labels |= {part.strip() for label in labels for part in label.split("&")}
        for need in required:
            if need.lower() not in labels:
                yield ctx.diag(e.line, 1, "AL701", f"entry '{(e.name or '').strip()[:50]}' has no '{need}' link")


@rule("AL702", "required-attribute", default=False, records=True, local=True)
def required_attribute(ctx: FileContext) -> Iterator[Diagnostic]:
    """An entry lacks an attribute the config requires (`required-attributes = ["data_types"]`).

    Why: attributes are what make a list searchable and comparable; a missing one is a gap.

    Example:
        | [MIMIC](https://mimic.mit.edu/) |  | ~45,000 |       # bad: no data_types
        | [MIMIC](https://mimic.mit.edu/) | P, L, T | ~45,000 | # good
    """
    required = ctx.settings.get("schema", {}).get("required-attributes", [])
    for e in _top_entries(ctx):
        for key in required:
            value = e.attributes.get(key)
            if value in (None, "", []):
                yield ctx.diag(e.line, 1, "AL702", f"entry '{(e.name or '').strip()[:50]}' has no '{key}'")


@rule("AL703", "allowed-value", default=False, records=True, local=True)
def allowed_value(ctx: FileContext) -> Iterator[Diagnostic]:
    """An attribute has a value outside the list the config allows.

    Why: a closed vocabulary (`data_types` only from P, L, T, I, O) keeps a list filterable.

    Example:
        allowed-values = { data_types = ["P", "L", "T", "I", "O"] }
        | [MIMIC](https://mimic.mit.edu/) | P, L, X |   # bad: X
    """
    allowed = ctx.settings.get("schema", {}).get("allowed-values", {})
    for e in _top_entries(ctx):
        for key, values in allowed.items():
            value = e.attributes.get(key)
            if value in (None, ""):
                continue
            items = value if isinstance(value, list) else [v.strip() for v in str(value).split(",")]
            bad = [v for v in items if v not in values]
            if bad:
                yield ctx.diag(e.line, 1, "AL703", f"'{key}' has {', '.join(map(repr, bad))}, allowed: {', '.join(map(str, values))}")
