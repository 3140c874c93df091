"""The Dask executor: per-document work on a Dask cluster, results streamed
back in input order to the single SQLite writer in the calling process.

A bounded window of in-flight futures keeps memory flat (the client never
holds more than ``window`` results), and each future is released as soon as
its result is taken so the cluster can forget it.

With no scheduler address a LocalCluster of single-threaded worker processes
on 127.0.0.1 is started for the run (no dashboard). With an address the
workers must be able to import this project and read the files at the same
paths; when they cannot, set ``MINUTES_DASK_SEND_BYTES=1`` and each file's
bytes travel with its task instead (see README, "Scaling out").
"""

from __future__ import annotations

import logging
import os
import tempfile
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import UsageError

#: Environment switch: ship file bytes with each task (workers without the files).
SEND_BYTES_ENV = "MINUTES_DASK_SEND_BYTES"

RunMany = Callable[[Callable[..., Any], Iterable[tuple[Any, ...]]], Iterator[Any]]


@contextmanager
def dask_executor(
    workers: int | None = None,
    scheduler: str | None = None,
    *,
    window: int | None = None,
    send_bytes: bool | None = None,
    ordered: bool = True,
) -> Iterator[RunMany]:
    """Yield ``run_many(fn, args_iter)`` running ``fn(*args)`` on Dask workers:
    results in input order, or with ``ordered=False`` ``(index, result)``
    pairs as they finish. A task whose workers all died comes back as a
    ``pool.Lost`` naming the reason."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise UsageError("--executor dask needs Dask: pip install 'minutes-miner[dask]'") from exc

    _quiet_dask()
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise UsageError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); is `dask scheduler` running?"
            ) from exc
    else:
        with warnings.catch_warnings():
            # No dashboard; the scheduler's health endpoint moves off a busy 8787 by itself.
            warnings.filterwarnings("ignore", message="Port .* is already in use")
            cluster = LocalCluster(
                n_workers=workers or 1,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
        client = Client(cluster)
    if send_bytes is None:
        send_bytes = os.environ.get(SEND_BYTES_ENV, "") not in ("", "0")
    try:
        slots = window or max(2, 4 * max(1, sum(client.nthreads().values())))

        def run_many(fn: Callable[..., Any], args: Iterable[tuple[Any, ...]]) -> Iterator[Any]:
            run = _bounded if ordered else _unordered
            if send_bytes:
                return run(client, _from_bytes, ((fn, a[0], _read(a[0]), *a[1:]) for a in args), slots)
            return run(client, fn, args, slots)

        yield run_many
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _quiet_dask() -> None:
    """Dask logs every scheduler and worker event at INFO; show them only with
    `minutes -v`, so `--quiet` stays quiet."""
    if logging.getLogger().isEnabledFor(logging.DEBUG):
        return
    for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.core",
                 "distributed.worker", "distributed.http.proxy"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _bounded(
    client: Any, fn: Callable[..., Any], args: Iterable[tuple[Any, ...]], window: int
) -> Iterator[Any]:
    """At most ``window`` futures in flight; results in input order.

    ``pure=False``: two identical documents are still two tasks (each must be
    stored against its own path), and no result is shared between keys.
    """
    pending: deque[Any] = deque()
    for a in args:
        pending.append(client.submit(fn, *a, pure=False))
        if len(pending) >= window:
            yield _take(pending)
    while pending:
        yield _take(pending)


def _unordered(
    client: Any, fn: Callable[..., Any], args: Iterable[tuple[Any, ...]], window: int
) -> Iterator[tuple[int, Any]]:
    """At most ``window`` futures in flight; (index, result) as each finishes."""
    from distributed import as_completed

    todo = enumerate(args)
    index: dict[str, int] = {}
    done = as_completed()

    def submit_next() -> bool:
        nxt = next(todo, None)
        if nxt is None:
            return False
        future = client.submit(fn, *nxt[1], pure=False)
        index[future.key] = nxt[0]
        done.add(future)
        return True

    for _ in range(window):
        if not submit_next():
            break
    for future in done:
        yield index.pop(future.key), _result(future)
        submit_next()


def _take(pending: deque[Any]) -> Any:
    return _result(pending.popleft())


def _result(future: Any) -> Any:
    """The task's result; a task whose workers died (KilledWorker) is Lost."""
    from .pool import Lost

    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - KilledWorker, a lost connection: the document's problem row
        return Lost(f"worker lost ({type(exc).__name__}: {exc}): out of memory?")
    finally:
        future.release()


def _read(path: str) -> Any:
    """The file's bytes, size and mtime; None when it cannot be read here (the
    worker then tries the path itself and reports why)."""
    from ..load import read_file

    try:
        return read_file(path)
    except OSError:
        return None


def _from_bytes(fn: Callable[..., Any], path: str, read: Any, *rest: Any) -> Any:
    """Run ``fn`` on a worker that cannot see ``path``: write the shipped bytes
    to a temporary file with the same name, then report the original path,
    size and mtime (those of the read the bytes came from)."""
    if read is None:
        return fn(path, *rest)
    with tempfile.TemporaryDirectory(prefix="minutes-") as tmp:
        local = os.path.join(tmp, Path(path).name)
        with open(local, "wb") as fh:
            fh.write(read.data)
        return _restore_path(fn(local, *rest), local, path, read)


def _restore_path(result: Any, local: str, path: str, read: Any = None) -> Any:
    """Put the caller's path (and read) back on a ProcessedDocument or Failure."""
    from ..records import ProcessedDocument
    from .process import Failure

    if isinstance(result, Failure):
        return replace(result, path=path, message=result.message.replace(local, path))
    if isinstance(result, ProcessedDocument):
        stats = {"size": read.size, "mtime": read.mtime} if read is not None else {}
        source = replace(result.clean.source, path=path, **stats)
        return replace(result, clean=replace(result.clean, source=source))
    return result


__all__ = ["SEND_BYTES_ENV", "dask_executor"]
