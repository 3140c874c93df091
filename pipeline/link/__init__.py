"""Follow-through: link actions and resolutions to later evidence, keep status
history, flag what is still outstanding, and check figures for consistency."""

from __future__ import annotations

from .linker import LinkSummary, link
from .schema import ensure_link_schema

__all__ = ["LinkSummary", "ensure_link_schema", "link"]
