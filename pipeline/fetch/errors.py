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
    """A timeout, connection error, 5xx or 429: worth asking again after a pause
    (at least ``retry_after`` seconds when the server said so)."""

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(url, reason, status=status)
        self.retry_after = retry_after
