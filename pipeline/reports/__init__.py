"""What a person asks the store: listings and search (``query``), the flag
(``flag``, rendered by ``render``), one action in detail (``detail``), figures
that disagree (``consistency``), a scheme's timeline (``timeline``), the export
(``export``) and scores against gold (``evaluate``). They read; only ``cli/``
and ``web/`` import them."""
