"""Minutes knowledge that more than one stage uses, one copy each: UK dates
(``dates``), English word frequencies (``words``) and agenda-item heading rules
(``itemtext``). Nothing here imports a stage."""
