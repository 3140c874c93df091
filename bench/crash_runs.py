"""Running `minutes` for the crash test: as the real console script or a fork
of this process, each in a process group of its own, so that after a SIGKILL
every process it started (its workers) can be found and counted."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Where the CLI runs from: the checkout, or a frozen copy of its code
#: (``snapshot_code``) so edits landing during a long run cannot skew it.
CODE_ROOT = ROOT
#: How long a killed run's workers get to die before they count as orphans.
ORPHAN_GRACE_SECONDS = 5.0


def snapshot_code(dest: Path) -> Path:
    """Freeze the code under test: copy pipeline/, extractors/ and config.yaml
    to ``dest`` and put it first on PYTHONPATH for every CLI run."""
    global CODE_ROOT
    for name in ("pipeline", "extractors"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / "config.yaml", dest / "config.yaml")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(dest), os.environ.get("PYTHONPATH")]))
    CODE_ROOT = dest
    return dest


def minutes_command() -> list[str]:
    """The real console script beside this interpreter, else the module entry."""
    script = Path(sys.executable).parent / "minutes"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from pipeline.cli import main; main()"]


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes in process group ``pgid``."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            out.append(int(entry.name))
    return out


class Run:
    """One `minutes` process, started by fork or as a subprocess, leading its
    own process group (its workers join that group)."""

    def __init__(self, argv: list[str], *, mode: str, log: Path) -> None:
        self.mode, self.log = mode, log
        self.started = time.monotonic()
        if mode == "subprocess":
            with open(log, "wb") as out:
                self.proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                    [*minutes_command(), *argv], stdout=out, stderr=subprocess.STDOUT, cwd=CODE_ROOT,
                    stdin=subprocess.DEVNULL, start_new_session=True,
                )
            self.pid = self.proc.pid
        else:
            self.proc = None
            self.pid = _fork_cli(argv, log)
        self.returncode: int | None = None
        self.orphans: list[int] = []

    def poll(self) -> int | None:
        if self.returncode is not None:
            return self.returncode
        if self.proc is not None:
            self.returncode = self.proc.poll()
        else:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > deadline:
                self.kill()
                raise TimeoutError(f"minutes did not finish within {timeout:.0f}s; log: {self.log}")
            time.sleep(0.02)
        assert self.returncode is not None
        return self.returncode

    def kill(self) -> bool:
        """SIGKILL the run (not its workers: they must die on their own); False
        if it had already exited. ``orphans`` then lists workers still alive
        after ORPHAN_GRACE_SECONDS (they are killed, so nothing leaks)."""
        if self.poll() is not None:
            return False
        os.kill(self.pid, signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait()
        else:
            os.waitpid(self.pid, 0)
        self.returncode = -signal.SIGKILL
        deadline = time.monotonic() + ORPHAN_GRACE_SECONDS
        while (alive := group_members(self.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.orphans = alive
        for pid in alive:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return True

    @property
    def output(self) -> str:
        return self.log.read_text(errors="replace")


def _fork_cli(argv: list[str], log: Path) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 70
    try:  # the child: the CLI entry point, output to the log, never back into the caller's code
        os.setsid()  # a process group of its own, which its workers join
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        # pytest (or any caller) may have swapped sys.stdout for a capture object.
        sys.stdout = open(1, "w", closefd=False, encoding="utf-8", errors="replace")  # noqa: SIM115
        sys.stderr = open(2, "w", closefd=False, encoding="utf-8", errors="replace")  # noqa: SIM115
        os.chdir(ROOT)
        # tqdm's write lock is a multiprocessing semaphore made once in the
        # caller and shared by every forked child: a child SIGKILLed while
        # drawing its progress bar leaves it held, and every later child
        # would wait on it for ever. Each forked run gets a lock of its own.
        import threading

        from tqdm import tqdm

        tqdm.set_lock(threading.RLock())
        from pipeline.cli import main

        main.main(args=argv, prog_name="minutes", standalone_mode=True)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - report and leave
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def prewarm() -> None:
    """Fork mode: load the config and spaCy pipeline once, so children inherit them."""
    from pipeline.run.process import process_file

    process_file(str(min((ROOT / "corpus").glob("*.txt"))))
