"""Run the README's nightly recipes as written, without cron or systemd.

A cron line runs as cron runs it: ``/bin/sh -c`` from $HOME, with the
crontab's variable lines and cron's small PATH (here with a directory where
``minutes`` is the project's CLI and ``mail`` a stand-in that keeps what it
was given). A systemd service runs its ExecStartPre= and ExecStart= lines in
order from WorkingDirectory=, with the specifiers, prefixes and
SuccessExitStatus= the unit uses; anything else in a command line fails the
test rather than being guessed at.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MAIL_SPLIT = "\n--- end of mail ---\n"


def blocks(lang: str) -> list[str]:
    """The README's fenced code blocks in ``lang``, in order."""
    text = README.read_text(encoding="utf-8")
    return re.findall(rf"^```{lang}\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)


@dataclass
class Home:
    """A temporary HOME with the project installed as ``~/minutes-miner``."""

    path: Path
    bin: Path
    as_of: str = ""

    @property
    def project(self) -> Path:
        return self.path / "minutes-miner"

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = {"HOME": str(self.path), "LOGNAME": "scrutiny", "SHELL": "/bin/sh", "LANG": "C.UTF-8",
               "PATH": f"{self.bin}:/usr/bin:/bin", "PYTHONPATH": str(ROOT),
               # no request leaves the machine, whatever the network
               "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}
        if self.as_of:
            env["MINUTES_AS_OF"] = self.as_of
        return {**env, **(extra or {})}

    def mails(self) -> list[tuple[list[str], str]]:
        """(arguments, body) of every mail sent so far."""
        spool = self.path / "sent-mail"
        if not spool.exists():
            return []
        out = []
        for chunk in spool.read_text(encoding="utf-8").split(MAIL_SPLIT)[:-1]:
            args, _, body = chunk.partition("\n")
            out.append((shlex.split(args), body))
        return out


def make_home(tmp: Path) -> Home:
    """HOME with ``~/minutes-miner/.venv/bin/minutes`` and a bin folder holding
    ``minutes`` (both the project's CLI under this interpreter) and ``mail``."""
    home = Home(tmp / "home", tmp / "bin")
    home.bin.mkdir(parents=True)
    cli = f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m pipeline.cli \"$@\"\n"
    mail = ("#!/bin/sh\n"
            "{ for a in \"$@\"; do printf \"'%s' \" \"$a\"; done; printf '\\n'; cat; "
            f"printf '{MAIL_SPLIT.encode('unicode_escape').decode()}'; }} >> \"$HOME/sent-mail\"\n")
    venv_bin = home.project / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    for path, text in ((home.bin / "minutes", cli), (home.bin / "mail", mail), (venv_bin / "minutes", cli)):
        path.write_text(text, encoding="utf-8")
        path.chmod(0o755)
    return home


@dataclass(frozen=True)
class CronJob:
    env: dict[str, str]
    command: str
    stdin: str


def cron_jobs(block: str) -> list[CronJob]:
    """Each job line of a crontab block, with the variables set above it.
    A '%' ends the command and starts its standard input, as in crontab(5)."""
    env: dict[str, str] = {}
    jobs = []
    for line in block.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        var = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$", line)
        if var:
            env[var.group(1)] = var.group(2).strip("'\"")
            continue
        fields = line.split(None, 5)
        assert len(fields) == 6, f"not a crontab job line: {line}"
        command, stdin = _percent(fields[5])
        jobs.append(CronJob(dict(env), command, stdin))
    return jobs


def _percent(command: str) -> tuple[str, str]:
    parts = re.split(r"(?<!\\)%", command)
    return parts[0].replace("\\%", "%"), "\n".join(parts[1:]).replace("\\%", "%")


def run_cron(job: CronJob, home: Home) -> subprocess.CompletedProcess[str]:
    """The job as cron runs it; its output is what cron would mail to MAILTO."""
    env = home.env({k: v for k, v in job.env.items() if k != "PATH"})
    return subprocess.run(["/bin/sh", "-c", job.command], cwd=home.path, env=env, input=job.stdin,
                          capture_output=True, text=True, timeout=600, check=False)


@dataclass
class Unit:
    sections: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def get(self, section: str, key: str) -> list[str]:
        return self.sections.get(section, {}).get(key, [])


def parse_unit(block: str) -> tuple[str, Unit]:
    """(file name from the block's first comment line, the unit's settings)."""
    lines = block.splitlines()
    assert lines[0].startswith("# "), "a unit block starts with a comment naming its file"
    unit, section = Unit(), ""
    for line in lines[1:]:
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            unit.sections.setdefault(section, {})
            continue
        key, _, value = line.partition("=")
        unit.sections[section].setdefault(key.strip(), []).append(value.strip())
    return lines[0][2:].strip(), unit


def _specifiers(value: str, home: Home) -> str:
    bad = re.findall(r"%[^h%]", value)
    assert not bad, f"specifier(s) {bad} not emulated: {value}"
    return value.replace("%h", str(home.path)).replace("%%", "%")


@dataclass
class UnitRun:
    result: str  # "success" or "failed"
    steps: list[tuple[str, int, str, str]]  # (command line, exit status, stdout, stderr)

    @property
    def stderr(self) -> str:
        return "".join(s[3] for s in self.steps)


def run_service(unit: Unit, home: Home) -> UnitRun:
    """ExecStartPre= then ExecStart= lines in order, as a Type=oneshot service:
    a line fails the unit unless its status is 0 (or in SuccessExitStatus= for
    ExecStart=) or it starts with '-'."""
    assert unit.get("Service", "Type") == ["oneshot"]
    cwd = Path(_specifiers(unit.get("Service", "WorkingDirectory")[0], home))
    success = {int(s) for v in unit.get("Service", "SuccessExitStatus") for s in v.split()}
    steps: list[tuple[str, int, str, str]] = []
    if not cwd.is_dir():
        return UnitRun("failed", [("chdir", 200, "", f"cannot chdir to {cwd}\n")])
    for key in ("ExecStartPre", "ExecStart"):
        for line in unit.get("Service", key):
            ignore = line.startswith("-")
            command = line.lstrip("-")
            assert not command.startswith(("@", ":", "+", "!")) and "$" not in command, (
                f"not emulated: {line}"
            )
            argv = [_specifiers(a, home) for a in shlex.split(command)]
            assert os.path.isabs(argv[0]), f"{key}= needs an absolute path here: {line}"
            done = subprocess.run(
                argv, cwd=cwd, env=home.env(), capture_output=True, text=True, timeout=600, check=False
            )
            steps.append((line, done.returncode, done.stdout, done.stderr))
            ok = done.returncode == 0 or (key == "ExecStart" and done.returncode in success)
            if not ok and not ignore:
                return UnitRun("failed", steps)
    return UnitRun("success", steps)
