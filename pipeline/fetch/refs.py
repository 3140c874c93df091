"""The two things a walk finds before any minutes: committees and meetings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CommitteeRef:
    id: str  # as the server sent it; checked with paths.safe_meeting_id before use
    title: str


@dataclass(frozen=True)
class MeetingRef:
    id: str  # as the server sent it (untrusted)
    date: date | None
    raw_date: str = ""
    status: str = ""
