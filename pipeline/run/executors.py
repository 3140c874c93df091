"""Executors: where per-document work runs. Every executor yields
``(index, result)`` pairs to the single writer in the calling process, as the
results finish, so one slow document holds back nothing.

- ``local``: worker processes (``pool.WorkerPool``) with a time limit and a
  memory ceiling per document; a worker that dies costs only its document.
  ``workers=1`` given explicitly without ``isolate`` runs in this process
  instead (handy in tests and a debugger; the CLI always isolates, and a
  caller that leaves ``workers`` to the default gets worker processes).
- ``dask``: the same work on a Dask cluster (``--scheduler tcp://host:port``,
  or a LocalCluster when no address is given).

Whatever comes back from another process is slimmed there to what the store
needs (slim.py): less to pickle, send and unpickle in the single writer.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from ..errors import UsageError
from .pool import NO_LIMITS, Limits, Lost, WorkerPool
from .slim import call_for_store

RunMany = Callable[[Callable[..., Any], Iterable[tuple[Any, ...]]], Iterator[tuple[int, Any]]]
Warm = tuple[Callable[..., Any], tuple[Any, ...]]


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _serial(fn: Callable[..., Any], args: Iterable[tuple[Any, ...]]) -> Iterator[tuple[int, Any]]:
    for i, a in enumerate(args):
        yield i, fn(*a)


@contextmanager
def make_executor(
    kind: str = "local",
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    isolate: bool = False,
    limits: Limits = NO_LIMITS,
    warm: Warm | None = None,
    tasks: int | None = None,
) -> Iterator[RunMany]:
    """``tasks``: how many documents there are to read, when known: no more
    worker processes are started than that (each costs a fork and a warm-up)."""
    inline = workers == 1 and not isolate
    workers = workers or default_workers()
    if tasks is not None:
        workers = max(1, min(workers, tasks))
    if kind == "local":
        if inline:
            yield _serial
            return
        with WorkerPool(workers, limits, warm) as pool:
            yield lambda fn, args: pool.run(partial(call_for_store, fn), args)
        return
    if kind == "dask":
        from .dask_executor import dask_executor

        with dask_executor(workers=workers, scheduler=scheduler, ordered=False) as run_many:
            yield lambda fn, args: run_many(partial(call_for_store, fn), args)
        return
    raise UsageError(f"unknown executor '{kind}' (choose local or dask)")


__all__ = ["Limits", "Lost", "RunMany", "default_workers", "make_executor"]
