"""The measurements: a child ingest (wall time, peak memory of its process
tree), the baselines it is compared with, extraction and linking rates."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class IngestRun:
    seconds: float
    peak_rss: int  # bytes, summed over the child and its workers
    summary: dict[str, Any]

    @property
    def stored(self) -> int:
        return int(self.summary.get("new", 0)) + int(self.summary.get("unchanged", 0))


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in (proc, *proc.children(recursive=True)):
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_ingest(db: Path, paths: list[Path], *, workers: int, executor: str = "local") -> IngestRun:
    """`ingest` in a child process; RSS of the whole tree sampled every 20 ms."""
    cmd = [
        sys.executable,
        "-m",
        "bench.child",
        "--db",
        str(db),
        "--workers",
        str(workers),
        "--executor",
        executor,
    ]
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*cmd, *map(str, paths)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    watched = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, tree_rss(watched))
        except psutil.Error:
            pass
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    out, err = proc.communicate()
    if proc.returncode != 0 or not out.strip():
        raise RuntimeError(f"ingest child failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return IngestRun(seconds, peak, json.loads(out.decode().strip().splitlines()[-1]))


def pdf_pages(pdfs: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for p in pdfs:
        doc = pdfium.PdfDocument(str(p))
        total += len(doc)
        doc.close()
    return total


def pdftotext_seconds(pdfs: list[Path], *, workers: int) -> float:
    """`pdftotext -layout` over every PDF, ``workers`` at a time (like-for-like with the ingest)."""

    def one(p: Path) -> None:
        subprocess.run(
            ["pdftotext", "-layout", str(p), "-"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, pdfs))
    return time.perf_counter() - started


def bare_parse_seconds(files: list[Path]) -> float:
    """Parsing alone, one core: lxml for HTML/XML, read and decode for text."""
    from lxml import etree, html

    started = time.perf_counter()
    for p in files:
        data = p.read_bytes()
        suffix = p.suffix.lower()
        if suffix == ".xml":
            etree.fromstring(data, etree.XMLParser(recover=True, resolve_entities=False))
        elif suffix in (".html", ".htm"):
            html.document_fromstring(data)
        else:
            data.decode("utf-8", errors="replace")
    return time.perf_counter() - started


def extraction_rate(db_path: Path, path_contains: str = "") -> tuple[int, float, float, int]:
    """(spaCy tokens, seconds inside extract(), seconds of the tokenizer alone, documents)
    over the stored texts, one core. The worker's pipeline is built and warmed
    (pipeline.extract.batch.warm_up) before the clock starts, as a worker has it;
    each text is seen once, as in a worker. The calibration is a fresh blank
    English tokenizer over the same texts, also seeing each once (spaCy's
    tokenizer caches what it has seen, so re-tokenising a text would flatter it).
    ``path_contains`` keeps the documents whose path holds it (one copy of
    each: copies differ by a line, and would flatter both by the same cache)."""
    from pipeline import store
    from pipeline.config import load_config
    from pipeline.extract import extract
    from pipeline.extract.nlp import nlp_for_config
    from pipeline.run.reextract import document_ids, rebuild

    db = store.connect(db_path)
    config = load_config()
    nlp = nlp_for_config(config)
    try:
        from pipeline.extract.batch import warm_up
    except ImportError:  # an older tree: the built pipeline is the warm-up
        pass
    else:
        warm_up(config)
    import spacy

    floor = spacy.blank("en").tokenizer
    texts = [rebuild(db, doc_id) for doc_id in document_ids(db)]
    texts = [(clean, items) for clean, items in texts if path_contains in clean.source.path]
    tokens, seconds, tok_seconds = 0, 0.0, 0.0
    for clean, items in texts:  # alternate the two, so both see the same load on a shared machine
        started = time.perf_counter()
        extract(clean, items, config=config)
        seconds += time.perf_counter() - started
        started = time.perf_counter()
        floor(clean.text)
        tok_seconds += time.perf_counter() - started
        tokens += len(nlp.tokenizer(clean.text))
    return tokens, seconds, tok_seconds, len(texts)


def link_seconds(db_path: Path) -> float | None:
    """Follow-through over the whole store, or None when pipeline.link is not there."""
    try:
        from pipeline.link import link
    except ImportError:
        return None
    from pipeline import store
    from pipeline.config import load_config

    db = store.connect(db_path)
    config = load_config()
    started = time.perf_counter()
    link(db, config=config.link)
    return time.perf_counter() - started


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_speedup(workers: int, *, rounds: int = 8, n: int = 2_000_000) -> float:
    """Pure-Python CPU work in ``workers`` processes vs one: what the machine
    gives right now, the ceiling for the ingest's speed-up (other load eats it)."""
    from concurrent.futures import ProcessPoolExecutor

    def timed(w: int) -> float:
        started = time.perf_counter()
        with ProcessPoolExecutor(w) as pool:
            list(pool.map(_burn, [n] * rounds))
        return time.perf_counter() - started

    return timed(1) / timed(workers)
