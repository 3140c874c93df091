"""fts_query: what people type becomes an FTS5 query that SQLite accepts and
that finds what they meant, on a real FTS5 table of invented minutes text."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.reports.fts import fts_query, is_valid, plain_terms, translate

ROWS = {
    1: "The Panel discussed anti-social behaviour in the town centre.",
    2: "An update on children’s services was requested for the next meeting.",
    3: "Recovery from covid-19 continued to affect the leisure budget.",
    4: "The youth club would reopen in March.",
    5: "CCTV cameras were installed near the youth centre.",
    6: "Antisocial driving and social housing were raised by Members.",
    7: "The housing budget and the children's centre were noted.",
}


@pytest.fixture(scope="module")
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    c.execute("create virtual table t using fts5(text, tokenize='porter unicode61 remove_diacritics 2')")
    c.executemany("insert into t (rowid, text) values (?, ?)", ROWS.items())
    return c


def hits(conn: sqlite3.Connection, typed: str) -> set[int]:
    query = fts_query(typed, ["text"])
    if not query:
        return set()
    return {r[0] for r in conn.execute("select rowid from t where t match ?", [query])}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("anti-social behaviour", {1}),
        ("children's services", {2}),  # the stored text has a typographic apostrophe
        ("children’s centre", {7}),
        ("covid-19", {3}),
        ("Covid-19 budget", {3}),
        ('"youth club" OR CCTV', {4, 5}),
        ('"anti-social behaviour" AND town', {1}),
        ("housing NOT budget", {6}),
        ("housing AND NOT budget", {6}),  # FTS5 wants "a NOT b"; people write "a AND NOT b"
        ("(youth OR housing) AND budget", {7}),
        ("cam*", {5}),
        ("covid-1*", {3}),
        ("NEAR(youth club, 2)", {4}),
        ("text:cctv", {5}),
        ("install", {5}),  # porter stemming: installed
        ("youth (club OR centre)", {4, 5}),  # FTS5 itself needs an AND before the group
        ("(youth OR housing) budget", {7}),
    ],
)
def test_typed_queries_find_what_was_meant(conn: sqlite3.Connection, typed: str, expected: set[int]) -> None:
    assert hits(conn, typed) == expected


def test_hyphenated_words_are_not_read_as_fts_operators(conn: sqlite3.Connection) -> None:
    # Raw, FTS5 reads "anti-social" as "anti NOT-column social" and fails.
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("select rowid from t where t match ?", ["anti-social behaviour"]).fetchall()
    assert hits(conn, "anti-social behaviour") == {1}
    # "Antisocial driving" is the same word closed up; "social housing" alone is not it.
    assert hits(conn, "anti-social") == {1, 6}
    assert hits(conn, "anti-social behaviour") == {1}
    assert hits(conn, "NEAR(anti-social behaviour, 3)") == {1}
    assert hits(conn, "text:anti-soc*") == {1, 6}


@pytest.mark.parametrize(
    "typed",
    [
        "housing AND",
        "OR housing",
        "((housing",
        "housing )",
        '"unclosed phrase',
        "AND OR NOT",
        "a,b,,c",
        "NEAR(",
        "text:",
        "nope:housing",
        "14:30 meeting",
        "£50k",
        "- & –",
        "'quoted'",
        "***",
        "^housing",
        "housing +",
    ],
)
def test_malformed_input_is_still_a_valid_query(typed: str) -> None:
    query = fts_query(typed, ["text"])
    assert query == "" or is_valid(query, ["text"])


def test_syntax_the_user_wrote_is_kept() -> None:
    assert translate('"youth club" OR CCTV') == '"youth club" OR CCTV'
    assert translate("anti-social behaviour") == '("anti-social" OR "antisocial") AND behaviour'
    assert translate("children's services") == '"children\'s" AND services'
    assert translate("covid-1*") == '("covid-1"* OR "covid1"*)'
    assert translate("O-R housing") == '("O-R" OR "OR") AND housing'
    assert translate("text:cctv", ["text"]) == "text:cctv"
    assert translate("nope:cctv", ["text"]) == '"nope:cctv"'


def test_nothing_searchable_gives_an_empty_query(conn: sqlite3.Connection) -> None:
    for typed in ("", "   ", "- & –", "()"):
        assert fts_query(typed) == ""
    assert hits(conn, "NOT housing") == set()  # FTS5 cannot say "everything but"


def test_plain_terms_quote_every_word() -> None:
    assert plain_terms('NOT (housing") covid-19') == '"NOT" "housing" "covid-19"'


PIECES = [*'ab -\'"()*:,^+&’é19', " ", " ", "AND", "OR", "NOT", "NEAR", "text", "text:"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20))
def test_any_input_gives_a_query_sqlite_accepts(pieces: list[str]) -> None:
    query = fts_query("".join(pieces), ["text"])
    assert query == "" or is_valid(query, ["text"])


WORDS = st.text(alphabet=st.sampled_from(list("abcXYZé19-'’.&/")), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=6))
def test_plain_words_never_need_the_fallback(words: list[str]) -> None:
    """Words with hyphens, apostrophes and stray punctuation translate to a
    valid query themselves (the plain-terms fallback is for broken syntax)."""
    query = translate(" ".join(words), ["text"])
    assert query == "" or is_valid(query, ["text"])
