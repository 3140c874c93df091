"""`minutes tracker`: the officers' action tracker as CSV, xlsx and the canned
query, with RAG by the stated rule and formula-looking cells neutralised."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path

import cli_fixtures as fx
import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.cli.commands import tabulate
from pipeline.reports import tracker

AS_OF = "2024-08-01"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("tracker") / "minutes.db"
    fx.build(path).conn.close()
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def rows(db_path: str, *args: str, as_of: str = AS_OF) -> dict[str, dict]:
    code, out, err = run("tracker", "--db", db_path, "--as-of", as_of, "--json", *args)
    assert code == 0, err
    return {r["action"]: r for r in json.loads(out)}


def test_rag_follows_the_stated_rule(db_path: str) -> None:
    got = {action: r["rag"] for action, r in rows(db_path).items()}
    assert got == {
        fx.LONG_ACTION: "green",  # done
        fx.DUE_ACTION: "red",  # in progress, due 2024-07-10 < as-of
        fx.DASH_ACTION: "red",  # open, no due date, agreed 204 days before as-of (>= 90)
        fx.FORMULA_ACTION: "red",
    }
    earlier = {a: r["rag"] for a, r in rows(db_path, "--red-after", "365d").items()}
    assert earlier[fx.DASH_ACTION] == "amber" and earlier[fx.DUE_ACTION] == "red"
    before_due = {a: r["rag"] for a, r in rows(db_path, as_of="2024-02-01").items()}
    assert before_due[fx.DUE_ACTION] == "amber" and before_due[fx.DASH_ACTION] == "amber"
    assert before_due[fx.LONG_ACTION] == "green"


def test_columns_of_a_scrutiny_tracker(db_path: str) -> None:
    row = rows(db_path)[fx.DUE_ACTION]
    assert row["committee"] == fx.COMMITTEE and row["meeting_date"] == "2024-01-10"
    assert row["owner"] == "Officers" and row["due"] == "2024-07-10" and row["status"] == "in progress"
    assert row["action_taken"] == "2024-07-10: The children's services referral figures were still awaited."
    assert row["rag_reason"] == "overdue since 2024-07-10"
    assert fx.action_id(fx.DUE_ACTION).startswith(row["reference"]) and len(row["reference"]) >= 8
    # the officer's note wins over evidence
    assert (
        rows(db_path)[fx.DASH_ACTION]["action_taken"]
        == "2024-07-20 (officer): Letter drafted, awaiting sign-off"
    )


def test_rag_filter(db_path: str) -> None:
    assert set(rows(db_path, "--rag", "green")) == {fx.LONG_ACTION}


def test_csv_has_headings_and_neutralised_cells(db_path: str) -> None:
    code, out, _ = run("tracker", "--db", db_path, "--as-of", AS_OF, "--format", "csv")
    assert code == 0
    table = list(csv.reader(io.StringIO(out)))
    assert table[0][:9] == [
        "Reference",
        "Council",
        "Committee",
        "Meeting date",
        "Agenda item",
        "Directorate / owner",
        "Action / recommendation",
        "Due date",
        "Action taken (evidence)",
    ]
    cells = [c for row in table[1:] for c in row]
    assert "'" + fx.FORMULA_ACTION in cells and "'@Finance" in cells and "'" + fx.DASH_ACTION in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_xlsx_opens_with_rag_colours_text_and_dates(db_path: str, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "tracker.xlsx"
    code, _, err = run("tracker", "--db", db_path, "--as-of", AS_OF, "--format", "xlsx", "--output", str(out))
    assert code == 0, err
    wb = openpyxl.load_workbook(out)
    ws = wb["Actions"]
    heads = [c.value for c in ws[1]]
    assert heads == list(tracker.COLUMNS.values())
    col = {h: i for i, h in enumerate(heads)}
    by_action = {r[col["Action / recommendation"]].value: r for r in ws.iter_rows(min_row=2)}
    formula = by_action[fx.FORMULA_ACTION][col["Action / recommendation"]]
    assert formula.value == fx.FORMULA_ACTION and formula.data_type == "s"  # text, not a formula
    rag = by_action[fx.LONG_ACTION][col["RAG"]]
    assert rag.value == "green" and rag.fill.start_color.rgb.endswith("C6EFCE")
    assert by_action[fx.DUE_ACTION][col["RAG"]].fill.start_color.rgb.endswith("FFC7CE")
    meeting = by_action[fx.DUE_ACTION][col["Meeting date"]]
    assert meeting.is_date and meeting.value.date().isoformat() == "2024-01-10"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    key = " ".join(str(c.value) for c in wb["Key"]["A"])
    assert "green = closed" in key and "90 days" in key and AS_OF in key


def test_xlsx_to_a_terminal_needs_output(db_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabulate, "stdout_is_terminal", lambda: True)
    code, _, err = run("tracker", "--db", db_path, "--format", "xlsx")
    assert code == 2 and "--output" in err


def test_help_states_the_rag_rule() -> None:
    code, out, _ = run("tracker", "--help")
    assert code == 0
    for words in ("green  closed: done, superseded or dropped", "red    open or in progress and overdue",
                  "amber  open or in progress and not overdue", "default 3m = 90 days"):
        assert words in out


@pytest.mark.parametrize("args", [["--as-of", "yesterday"], ["--red-after", "soon"]])
def test_bad_dates_are_usage_errors(db_path: str, args: list[str]) -> None:
    code, out, err = run("tracker", "--db", db_path, *args)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


def test_the_canned_query_is_the_same_tracker(db_path: str) -> None:
    pytest.importorskip("datasette")
    from datasette.app import Datasette

    from pipeline.web import launch

    meta = yaml.safe_load(launch.METADATA.read_text(encoding="utf-8"))
    assert meta["databases"]["minutes"]["queries"]["tracker"]["sql"] == tracker.SQL
    launch.prepare(db_path)
    ds = Datasette([db_path], metadata=launch.metadata(db_path))
    name = Path(db_path).stem
    response = asyncio.run(ds.client.get(
        f"/{name}/tracker.json?_shape=array&as_of={AS_OF}&red_after_days=&council=&committee="))
    assert response.status_code == 200, response.text[:300]
    web = {r["action"]: r["rag"] for r in response.json()}
    assert web == {a: r["rag"] for a, r in rows(db_path).items()}
