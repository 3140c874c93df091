"""Safe file names for the corpus and the cache.

Ids, dates and titles come from a server we do not trust; whatever it sends,
a name built here stays inside the output folder.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from ..text.dates import parse_date
from .errors import FetchError

_HOST_PREFIXES = ("www", "democracy", "democratic", "moderngov", "modgov", "mg", "committees",
                  "committee", "meetings", "councillors", "decisions", "minutes", "cmis")
_HOST_SUFFIXES = (".gov.uk", ".gov.wales", ".llyw.cymru", ".gov.scot", ".org.uk", ".co.uk", ".ac.uk",
                  ".org", ".com", ".net", ".uk", ".ie")
MAX_SLUG = 60


def slugify(text: str, *, fallback: str = "unknown") -> str:
    """Lower-case ASCII words joined by '-': no dots, slashes or separators survive."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))[:MAX_SLUG].strip("-")
    return slug or fallback


def council_slug(site: str) -> str:
    """'https://democracy.manchester.gov.uk' -> 'manchester'; an IP host keeps its port."""
    parts = urlsplit(site)
    host = (parts.hostname or "").lower()
    if re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return slugify(f"{host}-{parts.port}" if parts.port else host)
    for suffix in _HOST_SUFFIXES:
        if host.endswith(suffix) and host != suffix.lstrip("."):
            host = host[: -len(suffix)]
            break
    labels = [label for label in host.split(".") if label]
    while len(labels) > 1 and labels[0] in _HOST_PREFIXES:
        labels.pop(0)
    return slugify(labels[-1] if labels else host)


def safe_meeting_id(raw: str) -> str | None:
    """A ModernGov id is digits; anything else is refused (None)."""
    raw = raw.strip()
    return raw if re.fullmatch(r"\d{1,12}", raw) else None


def parse_uk_date(raw: str) -> date | None:
    """'10/02/2026' -> date(2026, 2, 10); anything else -> None (the project's one date reader)."""
    iso = parse_date(raw) if re.fullmatch(r"\s*\d{1,2}/\d{1,2}/\d{4}\s*", raw or "") else None
    return date.fromisoformat(iso) if iso else None


def meeting_file(
    out: Path, council: str, committee: str, when: date | None, meeting_id: str, suffix: str
) -> Path:
    """``<out>/<council>/<committee>/<date>-<id><suffix>``, checked to stay inside ``out``."""
    stem = f"{when.isoformat() if when else 'undated'}-{slugify(meeting_id)}"
    if not re.fullmatch(r"(-[a-z0-9]+)?\.[a-z0-9]{1,5}", suffix):
        raise ValueError(f"bad file suffix {suffix!r}")  # a programming error, not server input
    return contained(out, slugify(council), slugify(committee), stem + suffix)


def contained(root: Path, *parts: str) -> Path:
    """``root/parts...`` resolved, or FetchError if it would land outside ``root``."""
    base = root.resolve()
    path = base.joinpath(*parts).resolve()
    if path == base or not path.is_relative_to(base):
        raise FetchError(str(path), f"refused: file name escapes the output folder {base}")
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temp file in the same folder and rename: a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".part-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
