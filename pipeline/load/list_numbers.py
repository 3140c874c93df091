"""The number a list shows before an item, in every counting style minutes use:
an HTML ``<ol>`` item (its start, value and type kept, as a browser shows it)
and a Word list level (docx_numbering.py) are both printed by ``format_number``.
"""

from __future__ import annotations

from lxml import etree

from .html_tree import tag_of

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
#: An ``<ol type>`` as the Word number format that counts the same way.
HTML_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def format_number(value: int, fmt: str) -> str:
    """``value`` in a Word number format: decimal, lowerLetter, upperRoman, ...
    (letters run a..z, aa, ab ... and roman numerals to 3999, as browsers count too)."""
    if fmt in ("lowerLetter", "upperLetter") and value >= 1:
        letters = ""
        n = value
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 1 <= value < 4000:
        roman, rest = "", value
        for amount, numeral in _ROMAN:
            while rest >= amount:
                roman, rest = roman + numeral, rest - amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def int_or(value: str | None, default: int) -> int:
    """An attribute's integer, or ``default`` when it is missing or not a number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def list_label(li: etree._Element) -> str:
    """"3. " for the third item of an ``<ol>`` (its start, value and type kept); "" otherwise."""
    parent = li.getparent()
    if parent is None or tag_of(parent) != "ol":
        return ""
    number = int_or(parent.get("start"), 1)
    for sibling in parent:
        if tag_of(sibling) != "li":
            continue
        number = int_or(sibling.get("value"), number)
        if sibling is li:
            break
        number += 1
    kind = li.get("type") or parent.get("type") or "1"
    return f"{format_number(number, HTML_TYPES.get(kind, 'decimal'))}. "
