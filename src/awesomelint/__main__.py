"""`python -m awesomelint` runs the command-line interface."""

from awesomelint.cli import main

if __name__ == "__main__":
    main()
