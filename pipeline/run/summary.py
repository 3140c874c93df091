"""What an ingest was asked to read (Task) and what it did (Summary)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import MeetingMeta
from .process import Failure


@dataclass(frozen=True)
class Task:
    path: str  # the name on disk
    meta: MeetingMeta | None
    shown: str = ""  # the name as stored and printed (see discover.shown_path)
    override: bool = False  # ``meta`` replaces what the document says, not just its gaps
    digest: str | None = None  # sha256 of the bytes, when read before the run

    @property
    def name(self) -> str:
        return self.shown or self.path


@dataclass
class Summary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    items: int = 0
    replaced: int = 0  # of the new: corrections that superseded an earlier version
    updated: int = 0  # stored documents whose meeting the supplied metadata changed
    forgotten: int = 0  # documents whose files are gone, removed by --prune
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(
        default_factory=list
    )  # bad manifest rows, overrides left without their action
    skipped: list[Failure] = field(default_factory=list)  # not read: unsupported type, notes files
    not_retried: int = 0  # failed before with the same bytes (see --retry-failed)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or any(w.stage == "manifest" for w in self.warnings) else 0

    def as_dict(self) -> dict[str, object]:
        return {
            "new": self.new,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "items": self.items,
            "replaced": self.replaced,
            "updated": self.updated,
            "forgotten": self.forgotten,
            "skipped": [{"path": f.path, "reason": f.message} for f in self.skipped],
            "not_retried": self.not_retried,
            "failures": [{"path": f.path, "stage": f.stage, "message": f.message} for f in self.failures],
            "warnings": [{"path": f.path, "stage": f.stage, "message": f.message} for f in self.warnings],
        }


__all__ = ["Summary", "Task"]
