"""`minutes fetch`'s bounds on one request, against a local server on 127.0.0.1:
a deadline for the whole answer, a size cap, and the server's Retry-After."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from fetch_server import Reply, Server

from pipeline.config import FetchConfig
from pipeline.fetch.client import RateLimiter, SiteClient
from pipeline.fetch.deadline import retry_after
from pipeline.fetch.errors import FetchError

UA = "minutes-miner-test/1.0 (+mailto:test@example.org)"


def config(**overrides: float) -> FetchConfig:
    values = {
        "requests_per_second": 200.0,
        "max_concurrency": 2,
        "timeout_seconds": 2.0,
        "deadline_seconds": 10.0,
        "retries": 0,
        "backoff_seconds": 0.01,
        "max_backoff_seconds": 5.0,
        **overrides,
    }
    return FetchConfig(user_agent=UA, **values)  # type: ignore[arg-type]


class Sleeps(list[float]):
    """Records each wait instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def test_a_trickling_server_is_cut_off_at_the_deadline() -> None:
    # One byte every 0.05 s never trips the 2 s read timeout; the whole answer
    # takes about 12 s, the deadline allows 1 s.
    with Server() as site:
        site.add("/slow", Reply(body=b"<xml/>" * 20, trickle=0.05))
        with (
            SiteClient(site.base, config=config(deadline_seconds=1.0)) as client,
            pytest.raises(FetchError) as caught,
        ):
            client.get(site.base + "/slow")
        asked = len(site.requests_to("/slow"))
    assert "within the 1s deadline" in caught.value.reason
    assert asked == 1


def test_the_deadline_is_retried_like_a_timeout() -> None:
    with Server() as site:
        site.add("/slow", Reply(body=b"<xml/>" * 20, trickle=0.05), Reply(body=b"<ok/>"))
        with SiteClient(site.base, config=config(deadline_seconds=0.5, retries=1)) as client:
            answer = client.get(site.base + "/slow")
        assert answer.body == b"<ok/>"
        assert len(site.requests_to("/slow")) == 2


@pytest.mark.parametrize("length", [True, False], ids=["declared", "undeclared"])
def test_an_answer_over_the_size_cap_is_dropped_not_retried(length: bool) -> None:
    with Server() as site:
        site.add("/big", Reply(body=b"x" * (3 * 1024 * 1024), length=length))
        with SiteClient(site.base, config=config(max_response_mb=1.0, retries=2)) as client:
            with pytest.raises(FetchError) as caught:
                client.get(site.base + "/big")
            assert "over max_response_mb" in caught.value.reason
            assert len(site.requests_to("/big")) == 1
            # the client is still usable, and an answer under the cap comes whole
            site.add("/small", Reply(body=b"y" * 1000, length=length))
            assert client.get(site.base + "/small").body == b"y" * 1000


@pytest.mark.parametrize("status", [503, 429])
def test_retry_after_is_waited_for(status: int) -> None:
    sleeps = Sleeps()
    with Server() as site:
        site.add(
            "/busy",
            Reply(status, b"busy", "text/plain", headers=(("Retry-After", "3"),)),
            Reply(body=b"<ok/>"),
        )
        with SiteClient(site.base, config=config(retries=2), sleep=sleeps) as client:
            assert client.get(site.base + "/busy").body == b"<ok/>"
        assert len(site.requests_to("/busy")) == 2
    assert sleeps and max(sleeps) >= 3.0  # the backoff alone would be 0.01 s


def test_a_retry_after_longer_than_the_cap_is_reported_not_cut_short() -> None:
    sleeps = Sleeps()
    with Server() as site:
        site.add(
            "/busy",
            Reply(503, b"busy", "text/plain", headers=(("Retry-After", "3600"),)),
            Reply(body=b"<ok/>"),
        )
        with (
            SiteClient(site.base, config=config(retries=3), sleep=sleeps) as client,
            pytest.raises(FetchError) as caught,
        ):
            client.get(site.base + "/busy")
        assert len(site.requests_to("/busy")) == 1
    assert "asks to wait 3,600s" in caught.value.reason and "try again later" in caught.value.reason
    assert not [s for s in sleeps if s > 1]


def test_other_4xx_are_still_not_retried() -> None:
    with Server() as site:
        site.add("/gone", Reply(404, b"no", "text/plain", headers=(("Retry-After", "1"),)))
        with SiteClient(site.base, config=config(retries=3)) as client, pytest.raises(FetchError):
            client.get(site.base + "/gone")
        assert len(site.requests_to("/gone")) == 1


def test_retry_after_forms() -> None:
    now = datetime(2026, 2, 10, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after("120") == 120.0
    assert retry_after("Tue, 10 Feb 2026 12:01:30 GMT", now=now) == 90.0
    assert retry_after("Tue, 10 Feb 2026 11:00:00 GMT", now=now) == 0.0
    assert retry_after("soon") is None and retry_after("-5") is None and retry_after(None) is None


def test_deferral_holds_back_every_request_start() -> None:
    clock = [100.0]
    sleeps = Sleeps()
    limiter = RateLimiter(1000.0, clock=lambda: clock[0], sleep=sleeps)
    limiter.defer(30.0)
    limiter.wait()
    assert sleeps == [30.0]
