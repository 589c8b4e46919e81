"""Pure rule functions: they take a spaCy ``Doc`` (plus what earlier rules found) and return
results. No I/O, no model loading; each is tested on hand-built or model-parsed sentences."""
