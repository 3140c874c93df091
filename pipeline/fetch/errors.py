"""Fetch errors: each names the URL and the reason, so a run reports it in one line."""

from __future__ import annotations

from ..errors import MinutesError


class FetchError(MinutesError):
    """A URL could not be fetched, or its answer is not what was asked for."""

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


class OffSiteError(FetchError):
    """A link or redirect points outside the site being fetched; never requested."""


class RetryableError(FetchError):
    """A timeout, connection error or 5xx: worth asking again after a pause."""
