"""Follow-through: link actions and resolutions to later evidence and keep
status history (writes evidence and status only; the flag, action detail,
consistency checks and scheme timeline that read them are in pipeline/reports)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .linker import LinkSummary, link
    from .schema import ensure_link_schema

__all__ = ["LinkSummary", "ensure_link_schema", "link"]


def __getattr__(name: str) -> Any:
    """Load the linker on first use: opening a store imports only .schema, and
    a read command should not pay for the matching machinery."""
    if name in ("LinkSummary", "link"):
        from . import linker

        return getattr(linker, name)
    if name == "ensure_link_schema":
        from .schema import ensure_link_schema

        return ensure_link_schema
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
