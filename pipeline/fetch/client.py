"""HTTP for one site: same-site only, rate-limited, capped, retried, conditional.

Every request goes through ``SiteClient.get``: it refuses other hosts (links
and redirects alike), waits its turn (requests_per_second, max_concurrency),
revalidates cached answers with If-None-Match / If-Modified-Since, bounds each
request by a deadline and a size cap, and retries timeouts, connection errors,
5xx and 429 with exponential backoff (longer when the server's Retry-After
says so), never other 4xx.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from ..config import FetchConfig
from . import deadline
from .cache import CachedAnswer, ValidatorCache
from .errors import FetchError, OffSiteError, RetryableError

if TYPE_CHECKING:
    from typing_extensions import Self

log = logging.getLogger(__name__)
MAX_REDIRECTS = 5
MB = 1024 * 1024
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Answer:
    url: str
    status: int
    body: bytes
    content_type: str
    not_modified: bool = False  # a 304: ``body`` came from the cache
    location: str = ""  # for a redirect


@dataclass
class Counters:
    """What a run asked of the server, for the report and the tests."""

    requests: int = 0
    conditional: int = 0
    not_modified: int = 0
    retries: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, **deltas: int) -> None:
        with self.lock:
            for name, n in deltas.items():
                setattr(self, name, getattr(self, name) + n)

    def as_dict(self) -> dict[str, int]:
        return {"requests": self.requests, "conditional": self.conditional,
                "not_modified": self.not_modified, "retries": self.retries}


class RateLimiter:
    """At most ``per_second`` request starts per second, across threads."""

    def __init__(self, per_second: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()
        self._clock, self._sleep = clock, sleep

    def wait(self) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            self._sleep(start - now)

    def defer(self, seconds: float) -> None:
        """No request starts for ``seconds`` (the server asked, with Retry-After)."""
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)


def origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


class SiteClient:
    """A polite HTTP client bound to one site (scheme + host + port)."""

    def __init__(
        self,
        site: str,
        *,
        config: FetchConfig,
        cache: ValidatorCache | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        scheme, host, _ = origin(site)
        if scheme not in ("http", "https") or not host:
            raise FetchError(site, "not an http(s) site address")
        self.site = site.rstrip("/")
        self.config = config
        self.cache = cache
        self.counters = Counters()
        self._sleep = sleep
        self._limiter = RateLimiter(config.requests_per_second, sleep=sleep)
        self._slots = threading.BoundedSemaphore(max(1, config.max_concurrency))
        self._http = httpx.Client(
            headers={"User-Agent": config.user_agent},
            timeout=httpx.Timeout(config.timeout_seconds),
            follow_redirects=False,  # redirects are checked against the site first
            transport=transport or deadline.transport(),
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def url(self, path: str, params: dict[str, str] | None = None) -> str:
        """Absolute URL for ``path`` on this site (query in a stable order)."""
        return str(httpx.URL(urljoin(self.site + "/", path.lstrip("/")), params=params))

    def check_on_site(self, url: str) -> str:
        """``url`` unchanged, or OffSiteError if it is on another scheme/host/port."""
        if origin(url) != origin(self.site):
            raise OffSiteError(url, f"refused: outside the site {self.site}")
        return url

    def get(self, url: str) -> Answer:
        """GET ``url`` (same site only), following on-site redirects."""
        for _ in range(MAX_REDIRECTS + 1):
            self.check_on_site(url)
            answer = self._get_retried(url)
            if answer.status not in REDIRECTS:
                return answer
            location = answer.location
            if not location:
                raise FetchError(url, f"HTTP {answer.status} redirect without a Location")
            target = urljoin(url, location)
            if origin(target) != origin(self.site):
                raise OffSiteError(url, f"refused redirect to {target} (outside the site {self.site})")
            url = target
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _get_retried(self, url: str) -> Answer:
        attempts = max(1, self.config.retries + 1)
        backoff = wait_exponential(
            multiplier=self.config.backoff_seconds, max=self.config.max_backoff_seconds
        )

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            asked = getattr(exc, "retry_after", None) or 0.0
            return max(float(backoff(state)), asked)

        retrying = Retrying(
            stop=stop_after_attempt(attempts),
            wait=wait,
            retry=retry_if_exception_type(RetryableError),
            reraise=True,
            sleep=self._sleep,
            before_sleep=lambda state: self._note_retry(url, state.attempt_number, state.outcome),
        )
        try:
            return retrying(self._fetch_once, url)
        except RetryableError as exc:
            raise FetchError(
                url, f"{exc.reason} (gave up after {attempts} attempts)", status=exc.status
            ) from exc

    def _note_retry(self, url: str, attempt: int, outcome: object) -> None:
        self.counters.add(retries=1)
        exc = getattr(outcome, "exception", lambda: None)()
        log.warning("retrying %s after attempt %d: %s", url, attempt, getattr(exc, "reason", exc))

    def _fetch_once(self, url: str) -> Answer:
        cached = self.cache.get(url) if self.cache else None
        headers = cached[0].conditional_headers() if cached else {}
        self._limiter.wait()
        with self._slots:
            self.counters.add(requests=1, conditional=1 if headers else 0)
            response, body = self._exchange(url, headers)
        status = response.status_code
        if status == 304:
            if not cached:
                raise FetchError(url, "HTTP 304 Not Modified to an unconditional request", status=304)
            self.counters.add(not_modified=1)
            return Answer(url, 200, cached[1], cached[0].content_type, not_modified=True)
        if status in REDIRECTS:
            return Answer(url, status, b"", "", location=response.headers.get("location", ""))
        if status >= 500 or status == 429:
            raise self._retry_later(url, response)
        if status >= 400:
            raise FetchError(url, f"HTTP {status} {response.reason_phrase}", status=status)
        content_type = response.headers.get("content-type", "")
        if self.cache and status == 200:
            self.cache.put(
                CachedAnswer(
                    url, response.headers.get("etag"), response.headers.get("last-modified"), content_type
                ),
                body,
            )
        return Answer(url, status, body, content_type)

    def _exchange(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        """One GET held to the deadline; a 2xx body is read in pieces and
        dropped at the size cap, other bodies are not read."""
        limit = int(self.config.max_response_mb * MB)
        seconds = self.config.deadline_seconds
        started = time.monotonic()
        try:
            with deadline.deadline(seconds), self._http.stream("GET", url, headers=headers) as response:
                if not 200 <= response.status_code < 300:
                    return response, b""
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, f"answer of {int(declared) / MB:,.0f} MB is over max_response_mb "
                                          f"({self.config.max_response_mb:g}); not read")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    if time.monotonic() - started >= seconds:  # also when a proxy transport carries it
                        raise httpx.ReadTimeout("the request's deadline has passed")
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(
                            url,
                            f"answer over max_response_mb ({self.config.max_response_mb:g} MB); "
                            "stopped reading",
                        )
                    chunks.append(chunk)
                return response, b"".join(chunks)
        except httpx.TimeoutException as exc:
            if time.monotonic() - started >= seconds:
                raise RetryableError(url, f"no complete answer within the {seconds:g}s deadline") from exc
            raise RetryableError(
                url, f"timed out after {self.config.timeout_seconds:g}s ({type(exc).__name__})"
            ) from exc
        except httpx.TransportError as exc:
            raise RetryableError(url, f"connection failed ({type(exc).__name__}: {exc})") from exc

    def _retry_later(self, url: str, response: httpx.Response) -> FetchError:
        """A 5xx or 429, retried after the server's Retry-After (which also holds
        back every other request to the site) when it asks for one within
        max_backoff_seconds; a longer wait is reported rather than cut short."""
        status = response.status_code
        reason = f"HTTP {status} {response.reason_phrase}"
        asked = deadline.retry_after(response.headers.get("retry-after"))
        if asked is not None and asked > self.config.max_backoff_seconds:
            return FetchError(
                url,
                f"{reason}: the server asks to wait {asked:,.0f}s, over max_backoff_seconds "
                f"({self.config.max_backoff_seconds:g}); try again later",
                status=status,
            )
        if asked:
            self._limiter.defer(asked)
        return RetryableError(url, reason, status=status, retry_after=asked)
