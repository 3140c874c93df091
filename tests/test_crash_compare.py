"""The crash test's store comparison: a corrected document keeps the ids its
facts had, a fresh store mints them from the corrected bytes, so every column
that carries a fact id is left out when files were corrected between runs —
and nothing else is."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.crash_store import contents
from pipeline import store
from pipeline.run import ingest

MINUTES = (
    "MINUTES of a meeting of the Parks Committee held on 3 March 2025\n\n"
    "1. Play areas\n\nIt was agreed that the Clerk would obtain three quotes "
    "for the swings by 31 May 2025.\n"
)


def test_a_corrected_document_equals_a_fresh_store_once_fact_ids_are_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "in" / "parks.txt"
    path.parent.mkdir()
    path.write_text(MINUTES, encoding="utf-8")
    ingest([path.parent], db=store.connect(tmp_path / "kept.db"), workers=1)
    path.write_text(MINUTES + "\n  \n", encoding="utf-8")  # re-saved: the same words
    ingest([path.parent], db=store.connect(tmp_path / "kept.db"), workers=1)
    ingest([path.parent], db=store.connect(tmp_path / "fresh.db"), workers=1)

    kept = contents(tmp_path / "kept.db", history_free=True)
    fresh = contents(tmp_path / "fresh.db", history_free=True)
    assert kept["action_due_changes"], "the minutes set a deadline"
    assert kept == fresh
    # the ids do differ: without history_free the stores are not equal
    assert contents(tmp_path / "kept.db")["action_due_changes"] != contents(tmp_path / "fresh.db")[
        "action_due_changes"
    ]
