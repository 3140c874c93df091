"""Which council a document belongs to, when its header does not say so in a sentence.

In order: a banner line at the top ("Bristol City Council", "KENT COUNTY
COUNCIL"); the ModernGov site the page came from (a web address or e-mail
domain printed in the page, or the document's source URL) looked up in
``data/council_sites.csv``; and last, a council the start of the text names,
but only when it names no other (a page listing members' own councils names
several, and is no evidence of its host).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from .bodies import COUNCIL_NAME, KINDS, OTHER_BODY_NAME, council_name_in, trim_name

SITES_FILE = Path(__file__).with_name("data") / "council_sites.csv"
_HOST = re.compile(
    r"(?:https?://|www\.|@)(?P<host>[a-z0-9][a-z0-9.-]*\.(?:uk|wales|scot|cymru|org|com|net))\b"
    # a bare host is a council's only under a public-sector or ModernGov suffix
    r"|(?<![\w.@/-])(?P<bare>[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
    r"\.(?:gov\.uk|gov\.wales|gov\.scot|llyw\.cymru|moderngov\.co\.uk|cmis\.uk\.com))\b",
    re.IGNORECASE,
)
#: Top-level domains a council's site or mail uses ("boston.gov" is another country's).
_COUNCIL_TLDS = ("uk", "wales", "scot", "cymru", "org", "com", "net")
#: Suffixes of hosts that are not a council's even when a label names its place:
#: universities, schools, the NHS, police and fire services ("kent.ac.uk", "kent.police.uk").
_NOT_A_COUNCIL = (".ac.uk", ".sch.uk", ".nhs.uk", ".nhs.net", ".police.uk", ".fire-uk.org", ".parliament.uk")
#: A label that marks a host as a parish's, served under its county's domain
#: ("glentham.parish.lincolnshire.gov.uk").
_LOCAL_LABELS = frozenset({"parish", "parishes"})
#: A name the fallback accepts: "<place> <kind> Council" or an authority, not "Children in Care Council".
_LOOKS_LIKE_A_COUNCIL = re.compile(
    rf"\b{KINDS}\s+Council$|Combined Authority$|Fire and Rescue Authority$|Integration Joint Board$|"
    r"National Park Authority$|^(?:London|Royal) Borough of|^City of London Corporation$"
)
_BANNER_TAIL = re.compile(r"\s+(?:Meeting|Minutes|Agenda)$", re.IGNORECASE)


def banner_council(head: str, max_lines: int = 8) -> str | None:
    """A line near the top that is only a council's (or authority's) name."""
    rows = [row.strip() for row in head.split("\n") if row.strip()][:max_lines]
    for row in rows:
        if len(row) > 90:
            continue
        name = council_name_in(_BANNER_TAIL.sub("", row), whole=True)
        if name:
            return name
    return None


@lru_cache(maxsize=1)
def _sites() -> dict[str, str]:
    """Host label (the part that names the council) -> council name."""
    with SITES_FILE.open(newline="", encoding="utf-8") as fh:
        return {
            row["site"].strip().lower(): row["council"].strip()
            for row in csv.DictReader(fh)
            if row.get("site")
        }


def council_for_host(url_or_host: str | None) -> str | None:
    """"https://democracy.westsuffolk.gov.uk/..." or "helen@westsuffolk.gov.uk" -> "West Suffolk Council".

    Any label of the host may name the council ("democracy.kent.gov.uk",
    "kent.moderngov.co.uk", "minutes3.belfastcity.gov.uk"); hosts of other
    public bodies that share a place name, and parish sites under a county's
    domain, name none.
    """
    host = _host_of(url_or_host or "")
    if not host or not host.endswith(_COUNCIL_TLDS) or host.endswith(_NOT_A_COUNCIL):
        return None
    labels = host.split(".")
    if _LOCAL_LABELS.intersection(labels):
        return None
    sites = _sites()
    for label in labels:
        if label in sites:
            return sites[label]
    return None


def _host_of(url_or_host: str) -> str:
    """The bare host of a URL, an e-mail address or a host with a path or port."""
    host = url_or_host.strip().lower()
    if "://" in host:
        host = urlsplit(host).hostname or ""
    host = host.rsplit("@", 1)[-1]
    host = re.split(r"[/?#:]", host, maxsplit=1)[0]
    return host.strip(".")


def hosts_in(text: str) -> list[str]:
    """Web and e-mail hosts printed in ``text``, in order, each once."""
    return list(dict.fromkeys((m.group("host") or m.group("bare")).lower() for m in _HOST.finditer(text)))


def site_council(text: str, source_url: str | None = None) -> str | None:
    """The council whose site the page came from: its source URL, else the one
    whose hosts the page prints most often (the first printed on a tie): a page
    that cites a partner's site once prints its own contact address on every page."""
    own = council_for_host(source_url) if source_url else None
    if own:
        return own
    printed = [council_for_host(m.group("host") or m.group("bare")) for m in _HOST.finditer(text)]
    named = [council for council in printed if council]
    if not named:
        return None
    counts = Counter(named)
    return max(dict.fromkeys(named), key=lambda council: counts[council])


def sole_council_named(text: str, *, at_least: int = 1) -> str | None:
    """The council the text names, if it names exactly one (affiliations in
    brackets aside) and names it ``at_least`` times: a council a page mentions
    once ("Eastby Council had agreed") is not thereby the one that met."""
    names: set[str] = set()
    flat = re.sub(r"\s+", " ", text)
    for pattern in (COUNCIL_NAME, OTHER_BODY_NAME):
        for match in pattern.finditer(flat):
            if _inside_brackets(flat, match.start(), match.end()):
                continue
            name = trim_name(match.group())
            if name and _LOOKS_LIKE_A_COUNCIL.search(name):
                names.add(name)
    # "Minutes of the Meeting of Oakley Parish Council" and "Oakley Parish
    # Council" are one council: a name that ends with another is that one.
    names = {n for n in names if not any(o != n and n.lower().endswith(" " + o.lower()) for o in names)}
    distinct = {n.lower() for n in names}
    if len(distinct) != 1:
        return None
    name = names.pop()
    return name if flat.lower().count(name.lower()) >= at_least else None


def _inside_brackets(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a bracket: "(Research Officer –
    Worcestershire County Council)" names a guest's employer, not the host."""
    opened = text.rfind("(", 0, start)
    if opened < 0 or text.rfind(")", opened, start) >= 0:
        return False
    closed = text.find(")", end)
    return closed >= 0 and text.find("(", end, closed) < 0
