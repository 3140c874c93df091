"""Minutes knowledge that more than one stage uses, one copy each: UK dates
(``dates``), English word frequencies (``words``), agenda-item heading rules
(``itemtext``) and written lengths of time (``durations``). Nothing here
imports a stage."""
