"""Executors: where per-document work runs. Results always come back, in
order, to the single writer in the calling process.

- ``local``: a process pool with a bounded window of in-flight documents, so
  memory stays flat however large the corpus (``--workers 1`` runs in-process).
  A worker sends back only what the store needs (``slim.for_store``).
- ``dask``: the same work on a Dask cluster (``--scheduler tcp://host:port``,
  or a LocalCluster when no address is given).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from ..errors import UsageError
from .slim import call_for_store

RunMany = Callable[[Callable[..., Any], Iterable[tuple[Any, ...]]], Iterator[Any]]


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _serial(fn: Callable[..., Any], args: Iterable[tuple[Any, ...]]) -> Iterator[Any]:
    for a in args:
        yield fn(*a)


def _bounded(submit: Callable[..., Future[Any]], fn: Callable[..., Any], args: Iterable[tuple[Any, ...]], window: int) -> Iterator[Any]:
    """Keep at most ``window`` documents in flight; yield results in input order."""
    pending: deque[Future[Any]] = deque()
    for a in args:
        pending.append(submit(fn, *a))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@contextmanager
def make_executor(kind: str = "local", *, workers: int | None = None, scheduler: str | None = None) -> Iterator[RunMany]:
    workers = workers or default_workers()
    if kind == "local":
        if workers == 1:
            yield _serial
            return
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield lambda fn, args: _bounded(pool.submit, call_for_store, ((fn, *a) for a in args), window=workers * 4)
        return
    if kind == "dask":
        from .dask_executor import dask_executor

        with dask_executor(workers=workers, scheduler=scheduler) as run_many:
            yield run_many
        return
    raise UsageError(f"unknown executor '{kind}' (choose local or dask)")
