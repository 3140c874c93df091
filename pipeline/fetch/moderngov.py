"""Walk one committee of a ModernGov site and save the minutes it does not have yet.

Web service first (GetCommittees -> GetMeetings -> GetMeeting); when the
service is refused (403/404, HTML, a redirect stub, an empty answer), the
meeting pages and their printed-minutes PDFs instead. Files land under
``<out>/<council>/<committee>/<date>-<id>.xml`` (or ``-minutes.pdf`` /
``.html``); a file already there is never asked for again, so an interrupted
run simply resumes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import httpx

from ..config import FetchConfig
from ..errors import UsageError
from .cache import CACHE_DIRNAME, ValidatorCache
from .client import SiteClient
from .errors import FetchError
from .page_walk import PageWalk
from .paths import council_slug
from .report import FetchReport
from .service_walk import ServiceRefused, ServiceWalk
from .walk import FetchRequest, Known, Walk

__all__ = ["fetch_committee"]


def fetch_committee(
    request: FetchRequest,
    *,
    config: FetchConfig,
    known: Known | None = None,
    progress: Callable[[str], None] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchReport:
    """Fetch every meeting of ``request.committee`` in the date range; never raises
    for one bad meeting (it becomes a "failed" outcome). UsageError when the
    committee does not exist or the dates are backwards."""
    until = request.until or date.today()
    if until < request.since:
        raise UsageError(f"--until {until} is before --since {request.since}")
    report = FetchReport(site=request.site.rstrip("/"), council=council_slug(request.site))
    cache = ValidatorCache(request.out.resolve() / CACHE_DIRNAME)
    with SiteClient(request.site, config=config, cache=cache, transport=transport) as client:
        say = progress or (lambda _m: None)
        walk: Walk = ServiceWalk(request, until, client, report, known or (lambda _id, _d: False), say)
        try:
            try:
                walk.run()
            except ServiceRefused as exc:
                walk.note(f"web service refused ({exc}); falling back to the meeting pages")
                report.source = "meeting-pages"
                walk = PageWalk(request, until, client, report, walk.known, say)
                walk.run()
        except FetchError as exc:
            report.errors.append(str(exc))
            say(f"error: {exc}")
        finally:
            report.requests = client.counters.as_dict()
    return report
