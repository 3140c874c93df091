"""The listing commands: filters, formats, provenance and usage errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import query_fixtures as fx
from click.testing import CliRunner

from pipeline import store
from pipeline.cli import main
from pipeline.cli.commands import tabulate
from pipeline.errors import UsageError
from pipeline.reports import query


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("query") / "minutes.db"
    fx.build(path).conn.close()
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def rows(db_path: str, *args: str) -> list[dict]:
    code, out, err = run(*args, "--db", db_path, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_theme_matches_without_case_or_hyphen(db_path: str) -> None:
    for theme in ("anti-social behaviour", "Anti-Social Behaviour", "antisocial behaviour"):
        found = rows(db_path, "actions", "--theme", theme)
        assert [r["text"] for r in found] == [fx.ASB_ACTION], theme


def test_status_open_keeps_the_asb_action_and_drops_done(db_path: str) -> None:
    found = rows(db_path, "actions", "--theme", "anti-social behaviour", "--status", "open")
    assert [r["text"] for r in found] == [fx.ASB_ACTION]
    assert rows(db_path, "actions", "--status", "done")[0]["text"] == fx.CAMERA_ACTION
    assert rows(db_path, "actions", "--theme", "anti-social behaviour", "--status", "done") == []


def test_rows_carry_meeting_and_provenance(db_path: str) -> None:
    (row,) = rows(db_path, "actions", "--theme", "anti-social behaviour")
    text = (fx.CORPUS / "000_7ee41a706ab96347.txt").read_text(encoding="utf-8")
    assert row["council"] == "Bromsgrove District Council"
    assert row["committee"] == "Overview and Scrutiny Board"
    assert row["document_path"] == "corpus/000_7ee41a706ab96347.txt"
    assert row["page"] == 1
    assert text[row["start_char"]:row["end_char"]] == row["text"]
    assert row["themes"] == ["Anti-social behaviour"]


def test_year_and_date_bounds(db_path: str) -> None:
    assert {r["date"] for r in rows(db_path, "resolutions", "--from", "2024")} == {"2024-07-15"}
    assert {r["date"] for r in rows(db_path, "resolutions", "--to", "2023")} == {"2023-11-20"}
    assert rows(db_path, "resolutions", "--from", "2024-07-16") == []
    assert len(rows(db_path, "resolutions", "--from", "2023-11-20", "--to", "2024-07-15")) == 2


def test_date_bound_expands_years_and_months() -> None:
    assert query.date_bound("2019", end=False) == "2019-01-01"
    assert query.date_bound("2019", end=True) == "2019-12-31"
    assert query.date_bound("2020-02", end=True) == "2020-02-29"
    assert query.date_bound("2019-12", end=True) == "2019-12-31"
    with pytest.raises(UsageError):
        query.date_bound("2019-13-01", end=False)


def test_council_and_committee_filters(db_path: str) -> None:
    assert {r["council"] for r in rows(db_path, "resolutions", "--council", "redditch")} == {
        "Redditch Borough Council"
    }
    assert {r["committee"] for r in rows(db_path, "amounts", "--committee", "Crime and Disorder")} == {
        "Crime and Disorder Scrutiny Panel"
    }


def test_amount_theme_comes_from_its_agenda_item(db_path: str) -> None:
    assert sorted(r["raw"] for r in rows(db_path, "amounts", "--theme", "cctv")) == ["£130k", "£195,000"]


def test_search_restricts_to_matching_items(db_path: str) -> None:
    found = rows(db_path, "resolutions", "--search", "shoplifting")
    assert [r["council"] for r in found] == ["Bromsgrove District Council"]


@pytest.mark.parametrize(
    "expression", ['"unbalanced', "AND OR", "nosuchcolumn:word", "anti-social", "shop's"]
)
def test_search_filter_takes_words_as_typed(db_path: str, expression: str) -> None:
    code, out, err = run("actions", "--search", expression, "--db", db_path, "--json")
    assert code == 0, err
    assert isinstance(json.loads(out), list)


def test_search_filter_keeps_fts_syntax(db_path: str) -> None:
    assert [
        r["council"] for r in rows(db_path, "resolutions", "--search", "shoplifting OR zzzunfindable")
    ] == ["Bromsgrove District Council"]
    assert rows(db_path, "resolutions", "--search", "shoplifting NOT partnership") == []


@pytest.mark.parametrize("expression", ["(", "NOT shoplifting", "- &"])
def test_nothing_to_search_for_is_one_line_exit_2(db_path: str, expression: str) -> None:
    code, out, err = run("actions", "--search", expression, "--db", db_path)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "nothing to search for" in err
    assert "Traceback" not in err


def test_bad_date_is_exit_2(db_path: str) -> None:
    code, _, err = run("actions", "--from", "last year", "--db", db_path)
    assert code == 2 and "bad date" in err


def test_limit(db_path: str) -> None:
    assert len(rows(db_path, "resolutions", "--limit", "1")) == 1


def test_json_flag_equals_format_json(db_path: str) -> None:
    a = run("amounts", "--db", db_path, "--json")[1]
    b = run("amounts", "--db", db_path, "--format", "json")[1]
    assert json.loads(a) == json.loads(b) and len(json.loads(a)) == 3


def test_csv_has_every_column_and_json_lists(db_path: str) -> None:
    code, out, _ = run("actions", "--db", db_path, "--format", "csv")
    assert code == 0
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert list(parsed[0].keys()) == query.COLUMNS["actions"]
    assert {json.dumps(["Anti-social behaviour"]), json.dumps(["CCTV"])} == {r["themes"] for r in parsed}


def test_table_fits_the_terminal(db_path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    monkeypatch.setattr(tabulate, "stdout_is_terminal", lambda: True)
    code, out, _ = run("actions", "--db", db_path)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4  # header, rule, two actions
    assert max(len(line) for line in lines) <= 70
    assert "open" in lines[2] or "open" in lines[3]


def test_tabulate_keeps_short_columns_whole() -> None:
    out = tabulate.render([{"date": "2024-01-01", "text": "x" * 300}], ["date", "text"], width=50)
    assert all(len(line) <= 50 for line in out.splitlines())
    assert "2024-01-01" in out and "…" in out


def test_schemes_counts_and_linked_money(db_path: str) -> None:
    (scheme,) = rows(db_path, "schemes")
    assert scheme["name"] == "PCC's CCTV Capital Fund"
    assert scheme["mentions"] == 1 and scheme["documents"] == 1
    assert scheme["years"] == ["2023"]
    # "PCC's CCTV Capital Fund: Since 2017 ... NWCSP first received an allocation of £195,000": the
    # amount is in the sentence after the one naming the fund, so it is not the fund's money.
    assert scheme["total_gbp"] == 0 and scheme["amounts"] == 0 and scheme["summed"] == []
    assert scheme["document_paths"] == ["corpus/001_af92f7622ef826f5.txt"]
    assert rows(db_path, "schemes", "--council", "Bromsgrove") == []


def test_status_is_only_for_actions(db_path: str) -> None:
    with pytest.raises(UsageError):
        query.facts(store.connect(db_path), "resolutions", query.Filters(status="open"))


def test_filters_are_bound_parameters_not_sql(db_path: str) -> None:
    assert rows(db_path, "actions", "--council", "x' or 1=1 --") == []
    code, out, err = run("actions", "--theme", "') or 1=1 --", "--db", db_path)
    assert code == 2 and out == "" and "unknown theme" in err


def test_seed_ingest_finds_the_asb_action(tmp_path: Path) -> None:
    """End to end over the seeds, once the extractors fill actions and themes."""
    db = str(tmp_path / "seeds.db")
    code, _, err = run("ingest", str(fx.CORPUS), "--db", db, "--quiet")
    assert code in (0, 1), err
    found = rows(db, "actions", "--theme", "anti-social behaviour", "--status", "open")
    asb = [
        r for r in found if "relevant support could be arranged" in r["text"]
    ]  # the Community Safety Manager's commitment
    assert len(asb) == 1, [r["text"] for r in found]
    assert asb[0]["document_path"].endswith("000_7ee41a706ab96347.txt")
    assert "ASB" in (asb[0]["context"] or "")
