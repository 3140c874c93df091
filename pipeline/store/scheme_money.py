"""Which sums of money belong to a scheme: the one definition, the rules of the
two views (``scheme_amount_links``, ``scheme_amounts``, declared in
store/views.py) that `minutes schemes`, `minutes scheme NAME` and the web UI
all read.

An amount belongs to a scheme only when its own sentence or clause names the
scheme: the amount and a mention of the scheme are in the same document and
agenda item, and the text between them crosses no sentence end, paragraph
break, semicolon, list item or ", and"-style clause join (BOUNDARIES). When
its clause names several schemes ("the loss of the £10m Green Growth West Fund
but the creation of the £25m Creative Place Growth Fund", "£5,000 for Ask for
Angela, £3,000 for the Safer Streets Fund") the amount goes to the scheme it
is attached to ("£25m Creative...", "£3,000 for the ...", "funding of £4.1m":
ATTACHED words only between them), else to the nearest; it is shown under
that scheme's nearest mention.

``scheme_amount_links`` holds every such pair. A decision printed twice (the
recommendation quoted and then resolved, or a decision notice beside the
minutes) would count its sum twice, so within one meeting the same sum for
the same scheme and period counts once: ``counted`` is 1 on its first
printing and ``repeat_of`` names it on the others. ``scheme_amounts`` is the
counted rows: what totals add up (leaving out amounts marked ``suspect``).
"""

from __future__ import annotations

#: Mention and amount further apart than this are never in one sentence; the
#: cheap integer test keeps the text comparisons below to near pairs.
MAX_SENTENCE = 1500

#: GLOB patterns over the text between a mention and an amount (carriage
#: returns and tabs made spaces, spaces next to line breaks removed): any
#: match means they are in different sentences or clauses.
BOUNDARIES: tuple[str, ...] = (
    "*[.!?] [A-Z0-9(“\"‘'•·£]*", "*[.!?]", "*[.!?] ", "*[.!?]  ",  # a sentence ends, the next begins
    "*[.!?]\n*",  # a sentence ends with its line
    "*\n\n*",  # a paragraph break
    "*;*",  # a clause of a list or a resolution
    "*\n[•·▪●◦‣*–-]*", "* [•·▪●◦‣] *",  # a bullet, at a line start or within a run-on line
    "*\n([a-zA-Z0-9])*", "*\n([ivx][ivx])*", "*\n[a-z0-9])*",  # (a) (ii) b) 3) at a line start
    "*\n[0-9].*", "*\n[0-9][0-9].*",  # 3. 12. 3.2 at a line start
    "* ([a-z]) *", "* ([ivx][ivx]) *",  # (b) within a run-on line
    "*, and *", "*, but *", "*, while *", "*, whereas *", "*, although *",  # coordinated clauses
)


#: Endings of the text between a scheme's name and an amount after it that
#: start a new member of a list ("£5,000 for Ask for Angela, £3,000 for ...",
#: "the Safer Streets Fund and £2,000 for street lighting").
LIST_STARTS: tuple[str, ...] = ("*, ", "* and ", "* or ", "* plus ")

#: The words between an amount and a scheme's name that attach the one to
#: the other (compared lower-cased, without surrounding spaces).
ATTACHED: tuple[str, ...] = (
    "", "for", "for the", "of", "of the", "to", "to the", "from", "from the", "towards", "towards the",
    "into", "into the", "in", "in the", "on", "on the", "under", "under the", "by", "by the",
)


def _literal(pattern: str) -> str:
    """A pattern as an SQL expression (quotes doubled, line breaks as char(10))."""
    return " || char(10) || ".join("'" + part.replace("'", "''") + "'" for part in pattern.split("\n"))


def gap_sql() -> str:
    """The text between the mention and the amount, normalised for BOUNDARIES."""
    raw = (
        "case when a.start_char >= m.end_char then substr(d.text, m.end_char + 1, a.start_char - m.end_char)"
        " when m.start_char >= a.end_char then substr(d.text, a.end_char + 1, m.start_char - a.end_char)"
        " else '' end"
    )
    text = f"replace(replace({raw}, char(13), ' '), char(9), ' ')"
    for _ in range(2):  # up to two spaces either side of a line break
        text = f"replace(replace({text}, ' ' || char(10), char(10)), char(10) || ' ', char(10))"
    return text


def crosses_sql(patterns: tuple[str, ...] = BOUNDARIES) -> str:
    """True when the pair's gap (``p.gap``) matches any of ``patterns``."""
    return " or ".join(f"p.gap glob {_literal(pattern)}" for pattern in patterns)


def attached_sql() -> str:
    """The ATTACHED words as an SQL list."""
    return ", ".join(_literal(w) for w in ATTACHED)
