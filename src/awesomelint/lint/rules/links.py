"""Link rules (AL8xx): reported by `awesomelint links`, never by `lint` (which stays offline).

Their functions yield nothing: the network checks live in `awesomelint/links.py`. They are
registered so that `awesomelint rule AL801` explains them and configs can name them.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.lint.engine import Diagnostic, FileContext, rule


@rule("AL801", "dead-link", default=False, local=True)
def dead_link(ctx: FileContext) -> Iterator[Diagnostic]:
    """A link does not answer with a success: 404, a 5xx after retries, a timeout, a refused connection.

    Why: dead links are the most common rot in curated lists. Reported only after the link failed
    in `--fail-after N` consecutive runs, so one bad night of a host does not fail a pull request.

    Example:
        - [Old dataset](https://example.org/gone) - 404 since 2021.     # bad: remove or replace it
    """
    return iter(())


@rule("AL802", "permanent-redirect", default=False, fixable=True, local=True)
def permanent_redirect(ctx: FileContext) -> Iterator[Diagnostic]:
    """A link answers with a permanent redirect (301, 308): the list should point at the new address.

    Why: old addresses break when the redirect is dropped, and every visitor pays an extra round
    trip. `awesomelint links --fix` rewrites the url in the Markdown.

    Example:
        - [MIMIC](http://mimic.physionet.org/)      # bad: redirects permanently
        - [MIMIC](https://mimic.mit.edu/)           # good
    """
    return iter(())


@rule("AL803", "flaky-link", default=False, severity="warning", local=True)
def flaky_link(ctx: FileContext) -> Iterator[Diagnostic]:
    """A link failed in this run but not yet in `--fail-after` consecutive runs.

    Why: a warning, not a failure: hosts go down for a night; a link that keeps failing becomes
    AL801.

    Example:
        - [Sometimes down](https://example.org/) - failed 1 of 3 runs.
    """
    return iter(())
