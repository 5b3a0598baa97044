"""The `awesomelint` command and `python -m awesomelint`.

`--version` is answered here, before the command-line interface (click and every command's
imports) is loaded: start-up is what a pre-commit hook or an editor pays on every call.
"""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from awesomelint import __version__

        sys.stdout.write(f"awesomelint, version {__version__}\n")  # the same line as click's option
        return
    from awesomelint.cli import main

    main()


if __name__ == "__main__":
    run()
