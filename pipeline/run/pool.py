"""Worker processes for `minutes ingest`: each document runs in a child that
may die without taking the batch with it.

- A worker that dies (the kernel's OOM killer, a crash inside a PDF library)
  costs only the document it held: that task comes back as ``Lost`` with the
  reason, and a fresh worker takes the dead one's place.
- Each document has a time limit: a worker over it is killed and replaced.
- Each worker has a memory ceiling (RLIMIT_AS), so one inflating PDF fails
  alone instead of pushing the machine into swap.
- Results come back as they finish: one slow document holds back nothing.
- Workers die with their parent, whatever kills it (SIGKILL, SIGTERM): they
  ask Linux for SIGKILL when the parent goes (PR_SET_PDEATHSIG), and a thread
  watching the parent's pid covers other systems.
"""

from __future__ import annotations

import ctypes
import faulthandler
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import MinutesError

READY = "ready"
PR_SET_PDEATHSIG = 1
#: Workers that die before they are ready, in a row, before the pool gives up.
MAX_START_FAILURES = 3


@dataclass(frozen=True)
class Limits:
    """Per-document bounds for a worker (None: unbounded)."""

    seconds: float | None = None
    memory_mb: int | None = None


NO_LIMITS = Limits()


@dataclass(frozen=True)
class Lost:
    """A task whose worker died or ran out of time, and why, in words."""

    reason: str


# ---------------------------------------------------------------- the child


def _worker_main(
    conn: Connection, limits: Limits, parent: int, warm: tuple[Callable[..., Any], tuple[Any, ...]] | None
) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    faulthandler.disable()  # a library's abort is reported by the parent in one line, not a stack dump
    if limits.memory_mb:
        _limit_memory(limits.memory_mb)
    if warm is not None:
        warm[0](*warm[1])  # load config and models before any clock starts
    conn.send(READY)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, fn, args = message
        try:
            result = fn(*args)
        except MemoryError:
            result = Lost(f"over the memory ceiling ({limits.memory_mb} MB, ingest.max_memory_mb)")
        except Exception as exc:  # noqa: BLE001 - fn reports its own errors; this is a bug in fn
            result = Lost(f"worker error ({type(exc).__name__}: {exc})")
        try:
            conn.send((index, result))
        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
            conn.send((index, Lost(f"result could not be sent back ({type(exc).__name__}: {exc})")))


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before we were watching
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _limit_memory(megabytes: int) -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


# ---------------------------------------------------------------- the parent


class _Worker:
    def __init__(
        self, ctx: Any, limits: Limits, warm: tuple[Callable[..., Any], tuple[Any, ...]] | None
    ) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, limits, os.getpid(), warm), daemon=True,
                                name="minutes-worker")
        self.proc.start()
        child.close()
        self.ready = False
        self.task: int | None = None
        self.started = 0.0

    def give(self, index: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.task, self.started = index, time.monotonic()
        self.conn.send((index, fn, args))

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=10)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(timeout=5)
        self.kill()


def _context() -> Any:
    """fork when it is safe (Linux, one thread: fast, inherits loaded models),
    else spawn (a fork beside other threads can inherit a held lock)."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def death_reason(exitcode: int | None, memory_mb: int | None = None) -> str:
    """Why a worker is gone, in words: the kernel's OOM killer sends SIGKILL;
    a library that cannot allocate under the ceiling usually aborts."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == signal.SIGKILL:
            return f"worker killed ({name}) while reading it: out of memory?"
        if memory_mb:
            return (
                f"worker died ({name}) while reading it: over its {memory_mb} MB memory "
                "ceiling (ingest.max_memory_mb)?"
            )
        return f"worker died ({name}) while reading it"
    return f"worker exited (code {exitcode}) while reading it"


class WorkerPool:
    """``workers`` child processes; ``run(fn, args)`` yields (index, result)
    pairs as they finish, a ``Lost`` for a task whose worker did not survive."""

    def __init__(self, workers: int, limits: Limits = NO_LIMITS,
                 warm: tuple[Callable[..., Any], tuple[Any, ...]] | None = None) -> None:
        self.ctx, self.limits, self.warm = _context(), limits, warm
        self.workers = [_Worker(self.ctx, limits, warm) for _ in range(max(1, workers))]
        self.start_failures = 0

    def __enter__(self) -> WorkerPool:  # noqa: PYI034 - never subclassed
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for w in self.workers:
            w.stop() if w.task is None and w.proc.is_alive() else w.kill()
        self.workers = []

    def pids(self) -> list[int]:
        return [w.proc.pid for w in self.workers if w.proc.pid is not None]

    def run(self, fn: Callable[..., Any], args: Iterable[tuple[Any, ...]]) -> Iterator[tuple[int, Any]]:
        """Results are collected, and every idle worker handed its next task,
        before the caller gets them: the caller (the single writer) stores
        them while the workers go on, instead of the workers waiting for it."""
        todo = enumerate(args)
        more = True
        while True:
            more = more and self._hand_out(fn, todo)
            busy = [w for w in self.workers if w.task is not None]
            if not more and not busy:
                return
            finished: list[tuple[int, Any]] = []
            try:
                finished.extend(self._collect(self._wait(busy)))
            except MinutesError:
                yield from finished  # what came back before the pool gave up is still the caller's
                raise
            more = more and self._hand_out(fn, todo)
            yield from finished

    def _hand_out(self, fn: Callable[..., Any], todo: Iterator[tuple[int, tuple[Any, ...]]]) -> bool:
        """A task for every ready, idle worker; False once there are none left."""
        for w in self.workers:
            if w.ready and w.task is None:
                nxt = next(todo, None)
                if nxt is None:
                    return False
                w.give(nxt[0], fn, nxt[1])
        return True

    def _wait(self, busy: list[_Worker]) -> list[Any]:
        timeout = None
        if self.limits.seconds and busy:
            now = time.monotonic()
            timeout = max(0.0, min(w.started + self.limits.seconds - now for w in busy))
        handles: list[Any] = [w.conn for w in self.workers] + [w.proc.sentinel for w in self.workers]
        return wait(handles, timeout)

    def _collect(self, ready: list[Any]) -> Iterator[tuple[int, Any]]:
        for w in list(self.workers):
            if w.conn in ready or w.proc.sentinel in ready:
                yield from self._drain(w)
            if not w.proc.is_alive() and w in self.workers:
                yield from self._replace(w, death_reason(w.proc.exitcode, self.limits.memory_mb))
            elif (
                w.task is not None
                and self.limits.seconds
                and time.monotonic() - w.started > self.limits.seconds
            ):
                w.kill()
                yield from self._replace(w, f"took longer than {self.limits.seconds:g} s "
                                            "(ingest.max_seconds_per_document); stopped")

    def _drain(self, w: _Worker) -> Iterator[tuple[int, Any]]:
        """Every message the worker sent, even when it died just after."""
        try:
            while w.conn.poll():
                message = w.conn.recv()
                if message == READY:
                    w.ready = True
                    self.start_failures = 0
                else:
                    w.task = None
                    yield message
        except (EOFError, OSError):
            w.proc.join(timeout=10)

    def _replace(self, w: _Worker, reason: str) -> Iterator[tuple[int, Any]]:
        w.kill()
        self.workers.remove(w)
        if w.task is not None:
            yield w.task, Lost(reason)
        elif not w.ready:
            self.start_failures += 1
            if self.start_failures >= MAX_START_FAILURES:
                raise MinutesError(f"worker processes die while starting (exit status {w.proc.exitcode}); "
                                   "is ingest.max_memory_mb too low?")
        self.workers.append(_Worker(self.ctx, self.limits, self.warm))

