"""Scheme money: an amount belongs to a scheme only when its own sentence or
clause names the scheme; a sum printed twice at one meeting counts once;
totals say which amounts they add up; `minutes schemes`, `minutes scheme
NAME` and the web UI read the one definition (store/scheme_money.py).

Minutes are invented, in the forms councils print them: resolutions quoted as
recommendations and then resolved, lettered lists, bullets, semicolons, a
decision notice beside the printed minutes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import store
from pipeline.cli import main
from pipeline.store import scheme_money

COUNCIL, CABINET = "Wessex County Council", "Cabinet"
MONEY = re.compile(r"£(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(million|m|k)\b)?")
SCHEMES = ("Wessex Pay Scheme", "Recovery Grant", "Safer Streets Fund", "Ask for Angela", "Green Growth Fund",
           "Creative Places Fund", "Nominated Neighbour Scheme")


def value(m: re.Match[str]) -> float:
    return float(m.group(1).replace(",", "")) * {"m": 1e6, "million": 1e6, "k": 1e3, None: 1}[m.group(2)]


def add_document(db, doc_id: str, date: str, items: list[str], path: str = "") -> None:  # type: ignore[no-untyped-def]
    """One document of the meeting of ``date``: its items, every £ amount and every scheme name in them."""
    meeting_id = store.short_hash("meeting", date)
    db["meetings"].insert(
        {"id": meeting_id, "council": COUNCIL, "committee": CABINET, "date": date}, ignore=True
    )
    text = "\n\n".join(items)
    db["documents"].insert(
        {"id": doc_id, "path": path or f"{doc_id}.txt", "meeting_id": meeting_id, "text": text}
    )
    start = 0
    for n, body in enumerate(items):
        item_id = f"{doc_id}-{n}"
        db["agenda_items"].insert(
            {
                "id": item_id,
                "meeting_id": meeting_id,
                "document_id": doc_id,
                "ordinal": n,
                "title": body.split("\n")[0],
                "text": body,
                "start_char": start,
                "end_char": start + len(body),
            }
        )
        base = {"document_id": doc_id, "meeting_id": meeting_id, "item_id": item_id, "page": 1}
        for m in MONEY.finditer(body):
            s = start + m.start()
            db["amounts"].insert(
                {
                    **base,
                    "id": f"{doc_id}-a{s}",
                    "start_char": s,
                    "end_char": s + len(m.group(0)),
                    "text": m.group(0),
                    "raw": m.group(0),
                    "value_gbp": value(m),
                }
            )
        for name in SCHEMES:
            sid = store.short_hash("scheme", name)
            for m in re.finditer(re.escape(name), body, flags=re.IGNORECASE):
                db["schemes"].insert({"id": sid, "name": name, "aliases": json.dumps([name])}, ignore=True)
                s = start + m.start()
                db["scheme_mentions"].insert(
                    {
                        **base,
                        "id": f"{doc_id}-m{s}",
                        "start_char": s,
                        "end_char": s + len(name),
                        "text": m.group(0),
                        "scheme_id": sid,
                        "name": name,
                        "score": 100.0,
                    }
                )
        start += len(body) + 2


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def totals(path: Path) -> dict[str, tuple[float, list[str]]]:
    """`minutes schemes --json`: {scheme: (total, the amounts it sums as written)}."""
    res = run("schemes", "--db", str(path), "--json")
    assert res.exit_code == 0, res.output
    return {
        r["name"]: (r["total_gbp"], sorted(s["raw"] for s in r["summed"])) for r in json.loads(res.output)
    }


BUDGET = """Budget 2025-26
RESOLVED that County Council agree:
(e) to increase Council Tax band rates up to the maximum permitted without a referendum.
(f) The total Council Tax requirement of £994,287,655 to be raised through precepts on districts.

