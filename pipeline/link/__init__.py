"""Follow-through: link actions and resolutions to later evidence and keep
status history (writes evidence and status only; the flag, action detail,
consistency checks and scheme timeline that read them are in pipeline/reports)."""

from __future__ import annotations

from .linker import LinkSummary, link
from .schema import ensure_link_schema

__all__ = ["LinkSummary", "ensure_link_schema", "link"]
