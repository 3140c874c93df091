"""Markdown minutes (parish and community council sites built with static
site generators) -> HTML -> the HTML loader's blocks.

These pages mix Markdown ("**GOVAN COMMUNITY COUNCIL**", "1.  MINUTES OF
...") with raw HTML: Norfolk parishes paste whole Word tables (number, minute
and action columns) as ``<table>`` markup. Rendering the Markdown with raw
HTML passed through gives one tree in which both read as they print: emphasis
marks gone, numbered lists keeping their numbers, each table row one line.
The YAML front matter (the site's title, category and publishing date) is not
part of the minutes and is dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt

from ..records import LoadedDocument
from .decode import decode_bytes

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_RENDERER = MarkdownIt("commonmark", {"html": True}).enable("table")


def strip_front_matter(text: str) -> str:
    """The page without its leading ``---`` YAML block."""
    return _FRONT_MATTER.sub("", text, count=1)


def render(text: str) -> str:
    """Markdown (with raw HTML inside) as one HTML document."""
    return f"<html><body>{_RENDERER.render(strip_front_matter(text))}</body></html>"


def load_markdown(path: Path, data: bytes, doc_id: str) -> LoadedDocument:
    """Blocks of a Markdown page, read through the HTML loader."""
    from .moderngov_html import load_html

    html = render(decode_bytes(str(path), data))
    return replace(load_html(path, html.encode("utf-8"), doc_id), format="markdown")
