"""Money: every written form from MODERNGOV.md, ranges, suspects, context."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.money import describe, find_money


def values(text: str) -> list[tuple[str, float]]:
    return [(m.raw, m.value_gbp) for m in find_money(text)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("a grant of £3,000 was made", "£3,000", 3000),
        ("a grant of £3000 was made", "£3000", 3000),
        ("totalling £643,940, which", "£643,940", 643940),
        ("spent £28,724.22 in total", "£28,724.22", 28724.22),
        ("about £75k a year", "£75k", 75000),
        ("nearly £500K of it", "£500K", 500000),
        ("a £6M programme", "£6M", 6_000_000),
        ("a £5m fund", "£5m", 5_000_000),
        ("the budget of £1,530.9m.", "£1,530.9m", 1_530_900_000),
        ("some £1 million", "£1 million", 1_000_000),
        ("about £9.2 million", "£9.2 million", 9_200_000),
        ("a £1.2bn programme", "£1.2bn", 1_200_000_000),
        ("up to £2 billion", "£2 billion", 2_000_000_000),
        ("worth 1.5 million pounds to", "1.5 million pounds", 1_500_000),
        ("up to £12 per year for a Band D property", "£12", 12),
        ("the sum of £994,287,655 was", "£994,287,655", 994_287_655),
    ],
)
def test_each_written_form_is_one_amount_with_its_value(text: str, raw: str, value: float) -> None:
    assert values(text) == [(raw, value)]


def test_offsets_point_at_the_raw_text() -> None:
    text = "amountfrom thePCC of£139,250k toidentify"
    (m,) = find_money(text)
    assert text[m.start : m.end] == "£139,250k"


def test_thousands_suffix_on_separated_figure_is_suspect_but_kept_as_written() -> None:
    (m,) = find_money("an allocation of £139,250k to identify")
    assert m.value_gbp == 139_250_000
    assert m.suspect and "thousands" in m.suspect


def test_same_figure_written_two_ways_is_flagged() -> None:
    found = find_money("The PCC gave £139,250k. Later minutes say £139,250 was given.")
    assert "conflicts" in (found[0].suspect or "")
    assert found[1].suspect is None


def test_plain_figures_are_not_suspect() -> None:
    assert all(m.suspect is None for m in find_money("£1,530.9m and £5m and £3,000 and £75k"))


def test_range_with_two_pound_signs_gives_two_rows() -> None:
    assert values("between £10,000 - £15,000 each") == [("£10,000", 10000), ("£15,000", 15000)]


def test_range_with_one_scale_applies_it_to_both_ends() -> None:
    assert values("costing £5-10m over") == [("£5", 5_000_000), ("10m", 10_000_000)]


def test_count_after_to_is_not_a_range() -> None:
    assert values("£3 to 4 people") == [("£3", 3)]


def test_every_mention_is_a_row() -> None:
    assert len(find_money("£3,000 then £3,000 then £3,000 again")) == 3


def test_counts_and_percentages_are_not_money() -> None:
    assert find_money("90 residents, 15% and 4.5k impressions") == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("£5,000 per annum for the service", "annual"),
        ("an annual amount of £5,000", "annual"),
        ("£5,000 a year", "annual"),
        ("£500 per week", "weekly"),
        ("£5,000 for 2022/23", "2022-23"),
        ("£5,000 in 2022-23", "2022-23"),
    ],
)
def test_period_is_read_from_nearby_words(text: str, period: str) -> None:
    (m,) = find_money(text)
    assert describe(text, m).period == period


def test_kind_and_purpose() -> None:
    text = "The PCC gave £130k capital funding towards CCTV, which helped."
    (m,) = find_money(text)
    described = describe(text, m)
    assert described.kind == "capital"
    assert described.purpose == "CCTV"


def test_purpose_skips_a_period_after_for() -> None:
    text = "A grant of £20,000 for 2022/23 to support the Street Pastors Project."
    (m,) = find_money(text)
    assert describe(text, m).purpose == "the Street Pastors Project"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("£0123456789,.kKmMb -–tolionpuds\n")), max_size=60))
def test_parsing_never_raises_and_offsets_stay_inside(text: str) -> None:
    for m in find_money(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.raw
        assert m.value_gbp >= 0
        describe(text, m)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_formatted_integers_round_trip(n: int) -> None:
    (m,) = find_money(f"cost £{n:,} in all")
    assert m.value_gbp == n


def test_figures_under_a_money_column_header_are_sums_without_a_pound_sign():
    from extractors.money import find_money

    text = ("Bank balances were reported. ACCOUNT NAME AMOUNT Current Account 1840.60 "
            "Reserve Account 12,415.00 Deposit 0")
    assert [m.value_gbp for m in find_money(text)] == [1840.60, 12415.00]


def test_times_counts_and_prose_decimals_are_not_money_column_figures():
    from extractors.money import find_money

    assert find_money("The meeting closed at 21.45 having started at 19.30.") == []
    assert find_money("Rainfall was 112.50 mm over the month.") == []
    # under a header, a time or a small count is still not a sum
    assert [m.value_gbp for m in find_money("PAYEE AMOUNT Clerk's salary 412.18 paid at 19.30")] == [412.18]


def test_a_figure_read_with_its_pound_sign_is_not_read_twice_under_a_column():
    from extractors.money import find_money

    assert [m.value_gbp for m in find_money("DETAIL AMOUNT Grass cutting £ 350.00")] == [350.0]
