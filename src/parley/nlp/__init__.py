"""Everything that touches spaCy lives here; only ``parley.types`` objects leave this package."""
