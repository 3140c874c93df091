"""The Dask executor: same store as the local executor, results in input
order (or as they finish, for ingest), a bounded number of tasks in flight,
and bytes shipped to workers that cannot see the files."""

import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from pipeline import store
from pipeline.records import ProcessedDocument
from pipeline.run import discover, ingest
from pipeline.run.dask_executor import dask_executor
from pipeline.run.process import Failure, process_file

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
#: Columns that record when, not what.
VOLATILE = {"ingested_at"}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as c:
        yield c


def content(db) -> dict[str, list[tuple]]:
    """Every row, except what depends on the order results finished in (ingest
    stores them as they finish): a scheme's spellings are listed in the order
    they were stored, and of the same minutes as text and as PDF the one stored
    first holds the facts. Those twins are compared by format and count."""
    twins = {r[0] for r in db.execute("select id from documents where duplicate_of is not null union "
                                      "select duplicate_of from documents where duplicate_of is not null")}
    out: dict[str, list] = {}
    for table in ("meetings", "documents", "agenda_items", *store.FACT_TABLES, "schemes"):
        cols = [c for c in db[table].columns_dict if c not in VOLATILE]
        rows = [
            dict(zip(cols, r)) for r in db.execute(f"select {', '.join(cols)} from [{table}] order by id")
        ]
        if table == "meetings":  # a twin's meeting is keyed on what the first stored twin said
            marks = ",".join("?" * len(twins))
            found = db.execute(f"select meeting_id from documents where id not in ({marks})", list(twins))
            keep = {r[0] for r in found}
            out[table] = [tuple(r.values()) for r in rows if r["id"] in keep]
        else:
            key = "id" if table == "documents" else "document_id"
            out[table] = [tuple(r.values()) for r in rows if r.get(key) not in twins]
        out[table + " (twins)"] = len(rows) - len(out[table])
    out["schemes"] = [(i, n, sorted(json.loads(a))) for i, n, a in out["schemes"]]
    marks = ",".join("?" * len(twins))
    found = db.execute(f"select format from documents where id in ({marks})", list(twins))
    out["twin formats"] = sorted(r[0] for r in found)
    return out


def square(x: int) -> int:
    return x * x


def test_dask_ingest_matches_local(cluster, tmp_path):
    local_db = store.connect(tmp_path / "local.db")
    dask_db = store.connect(tmp_path / "dask.db")
    local = ingest([CORPUS], db=local_db, workers=1)
    remote = ingest([CORPUS], db=dask_db, executor="dask", scheduler=cluster.scheduler_address)
    # Of twins (one minutes as text, PDF and Word) the first stored holds the
    # items until a better-read twin takes them over, and ingest stores as
    # results finish: the item count counts what was stored on the way.
    order_free = {k: v for k, v in remote.as_dict().items() if k != "items"}
    assert order_free == {k: v for k, v in local.as_dict().items() if k != "items"}
    stored = {name: db.execute("select count(*) from agenda_items").fetchone()[0]
              for name, db in (("local", local_db), ("dask", dask_db))}
    assert local.items == stored["local"] == stored["dask"] <= remote.items
    assert remote.new > 0 and remote.new + remote.failed == len(list(discover([CORPUS])))
    a, b = content(local_db), content(dask_db)
    assert a["documents"] and a["agenda_items"] and a["twin formats"] == ["docx", "pdf", "text"]
    assert a == b


def test_results_in_input_order_with_bounded_window(cluster):
    consumed = []

    def args():
        for i in range(30):
            consumed.append(i)
            yield (i,)

    with dask_executor(scheduler=cluster.scheduler_address, window=3) as run_many:
        results = run_many(square, args())
        first = next(results)
        assert first == 0
        assert len(consumed) <= 4  # never more than the window ahead of the consumer
        rest = list(results)
    assert [first, *rest] == [i * i for i in range(30)]


def test_local_cluster_started_when_no_scheduler():
    with dask_executor(workers=1) as run_many:
        assert list(run_many(square, [(2,), (3,)])) == [4, 9]


def test_send_bytes_reports_original_path(cluster, tmp_path):
    seed = min(CORPUS.glob("0*.txt"))
    with dask_executor(scheduler=cluster.scheduler_address, send_bytes=True) as run_many:
        [doc] = list(run_many(process_file, [(str(seed), None, None)]))
    assert isinstance(doc, ProcessedDocument)
    assert doc.clean.source.path == str(seed)
    assert doc.clean.text == process_file(str(seed)).clean.text

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with dask_executor(scheduler=cluster.scheduler_address, send_bytes=True) as run_many:
        [fail] = list(run_many(process_file, [(str(empty), None, None)]))
    assert isinstance(fail, Failure) and fail.path == str(empty)
