"""Parsing HTML and asking its elements simple questions (tag, CSS class),
for every loader that reads markup (ModernGov pages and XML, saved pages)."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree, html


def parse_html(data: bytes | str) -> html.HtmlElement:
    """Parse with lxml's forgiving HTML parser (handles "<p >", stray tags)."""
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, encoding="utf-8")
    root = html.fromstring(data, parser=parser)
    return root


def tag_of(el: etree._Element) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def has_class(el: etree._Element, name: str) -> bool:
    return name in (el.get("class") or "").split()


def iter_class(root: etree._Element, name: str, tag: str = "*") -> Iterator[etree._Element]:
    """Elements carrying CSS class ``name`` (iterative, no XPath recursion)."""
    for el in root.iter(tag if tag != "*" else None):
        if isinstance(el.tag, str) and has_class(el, name):
            yield el
