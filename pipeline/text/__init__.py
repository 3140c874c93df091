"""Minutes knowledge that more than one stage uses, one copy each: UK dates
(``dates``), sentence and paragraph boundaries (``sentences``), inflection
folding (``stems``), rapidfuzz scorers by name (``fuzzy``), written lengths of
time (``durations``), English word frequencies (``words``) and agenda-item
heading rules (``itemtext``). Nothing here imports a stage."""
