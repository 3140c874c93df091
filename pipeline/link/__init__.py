"""Follow-through: link actions and resolutions to later evidence and keep
status history (writes evidence and status only; the flag, action detail,
consistency checks and scheme timeline that read them are in pipeline/reports;
its tables are declared with every other in pipeline/store/schema.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .linker import LinkSummary, link

__all__ = ["LinkSummary", "link"]


def __getattr__(name: str) -> Any:
    """Load the linker on first use: a read command should not pay for the
    matching machinery."""
    if name in ("LinkSummary", "link"):
        from . import linker

        return getattr(linker, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
