"""One date reader for the whole project: the copies it replaced and the new
reader are run side by side over every date-like string in the headers of the
gold documents (tests/gold and ../shared/dev2/gold), and every difference is
decided by an independent strict reader (``datetime.strptime`` over explicit
UK formats). ``-s`` prints the table of differences."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, need_shared
from legacy_dates import OLD_PARSERS

from pipeline.load import load
from pipeline.reports.evaluate import default_search_paths, find_document
from pipeline.text.dates import parse_date

HEADER_CHARS = 4000
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\.?,?\s+)?"
#: Anything that might be a date: wider than any reader, so each is tried on the same strings.
CANDIDATE = re.compile(
    _WEEKDAY + r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?[\s,\-]+[A-Za-z]{3,9}\.?(?:,?\s+|-)\d{4}\b"
    r"|\b" + _WEEKDAY + r"[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
    r"|(?<![\d.])\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b(?![.\d])"
    r"|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)
STRICT_FORMATS = (
    "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d.%m.%y",
    "%d-%m-%Y", "%d-%m-%y", "%Y-%m-%d", "%d-%b-%Y", "%d-%B-%Y",
)


def strict(text: str) -> str | None:
    """The independent judge: weekday, ordinal, 'the'/'of' and commas dropped, then strptime."""
    flat = re.sub(
        r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day\.?,?\s+", "", text.strip(), flags=re.IGNORECASE
    )
    flat = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", flat, flags=re.IGNORECASE)
    flat = re.sub(r"\b(?:the|of)\s+", "", flat, flags=re.IGNORECASE).replace(",", " ")
    flat = re.sub(r"(?<=[A-Za-z])\.", "", " ".join(flat.split()))
    flat = re.sub(r"\bSept\b", "Sep", flat, flags=re.IGNORECASE)
    for fmt in STRICT_FORMATS:
        try:
            day = datetime.strptime(flat, fmt).date()
        except ValueError:
            continue
        if day.year < 1970 or (fmt.endswith("%y") and day.year >= 2070):
            continue
        return day.isoformat()
    return None


def _header(path: Path) -> str:
    if path.suffix.lower() == ".txt":
        return path.read_text(encoding="utf-8", errors="replace")[:HEADER_CHARS]
    return "\n\n".join(b.text for b in load(path).blocks)[:HEADER_CHARS]


@pytest.fixture(scope="module")
def table() -> list[dict[str, object]]:
    need_shared("dev2", "gold")
    rows = []
    gold_dirs = [ROOT / "tests" / "gold", SHARED / "dev2" / "gold"]
    for gold_dir in gold_dirs:
        roots = [gold_dir.parent, *default_search_paths()]
        for gold_path in sorted(gold_dir.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            doc = find_document(gold["document"], roots)
            assert doc is not None, gold["document"]
            for written in dict.fromkeys(m.group() for m in CANDIDATE.finditer(_header(doc))):
                old = {name: fn(written) for name, fn in OLD_PARSERS.items()}
                rows.append({"document": gold["document"], "written": written, "new": parse_date(written),
                             "strict": strict(written), "old": old})
    return rows


def _differences(table):
    return [(row, name, value) for row in table for name, value in row["old"].items() if value != row["new"]]


def test_the_headers_hold_enough_dates_to_judge(table):
    assert len(table) >= 60
    assert sum(1 for row in table if row["new"]) >= 50


def test_the_new_reader_agrees_with_the_strict_judge_on_every_header_date(table):
    wrong = [(row["written"], row["new"], row["strict"]) for row in table if row["new"] != row["strict"]]
    assert wrong == []


def test_every_difference_from_an_old_copy_is_decided_for_the_new_reader(table):
    differences = _differences(table)
    print(f"\n{len(table)} header date strings; {len(differences)} differences from the old copies")
    for row, name, value in differences:
        print(
            f"  {row['written']!r:42} {name:30} old={value!s:12} new={row['new']!s:12} judge={row['strict']}"
        )
    assert differences, "the old copies disagreed somewhere (31 February, '03.07.23', 'July 3rd 2023' ...)"
    undecided = [(row["written"], name) for row, name, value in differences if row["new"] != row["strict"]]
    assert undecided == []


def test_no_reader_result_the_new_one_gives_is_impossible(table):
    for row in table:
        if row["new"]:
            assert date.fromisoformat(str(row["new"]))


def test_an_old_copy_stored_an_impossible_date_the_new_one_refuses():
    assert OLD_PARSERS["load.pdf_meta.parse_date"]("31 February 2025") == "2025-02-31"
    assert parse_date("31 February 2025") is None