Wessex Pay Scheme 2025-26
(g) Note the transition of all Wessex Pay Scheme staff to the new pay structure.
(h) Agree an uplift of £250,000 to the Wessex Pay Scheme as set out in section 7.9."""

GRANT = (
    "Members noted that Northtown were set to receive £40million of the government's Recovery Grant, of which"
    " Wessex would receive none. In monetary terms, Northtown would receive £64.00 per head compared to"
    " Wessex's allocation of £16.00 per head."
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "money.db"
    db = store.connect(path)
    # the budget printed twice in one document: as the recommendation and as the resolution
    add_document(db, "d1", "2025-02-13", [BUDGET.replace("RESOLVED", "RECOMMENDED"), BUDGET, GRANT])
    add_document(
        db,
        "d2",
        "2025-03-20",
        [
            (
                "Community safety grants\nThe Panel agreed grants of £5,000 for Ask for "
                "Angela, £3,000 for the Safer Streets"
                " Fund and £2,000 for street lighting."
            ),
            (
                "Funding changes\nMembers regretted the loss of the £10m Green Growth "
                "Fund but welcomed the £25m Creative"
                " Places Fund; the Chair thanked officers for £1,500 of in-kind support."
            ),
            (
                "Nominated Neighbour Scheme\n• The Nominated Neighbour Scheme and how it "
                "worked.\n• The funding for CCTV"
                " improvements – the £40k was specifically for Northtown."
            ),
        ],
    )
    # the same decision in the decision notice and in the printed minutes of one meeting
    for doc, kind in (("d3", "decision notice"), ("d4", "printed minutes")):
        add_document(
            db,
            doc,
            "2025-04-24",
            [
                (
                    f"Safer Streets Fund ({kind})\nCabinet approved the award of £7,500"
                    " from the Safer Streets Fund to the Northtown CCTV partnership."
                )
            ],
        )
    # the same sum at a later meeting is new money
    add_document(
        db,
        "d5",
        "2025-06-12",
        [
            (
                "Safer Streets Fund\nA further £7,500 from the Safer Streets Fund was"
                " awarded to the Northtown CCTV partnership."
            )
        ],
    )
    db.conn.close()
    return path


def test_an_amount_belongs_to_a_scheme_only_in_a_sentence_or_clause_naming_it(db_path):
    got = totals(db_path)
    # the council tax requirement is in (f), the scheme in (g) and (h); the budget is printed twice
    assert got["Wessex Pay Scheme"] == (250_000, ["£250,000"])
    assert got["Recovery Grant"] == (
        40_000_000,
        ["£40million"],
    )  # not the £64.00 and £16.00 of the next sentence
    assert got["Ask for Angela"] == (5000, ["£5,000"])
    assert got["Green Growth Fund"] == (10_000_000, ["£10m"])  # the £25m is attached to the other fund
    assert got["Creative Places Fund"] == (25_000_000, ["£25m"])  # not the £1,500 after the semicolon
    assert got["Nominated Neighbour Scheme"] == (0, [])  # the £40k is in the next bullet


def test_a_decision_printed_twice_counts_once(db_path):
    got = totals(db_path)
    # £3,000 at 2025-03-20; £7,500 in the notice and the minutes of 2025-04-24 (once); £7,500 again on
    # 2025-06-12
    assert got["Safer Streets Fund"] == (18_000, ["£3,000", "£7,500", "£7,500"])
    db = store.connect(db_path)
    repeats = db.execute(
        "select s.name, l.amount_id, l.repeat_of, l.printed from scheme_amount_links l"
        " join schemes s on s.id = l.scheme_id where not l.counted order by s.name"
    ).fetchall()
    assert [(r[0], r[1][:4], r[2][:4], r[3]) for r in repeats] == [
        ("Safer Streets Fund", "d4-a", "d3-a", 2),  # the minutes repeat the decision notice
        ("Wessex Pay Scheme", "d1-a", "d1-a", 2),  # the resolution repeats the recommendation
    ]


def test_scheme_command_shows_each_amount_once_and_the_total_it_sums(db_path):
    res = run("scheme", "Safer Streets Fund", "--db", str(db_path), "--json")
    data = json.loads(res.output)
    (total,) = [t for t in data["totals"] if t["name"] == "Safer Streets Fund"]
    assert total["total_gbp"] == 18_000 and len(total["summed"]) == 3
    assert all(" chars " in s for s in total["summed"])  # each summed amount with its source
    shown = [a for ms in data["years"].values() for m in ms for a in m["amounts"]]
    assert sorted(shown) == ["£3,000", "£7,500", "£7,500", "£7,500 (printed again, counted once)"]
    text = run("scheme", "Safer Streets Fund", "--db", str(db_path)).output
    assert "total for Safer Streets Fund: £18,000 = £3,000 (d2.txt chars " in text


def test_the_cli_the_views_and_the_ui_read_one_definition(db_path):
    db = store.connect(db_path)
    view = dict(
        db.execute("select scheme_id, sum(value_gbp) from scheme_amounts group by scheme_id").fetchall()
    )
    names = dict(db.execute("select id, name from schemes").fetchall())
    cli = {n: t for n, (t, _) in totals(db_path).items() if t}
    assert {names[k]: v for k, v in view.items()} == cli
    metadata = (Path(scheme_money.__file__).parent.parent / "web" / "metadata.yaml").read_text(
        encoding="utf-8"
    )
    assert "300" not in re.sub(r"truncate\w*:\s*\d+", "", metadata)  # no window of its own
    assert "scheme_amount_links" in metadata and not hasattr(store, "SCHEME_AMOUNT_WINDOW")


def test_an_older_stores_window_view_is_replaced(tmp_path):
    path = tmp_path / "old.db"
    db = store.connect(path)
    db.execute("drop view scheme_amounts")
    db.execute(
        "create view scheme_amounts as select m.scheme_id, a.id as amount_id, "
        "a.value_gbp from scheme_mentions m"
        " join amounts a on a.document_id = m.document_id and abs(a.start_char - m.start_char) <= 300"
    )
    db.conn.close()
    db = store.connect(path)
    sql = db.execute("select sql from sqlite_master where name = 'scheme_amounts'").fetchone()[0]
    assert "300" not in sql and "scheme_amount_links" in sql


@pytest.mark.parametrize(
    "between, linked",
    [
        (" for the ", True),
        (", which the Panel welcomed, for the ", True),
        (". The ", False),
        ("; the ", False),
        ("\n\n", False),
        ("\n• ", False),
        ("\n(b) ", False),
        (", and the ", False),
    ],
)
def test_boundaries(tmp_path, between, linked):
    path = tmp_path / "b.db"
    db = store.connect(path)
    add_document(
        db, "d1", "2025-01-09", [f"Grants\nCabinet approved £12,000{between}Safer Streets Fund bid."]
    )
    db.conn.close()
    assert (totals(path)["Safer Streets Fund"][0] == 12_000) is linked
