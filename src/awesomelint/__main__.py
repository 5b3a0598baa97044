"""The `awesomelint` command and `python -m awesomelint`.

`--version`, and a `lint` or `fmt` run whose last identical run stands (see `warm`), are answered here,
before the command-line interface (click and every command's imports) is loaded: start-up is
what a pre-commit hook or an editor pays on every call. Any other command compiles its regular
expressions from the table earlier runs kept (`patterns`); a simple `lint` or `fmt` command line
(list files and flags, see `commands`) runs without click.
"""

from __future__ import annotations

import sys

short_path = True  # tests turn it off to prove that click, reading the same command line, does the same


def run() -> None:
    """Run the command; a failure to write its output (a full disk, a closed terminal) is one
    line on standard error and exit 2, wherever it happens, the final flush included."""
    code: int | str | None = 0
    try:
        _run()
    except SystemExit as done:
        code = done.code
    except OSError as err:
        code = _cannot_write(err)
    try:
        sys.stdout.flush()  # what is still buffered is written now, not at exit where no one reports it
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as err:
        code = _cannot_write(err)
    if code not in (0, None):
        sys.exit(code)


def _cannot_write(err: OSError) -> int:
    """Say that the output could not be written (exit 2); any other error goes on up."""
    from awesomelint.errors import output_failure

    said = output_failure(err)
    if said is None:
        raise err
    sys.stderr.write(said + "\n")
    return 2


def _run() -> None:
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

    from awesomelint import patterns

    patterns.install()  # the compiled patterns of earlier runs (before click, mistune and ours compile theirs)
    try:
        simple = None
        if short_path:
            from awesomelint.commands import simple as simple_run

            simple = simple_run(argv)  # (None for any command but a simple lint or fmt)
        if simple is None:
            from awesomelint.cli import main
        # Records are trees without cycles, made by the hundred thousand: the collector's passes over
        # them find nothing (1.2-1.4× on 100k entries). Objects alive after the imports are frozen
        # out of its way, and a pass starts after many more allocations.
        gc.freeze()
        gc.set_threshold(50_000, 20, 100)
        if simple is not None:
            from awesomelint.errors import reported

            reported(simple)
        else:
            main(obj={"argv": argv})  # the command line as given: the name of a lint run's cached answer
    finally:
        patterns.keep()


if __name__ == "__main__":
    run()
