"""Markup read without a parse tree: libxml2 silently drops everything nested
past its depth limit (256), so a page that parses to far less text than it
holds is read by these regular expressions instead."""

from __future__ import annotations

import html as htmllib
import re

from .html_blocks import ANY_SPACE, BLOCK_TAGS, HtmlBlock, tidy, ws

_SCRIPT = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BR = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(BLOCK_TAGS)) + r")\b[^>]*>", re.IGNORECASE)
_CELL_TAG = re.compile(r"</?t[dh]\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def regex_blocks(markup: str) -> list[HtmlBlock]:
    """Blocks without a parse tree, for markup nested deeper than libxml2 keeps.

    libxml2 silently drops everything past its depth limit (256), so a page
    that parses to far less text than it holds is read this way instead.
    """
    text = _COMMENT.sub(" ", _SCRIPT.sub(" ", markup))
    text = _BR.sub("\x01", text)
    text = _CELL_TAG.sub(" ", _BLOCK_TAG.sub("\x02", text))
    text = htmllib.unescape(_ANY_TAG.sub("", text))
    out = []
    for chunk in text.split("\x02"):
        block = tidy(ws(chunk).replace("\x01", "\n"))
        if block:
            out.append(HtmlBlock(block))
    return out


def visible_length(markup: str) -> int:
    """Characters of text in ``markup`` by tag stripping (a cheap upper bound)."""
    return len(ANY_SPACE.sub("", _ANY_TAG.sub("", _COMMENT.sub("", _SCRIPT.sub("", markup)))))
