"""The `awesomelint` command and `python -m awesomelint`.

`--version`, and a `lint` or `fmt` run whose last identical run stands (see `warm`), are answered here,
before the command-line interface (click and every command's imports) is loaded: start-up is
what a pre-commit hook or an editor pays on every call.
"""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from awesomelint import __version__

        sys.stdout.write(f"awesomelint, version {__version__}\n")  # the same line as click's option
        return
    argv = sys.argv[1:]
    if argv[:1] in (["lint"], ["fmt"]) and "--no-cache" not in argv:
        from awesomelint.warm import answer

        code = answer(argv)
        if code is not None:
            sys.exit(code)
    import gc

    from awesomelint.cli import main

    # Records are trees without cycles, made by the hundred thousand: the collector's passes over
    # them find nothing (1.2-1.4× on 100k entries). Objects alive after the imports are frozen
    # out of its way, and a pass starts after many more allocations.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    main(obj={"argv": argv})  # the command line as given: the name of a lint run's cached answer


if __name__ == "__main__":
    run()
