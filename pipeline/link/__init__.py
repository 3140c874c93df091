"""Follow-through: link actions and resolutions to later evidence and keep
status history (writes evidence and status only; the flag, action detail,
consistency checks and scheme timeline that read them are in pipeline/reports;
its tables are declared with every other in pipeline/store/schema.py)."""

from __future__ import annotations

from .linker import LinkSummary, link

__all__ = ["LinkSummary", "link"]
