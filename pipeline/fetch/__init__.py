"""Pull new minutes from a live ModernGov site, politely.

``fetch_committee`` walks the web service (GetCommittees -> GetMeetings ->
GetMeeting), falling back to the meeting pages when the service is refused,
and saves raw files under ``<out>/<council>/<committee>/`` for ``ingest``.
"""

from __future__ import annotations

from .errors import FetchError, OffSiteError
from .moderngov import fetch_committee
from .report import FetchReport, MeetingOutcome
from .walk import FetchRequest

__all__ = ["FetchError", "FetchReport", "FetchRequest", "MeetingOutcome", "OffSiteError", "fetch_committee"]
