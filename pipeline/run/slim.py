"""What a worker sends back: only what the single writer stores.

A processed document carries its text three times over (the loaded blocks,
the cleaned blocks with their offset anchors, the cleaned text) and the store
keeps the cleaned text once, plus the page where each block starts. Dropping
the rest in the worker means less to pickle, send and unpickle in the writer,
which is the one process every document passes through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..records import Block, BlockSpan, ProcessedDocument


def for_store(result: Any) -> Any:
    """A ProcessedDocument without the loaded blocks, and with one empty block
    per page change in place of the cleaned blocks (all ``store.page_map``
    reads); anything else (a Failure) as it is."""
    if not isinstance(result, ProcessedDocument):
        return result
    clean = result.clean
    marks: list[BlockSpan] = []
    page: int | None = None
    for span in clean.blocks:
        if span.block.page is not None and span.block.page != page:
            page = span.block.page
            marks.append(BlockSpan(span.start, span.start, Block("", page=page)))
    source = replace(clean.source, blocks=())
    return replace(result, clean=replace(clean, source=source, blocks=tuple(marks)))


def call_for_store(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` slimmed for the store: what a worker process runs and sends back."""
    return for_store(fn(*args))


__all__ = ["call_for_store", "for_store"]
