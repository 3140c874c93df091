"""The one UK date reader (pipeline/text/dates.py): every shape minutes print,
day first, and never an impossible date."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.text.dates import find_date, find_dates, find_yearless_date, is_iso_date, parse_date

FORMS = [
    ("Monday 3rd July 2023", "2023-07-03"),
    ("3/7/2023", "2023-07-03"),
    ("03.07.23", "2023-07-03"),
    ("3 July, 2023", "2023-07-03"),
    ("July 3rd 2023", "2023-07-03"),
    ("July 3rd, 2023", "2023-07-03"),
    ("2023-07-03", "2023-07-03"),
    ("Thursday, 16th November, 2017 10.30 am", "2017-11-16"),
    ("the 28TH JULY, 2017", "2017-07-28"),
    ("27 SEPTEMBER 2005 (EVE)", "2005-09-27"),
    ("17 Mar 2021 - 19:00 to 22:00", "2021-03-17"),
    ("Tuesday, 27 August, 2019 at 7:00 pm", "2019-08-27"),
    ("the 4th of June 2024", "2024-06-04"),
    ("10-Feb-2026", "2026-02-10"),
    ("Sept. 9 2024", "2024-09-09"),
    ("MM 27.08.2019 & CITY COUNCIL", "2019-08-27"),
    ("held on 7/11/2024 at 7.30pm", "2024-11-07"),
]


@pytest.mark.parametrize(("written", "iso"), FORMS)
def test_each_form_reads_day_first(written, iso):
    assert parse_date(written) == iso


@pytest.mark.parametrize(
    "impossible",
    [
        "31 February 2025",
        "31/02/2025",
        "2025-02-31",
        "30.02.24",
        "February 30th, 2025",
        "Monday 32nd July 2023",
        "0/5/2024",
    ],
)
def test_an_impossible_date_is_none(impossible):
    assert parse_date(impossible) is None


def test_not_dates():
    assert parse_date("May 2024") is None  # a month, not a day
    assert parse_date("paragraphs 4.9 and 4.10") is None
    assert parse_date("section 4.10.2.1") is None
    assert parse_date("") is None and parse_date(None) is None


def test_an_impossible_date_is_skipped_for_the_next_real_one():
    assert find_date("31 February 2025, then 2 March 2025")[0] == "2025-03-02"


def test_find_dates_gives_spans_in_reading_order():
    text = "Minutes of 9 January 2025; next meeting on 13/02/2025."
    found = list(find_dates(text))
    assert [iso for iso, _, _ in found] == ["2025-01-09", "2025-02-13"]
    assert [text[s:e] for _, s, e in found] == ["9 January 2025", "13/02/2025"]


def test_a_weekday_is_part_of_the_span():
    text = "held on Thursday, 9 January 2025."
    _iso, start, end = find_date(text)
    assert text[start:end] == "Thursday, 9 January 2025"


def test_a_date_without_its_year_takes_the_year_its_weekday_fits():
    # 23 August fell on a Friday in 2024 and 2019, not in 2023 or 2025
    assert (
        find_yearless_date("the Meeting held on Friday 23rd August at 9am", [2023, 2024, 2025])[0]
        == "2024-08-23"
    )
    assert find_yearless_date("held on Friday 23rd August", [2023, 2025]) is None
    assert find_yearless_date("held on 23rd August 2024", [2024]) is None  # it has its year


def test_iso_check_refuses_impossible_and_other_shapes():
    assert is_iso_date("2025-01-09")
    assert not is_iso_date("2025-13-45")
    assert not is_iso_date("2025-02-31")
    assert not is_iso_date("9 January 2025")
    assert not is_iso_date(None)


@given(
    st.dates(min_value=date(1970, 1, 1), max_value=date(2069, 12, 31)),
    st.sampled_from(
        [
            "%d/%m/%Y",
            "%d.%m.%y",
            "%d %B %Y",
            "%A %d %B %Y",
            "%A, %d %B, %Y",
            "%B %d %Y",
            "%Y-%m-%d",
            "%d-%b-%Y",
            "%d %b %Y",
        ]
    ),
)
def test_round_trip_through_every_shape(day, shape):
    assert parse_date(day.strftime(shape)) == day.isoformat()


def test_dateparser_is_not_imported_for_the_common_shapes():
    code = (
        "import sys; from pipeline.text.dates import parse_date;"
        "assert parse_date('Monday 3rd July 2023') == '2023-07-03';"
        "assert parse_date('no date here') is None;"
        "print('dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
