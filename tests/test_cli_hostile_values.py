"""Values from outside that must not turn into something else: an impossible
month in --from/--to, and minutes text that a spreadsheet would run as a
formula in CSV output."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import query_fixtures as fx
from click.testing import CliRunner

from pipeline import store
from pipeline.cli import main
from pipeline.reports.export import spreadsheet_safe

FORMULAS = ["=HYPERLINK(\"http://example.invalid\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = tmp_path / "minutes.db"
    db = fx.build(path)
    with store.transaction(db):
        db.execute("update meetings set committee = ? where id = 'm1'", [FORMULAS[0]])
        ids = [r[0] for r in db.execute("select id from actions order by id")]
        db.execute("update actions set owner = ? where id = ?", [FORMULAS[3], ids[0]])
    db.conn.close()
    return str(path)


@pytest.mark.parametrize("bad", ["2024-13", "2024-00", "2024-13-01", "2025-02-30"])
@pytest.mark.parametrize("option", ["--to", "--from"])
def test_an_impossible_date_bound_is_a_usage_error(db_path: str, option: str, bad: str) -> None:
    result = CliRunner().invoke(main, ["resolutions", option, bad, "--db", db_path])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and bad in result.stderr


def test_a_month_bound_still_ends_on_the_last_day(db_path: str) -> None:
    from pipeline.reports.query import date_bound

    assert date_bound("2024-12", end=True) == "2024-12-31"
    assert date_bound("2024-02", end=True) == "2024-02-29"


@pytest.mark.parametrize("value", FORMULAS)
def test_spreadsheet_safe_prefixes_formulas(value: str) -> None:
    assert spreadsheet_safe(value) == "'" + value


@pytest.mark.parametrize("value", ["Cabinet", "2024-07-15", "£195,000", "", None, -5, 2.5, "a = b"])
def test_spreadsheet_safe_leaves_other_values(value: object) -> None:
    assert spreadsheet_safe(value) == value


def test_csv_export_neutralises_formulas(db_path: str, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--out", str(out), "--db", db_path])
    assert result.exit_code == 0, result.stderr
    meetings = list(csv.DictReader((out / "meetings.csv").open(encoding="utf-8", newline="")))
    assert "'" + FORMULAS[0] in {m["committee"] for m in meetings}
    actions = list(csv.DictReader((out / "actions.csv").open(encoding="utf-8", newline="")))
    assert "'" + FORMULAS[3] in {a["owner"] for a in actions}
    for name in ("meetings", "actions", "documents", "resolutions"):
        for row in csv.DictReader((out / f"{name}.csv").open(encoding="utf-8", newline="")):
            assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values() if v), (name, row)


def test_csv_listing_neutralises_formulas(db_path: str) -> None:
    result = CliRunner().invoke(main, ["actions", "--format", "csv", "--db", db_path])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "'" + FORMULAS[3] in {r["owner"] for r in rows}
