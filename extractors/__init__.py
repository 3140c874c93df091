"""spaCy rule components, one module per extracted kind; their patterns live in
``extractors/patterns`` as data."""
