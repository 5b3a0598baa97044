"""Suppression rules (AL0xx): comments that suppress nothing. The engine reports them."""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.engine import Diagnostic, FileContext, rule


@rule("AL001", "unused-suppression")
def unused_suppression(ctx: FileContext) -> Iterator[Diagnostic]:
    """An `awesomelint-disable…` comment suppresses no diagnostic.

    Why: stale suppressions hide the next real problem at that place; remove them once the
    problem is fixed.

    Example:
        <!-- awesomelint-disable-next-line AL201 -->
        - [MIMIC](https://mimic.mit.edu/) - the only link to this page.   # bad: nothing to suppress
    """
    return iter(())  # computed by the runner after all other rules ran
