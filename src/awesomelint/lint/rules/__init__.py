"""Rule families: importing this package registers every rule.

Codes: AL0xx suppressions, AL1xx entries, AL2xx duplicates, AL3xx tables, AL4xx structure,
AL5xx style (fixable; what `fmt` produces), AL6xx awesome-lint conventions (opt-in),
AL7xx schema from config (opt-in), AL8xx link checks (`awesomelint links` only).
"""

from awesomelint.lint.rules import (  # noqa: F401
    awesome,
    duplicates,
    entries,
    links,
    schema,
    structure,
    style,
    suppressions,
    tables,
)
