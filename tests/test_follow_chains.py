"""Precision and recall of "closed" on invented chains of minutes
(tests/follow_chains.py): every kind of evidence, and near misses."""

from __future__ import annotations

import dataclasses

import pytest
from follow_chains import CHAINS, Chain
from test_link_support import add

from pipeline import store
from pipeline.config import load_config
from pipeline.link import link
from pipeline.link.text import CLOSED


def linked(tmp_path, chains: tuple[Chain, ...]) -> dict[str, str]:
    """{action text: status} after storing the chains and linking once."""
    db = store.connect(tmp_path / "chains.db")
    ids: dict[str, str] = {}
    for chain in chains:
        for m in chain.meetings:
            ids.update(add(db, m, owners=chain.owners))
    config = dataclasses.replace(load_config().link,
                                 parent_bodies=tuple(p for c in chains for p in c.parent_bodies))
    link(db, config=config)
    status = dict(db.execute("select id, status from actions").fetchall())
    return {text: status[aid] for text, aid in ids.items()}


def test_chains_are_big_enough():
    gold = {t: g for c in CHAINS for t, g in c.gold.items()}
    assert len(CHAINS) >= 3 and len(gold) >= 20
    assert all(2 <= len({m.date for m in c.meetings}) <= 4 for c in CHAINS)
    assert sum(gold.values()) >= 10 and sum(not g for g in gold.values()) >= 8


def test_precision_and_recall_of_closed(tmp_path):
    got = linked(tmp_path, CHAINS)
    gold = {t: g for c in CHAINS for t, g in c.gold.items()}
    closed = {t for t, s in got.items() if s in CLOSED}
    should = {t for t, g in gold.items() if g}
    tp = len(closed & should)
    precision = tp / len(closed) if closed else 0.0
    recall = tp / len(should)
    wrong = sorted((t, got[t], gold[t]) for t in gold if (got[t] in CLOSED) != gold[t])
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, wrong)


@pytest.mark.parametrize("chain", CHAINS, ids=lambda c: c.name)
def test_each_chain_alone(tmp_path, chain):
    got = linked(tmp_path, (chain,))
    assert {t: got[t] in CLOSED for t in chain.gold} == chain.gold
