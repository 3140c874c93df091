"""The UI's bounds on read-only SQL (plugins/guard.py, launch.LIMITS), its
Host check, `--public`, and a clean stop on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("datasette")
import query_fixtures as fx
from datasette.app import Datasette
from served import free_port, minutes_command, wait_until_up
from ui_app import app, get

from pipeline.cli import main
from pipeline.web import launch

MB = 1024 * 1024


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("limits") / "council.db"
    fx.build(path).conn.close()
    launch.prepare(path)
    return path


@pytest.fixture(scope="module")
def ds(store: Path) -> Datasette:
    return app(store)


def sql(ds: Datasette, query: str):  # type: ignore[no-untyped-def]
    return asyncio.run(ds.client.get("/council.json", params={"sql": query, "_shape": "array"}))


@pytest.mark.parametrize(
    "query", ["select zeroblob(200000000)", "select length(randomblob(200000000))", "select ZeroBlob(1)"]
)
def test_zeroblob_and_randomblob_are_refused(ds: Datasette, query: str) -> None:
    refused = sql(ds, query)
    assert refused.status_code == 400
    assert "not authorized" in refused.text


def test_one_huge_value_is_refused(ds: Datasette) -> None:
    # 2 MB of hex, each character made ten: 20 MB in one value
    response = sql(
        ds, "select replace(hex(cast(printf('%.*c', 1000000, 'x') as blob)), '7', '7777777777') as big"
    )
    assert response.status_code == 400
    assert "too big" in response.text


def test_a_query_over_the_result_budget_fails_instead_of_filling_memory(ds: Datasette) -> None:
    # 200 rows of 1 MB each: every value is allowed, the sum is not.
    query = (
        "with recursive r(n) as (select 1 union all select n + 1 from r where n < 200) "
        "select printf('%.*c', 1000000, 'x') as v from r"
    )
    response = sql(ds, query)
    assert response.status_code == 400
    assert "result over" in response.text
    # the connection is usable again for the next statement
    assert sql(ds, "select count(*) as n from documents").json()[0]["n"] >= 1


def test_rows_are_capped(ds: Datasette) -> None:
    query = "with recursive r(n) as (select 1 union all select n + 1 from r where n < 5000) select n from r"
    data = asyncio.run(ds.client.get("/council.json", params={"sql": query})).json()
    assert len(data["rows"]) == launch.LIMITS["max_returned_rows"]
    assert data["truncated"] is True


def test_slow_queries_are_interrupted(ds: Datasette) -> None:
    query = "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r"
    response = sql(ds, query)
    assert response.status_code == 400
    assert "interrupted" in response.text.lower()


def test_stored_documents_are_still_shown_whole(ds: Datasette) -> None:
    rows = sql(ds, "select length(text) as n, text from documents").json()
    assert rows and all(len(r["text"]) == r["n"] for r in rows)


def test_other_host_headers_are_refused(ds: Datasette) -> None:
    assert get(ds, "/council").status_code == 200  # the test client says Host: localhost
    assert get(ds, "/council", host="127.0.0.1:8001").status_code == 200
    assert get(ds, "/council", host="[::1]:8001").status_code == 200
    refused = get(ds, "/council", host="attacker.example")
    assert refused.status_code == 400 and "Host not allowed" in refused.text
    assert get(ds, "/council", host="localhost.attacker.example").status_code == 400


def test_public_mode_turns_custom_sql_off_and_checks_the_host(store: Path) -> None:
    hosts = launch.serve_hosts("0.0.0.0", public=True, allow_hosts=("minutes.example.gov.uk",))
    ds = app(store, public=True, hosts=tuple(hosts))
    assert sql(ds, "select 1").status_code == 403
    canned = asyncio.run(ds.client.get("/council/open_actions_by_age.json"))
    assert canned.status_code == 200
    assert get(ds, "/council/actions", host="minutes.example.gov.uk").status_code == 200
    assert get(ds, "/council/actions", host="MINUTES.example.gov.uk:8001").status_code == 200
    assert get(ds, "/council/actions", host="other.example").status_code == 400
    table_where = asyncio.run(ds.client.get("/council/actions.json", params={"_where": "1=1"}))
    assert table_where.status_code in (400, 403)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--host", "0.0.0.0"], "--public"),
        (["--host", "192.168.1.20"], "--public"),
        (["--public", "--host", "0.0.0.0"], "--allow-host"),
    ],
)
def test_sharing_needs_public_and_a_name(store: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(store), *args])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_serve_hosts() -> None:
    assert launch.serve_hosts("127.0.0.1", public=False, allow_hosts=()) == []
    assert "10.0.0.5" in launch.serve_hosts("10.0.0.5", public=True, allow_hosts=())
    assert "a.example" in launch.serve_hosts("0.0.0.0", public=True, allow_hosts=("a.example",))


def test_sigterm_removes_the_temporary_folder(store: Path, tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*minutes_command(), "serve", "--db", str(store), "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "TMPDIR": str(tmp)},
        )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/-/versions.json", proc, log)
        assert any(p.name.startswith("minutes-serve-") for p in tmp.iterdir())
        proc.terminate()
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert not [p.name for p in tmp.iterdir()], log.read_text(errors="replace")
