"""awesomelint: parse, lint, format and convert curated "awesome" lists in Markdown."""

__version__ = "0.1.0"
