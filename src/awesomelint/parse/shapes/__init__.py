"""One module per list shape; `parse/records.py` registers them (a new shape: one module, one line)."""
