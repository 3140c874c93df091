"""Metadata for files that say nothing about their meeting: a manifest (CSV,
TSV or YAML) beside the files, or given with ``--manifest``.

Columns/keys: ``file`` (name or path relative to the manifest), and any of
``council``, ``committee``, ``date`` (ISO), ``title``, ``venue``, ``url`` (where
the file came from: a ModernGov site's address names its council when the
``council`` column is empty).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import UsageError
from ..load.council import council_for_host
from ..records import MeetingMeta
from ..text.dates import is_iso_date

MANIFEST_NAMES = ("manifest.csv", "manifest.tsv", "manifest.yaml", "manifest.yml")
FIELDS = {"council", "committee", "date", "title", "venue"}


@dataclass
class ManifestIndex:
    """Resolves a file's manifest metadata: the explicit manifest first, then a
    manifest file in the file's own folder."""

    explicit: dict[str, MeetingMeta] = field(default_factory=dict)
    _by_folder: dict[Path, dict[str, MeetingMeta]] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: str | Path | None) -> "ManifestIndex":
        if path is None:
            return cls()
        return cls(explicit=read_manifest(Path(path)))

    def meta_for(self, path: Path) -> MeetingMeta | None:
        found = _lookup(self.explicit, path)
        folder = path.parent.resolve()
        if folder not in self._by_folder:
            self._by_folder[folder] = _folder_manifest(folder)
        local = _lookup(self._by_folder[folder], path)
        if found and local:
            return found.merged(local)
        return found or local


def _lookup(entries: dict[str, MeetingMeta], path: Path) -> MeetingMeta | None:
    return entries.get(str(path.resolve())) or entries.get(path.name)


def _folder_manifest(folder: Path) -> dict[str, MeetingMeta]:
    for name in MANIFEST_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return read_manifest(candidate)
    return {}


def read_manifest(path: Path) -> dict[str, MeetingMeta]:
    """Parse a manifest into {resolved path and bare name: meta}."""
    if not path.is_file():
        raise UsageError(f"manifest not found: {path}")
    if path.suffix.lower() in (".yaml", ".yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        rows = data if isinstance(data, list) else [{"file": k, **(v or {})} for k, v in data.items()]
    else:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter=delimiter))
    out: dict[str, MeetingMeta] = {}
    for n, row in enumerate(rows, start=1):
        name = row.get("file") or row.get("path")
        if not name:
            raise UsageError(f"{path}: row {n} has no 'file' column")
        values = {k: (str(v).strip() or None) for k, v in row.items() if k in FIELDS and v is not None}
        if values.get("date") and not is_iso_date(values["date"]):
            raise UsageError(f"{path}: row {n}: date {values['date']!r} is not a date; write it as YYYY-MM-DD")
        url = str(row.get("url") or row.get("source_url") or "").strip()
        if url and not values.get("council"):
            values["council"] = council_for_host(url)
        meta = MeetingMeta(**values)
        out[str((path.parent / name).resolve())] = meta
        out[Path(name).name] = meta
    return out
