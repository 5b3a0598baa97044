"""Linting: the engine (`engine.py`), the rules (`rules/`, one module per family) and reporters."""
