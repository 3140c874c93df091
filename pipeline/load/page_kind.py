"""Is a loaded page minutes at all? Agendas and other pages are "not minutes".

Decision (README, "What is read"): an agenda without minutes or decisions is
reported as "not minutes" and not stored. Its items would be stored again
when the minutes come, and its recommendations ("That the Committee
approves ...") read like resolutions. A ModernGov meeting page gains its
minutes in place, so the same file is read again once its bytes change.

- A ModernGov meeting or agenda-item page (``mgItemTable`` rows,
  ``mgAiTitleTxt``) is minutes when some item carries a "Minutes:" or
  "Decision:" section, or a "view the full minutes/decision text" link;
  otherwise it is an agenda.
- A ModernGov page with no agenda items at all (committee details, the
  document search form, calendars, member lists) is not minutes, unless it is
  an issue history (items found in its text) or shows minutes labels.
- Any other document whose opening says it is an agenda, or a notice
  summoning members, and which shows nothing a record of a meeting shows
  (resolutions, decisions, attendance, "it was agreed") is an agenda.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from ..errors import NotMinutesError
from ..records import Block
from .html_blocks import text_of
from .html_tree import iter_class

AGENDA_ONLY = "not minutes: an agenda only (no minutes or decisions yet)"
NO_ITEMS = "not minutes: a page with no agenda items (committee details, a search form or a listing)"

#: Sub-item labels of a ModernGov item that hold the record of the meeting.
RECORD_LABELS = frozenset({"minutes", "minute", "decision", "decisions", "resolved", "resolution"})
_FULL_TEXT_LINK = re.compile(r"view the full (?:minutes|decision) text", re.IGNORECASE)
#: How an agenda or a summons opens.
AGENDA_OPENING = re.compile(
    r"^\s*(?:\S+\s+){0,12}?(?:agenda\b(?!\s+item\b)(?!\s+and\s+minutes)|notice\s+of\s+(?:the\s+)?meeting\b"
    r"|(?:you\s+are|members\s+are|councillors\s+are)\s+(?:hereby\s+)?(?:summoned|requested\s+to\s+attend))",
    re.IGNORECASE,
)
#: What only a record of a meeting says.
RECORD_CUES = re.compile(
    r"\bRESOLVED\b|\bresolved\s+(?:that|to)\b|\bit\s+was\s+(?:agreed|resolved|noted|proposed|moved)\b"
    r"|\b(?:was|were)\s+(?:agreed|approved|noted|carried|received)\b|\bDecision\s*:|\bminutes\s+of\s+(?:the|a)\s+"
    r"(?:\w+\s+){0,6}?meeting\s+held\b|^\s*(?:present|in\s+attendance|attendance)\s*:?\s*$|\bpresent\s*:"
    r"|\bapologies\s+(?:for\s+absence\s+)?(?:were|was)\s+(?:received|given|noted)\b|\bunanimously\b",
    re.IGNORECASE | re.MULTILINE,
)
OPENING_CHARS = 400


def is_moderngov(root: etree._Element) -> bool:
    """A page of a ModernGov site: its elements carry "mg..." classes."""
    for el in root.iter():
        if isinstance(el.tag, str) and any(name.startswith("mg") for name in (el.get("class") or "").split()):
            return True
    return False


def moderngov_record(root: etree._Element, page_text: str) -> bool:
    """Some item carries the record of the meeting: a "Minutes:"/"Decision:" section or its link."""
    for el in iter_class(root, "mgSubItemTitleTxt"):
        if text_of(el).strip().rstrip(":").strip().lower() in RECORD_LABELS:
            return True
    return _FULL_TEXT_LINK.search(page_text) is not None


def check_moderngov_page(
    path: str, root: etree._Element, blocks: Sequence[Block], has_item_table: bool
) -> None:
    """Raise NotMinutesError for an agenda-only meeting page or a page with no items."""
    if not is_moderngov(root):
        return
    page_text = "\n".join(b.text for b in blocks)
    if moderngov_record(root, page_text):
        return
    has_items = has_item_table or next(iter_class(root, "mgAiTitleTxt"), None) is not None
    if has_items:
        raise NotMinutesError(path, AGENDA_ONLY)
    if not any(b.role == "item" for b in blocks) and not RECORD_CUES.search(page_text):
        raise NotMinutesError(path, NO_ITEMS)


def check_not_agenda(path: str, blocks: Sequence[Block]) -> None:
    """Raise NotMinutesError when a document opens as an agenda and records nothing."""
    text = "\n".join(b.text for b in blocks)
    if AGENDA_OPENING.search(text[:OPENING_CHARS]) and not RECORD_CUES.search(text):
        raise NotMinutesError(path, AGENDA_ONLY)
