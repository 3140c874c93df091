"""Metadata for files that say nothing about their meeting: a manifest (CSV,
TSV or YAML) beside the files, or given with ``--manifest``.

Columns/keys: ``file`` (name or path relative to the manifest), and any of
``council``, ``committee``, ``date`` (ISO), ``title``, ``venue``, ``url`` (where
the file came from: a ModernGov site's address names its council when the
``council`` column is empty).

A manifest is read leniently, because one bad cell must not stop a batch:
the encoding is detected (Excel saves CSV as Windows-1252), and a bad row
(no file, an impossible date, a field over the CSV module's 128 KB limit) or
a broken file is one problem naming the manifest and line. The rest of the
manifest still applies; the files it cannot describe are stored without it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import MinutesError, UsageError
from ..load.council import council_for_host
from ..load.decode import decode_bytes
from ..records import MeetingMeta
from ..text.dates import is_iso_date

MANIFEST_NAMES = ("manifest.csv", "manifest.tsv", "manifest.yaml", "manifest.yml")
FIELDS = {"council", "committee", "date", "title", "venue"}


@dataclass(frozen=True)
class Manifest:
    entries: dict[str, MeetingMeta]  # resolved path and bare name -> meta
    problems: tuple[str, ...] = ()  # "line 3: ...", one per bad row, or one for a broken file


@dataclass
class ManifestIndex:
    """Resolves a file's manifest metadata: the explicit manifest first, then a
    manifest file in the file's own folder. Problems wait in ``take_problems``."""

    explicit: dict[str, MeetingMeta] = field(default_factory=dict)
    _by_folder: dict[Path, dict[str, MeetingMeta]] = field(default_factory=dict)
    _problems: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def from_file(cls, path: str | Path | None) -> ManifestIndex:
        if path is None:
            return cls()
        if not Path(path).is_file():
            raise UsageError(f"manifest not found: {path}")
        parsed = parse_manifest(Path(path))
        return cls(explicit=parsed.entries, _problems=[(str(path), p) for p in parsed.problems])

    def meta_for(self, path: Path) -> MeetingMeta | None:
        found = _lookup(self.explicit, path)
        folder = path.parent.resolve()
        if folder not in self._by_folder:
            self._by_folder[folder] = self._folder_manifest(folder)
        local = _lookup(self._by_folder[folder], path)
        if found and local:
            return found.merged(local)
        return found or local

    def take_problems(self) -> list[tuple[str, str]]:
        """(manifest path, message) for each problem found so far, once."""
        out, self._problems = self._problems, []
        return out

    def _folder_manifest(self, folder: Path) -> dict[str, MeetingMeta]:
        for name in MANIFEST_NAMES:
            candidate = folder / name
            if candidate.is_file():
                parsed = parse_manifest(candidate)
                self._problems += [(str(candidate), p) for p in parsed.problems]
                return parsed.entries
        return {}


def _lookup(entries: dict[str, MeetingMeta], path: Path) -> MeetingMeta | None:
    return entries.get(str(path.resolve())) or entries.get(path.name)


def read_manifest(path: Path) -> dict[str, MeetingMeta]:
    """Parse a manifest strictly: the first problem is a UsageError."""
    if not path.is_file():
        raise UsageError(f"manifest not found: {path}")
    parsed = parse_manifest(path)
    if parsed.problems:
        raise UsageError(f"{path}: {parsed.problems[0]}")
    return parsed.entries


def parse_manifest(path: Path) -> Manifest:
    """Every good row of ``path``, and a line for each bad one."""
    problems: list[str] = []
    try:
        text = decode_bytes(str(path), path.read_bytes())
    except OSError as exc:
        return Manifest({}, (f"cannot read the manifest ({exc.strerror or exc}); its metadata is not used",))
    except MinutesError as exc:
        return Manifest({}, (f"{getattr(exc, 'reason', exc)}; its metadata is not used",))
    rows: Iterable[tuple[str, dict[str, Any]]]
    if path.suffix.lower() in (".yaml", ".yml"):
        rows = _yaml_rows(text, problems)
    else:
        rows = _csv_rows(text, "\t" if path.suffix.lower() == ".tsv" else ",", problems)
    out: dict[str, MeetingMeta] = {}
    for where, row in rows:
        meta = _row_meta(where, row, problems)
        if meta is None:
            continue
        name = str(row.get("file") or row.get("path"))
        out[str((path.parent / name).resolve())] = meta
        out[Path(name).name] = meta
    return Manifest(out, tuple(problems))


def _csv_rows(text: str, delimiter: str, problems: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        if not reader.fieldnames:
            return
    except csv.Error as exc:
        problems.append(f"line 1: {exc}; its metadata is not used")
        return
    consumed = reader.line_num
    while True:
        start = consumed + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader does not count the line it choked on
            problems.append(f"line {start}: {exc}; row skipped")
            consumed = max(reader.line_num, start)
            continue
        consumed = reader.line_num
        yield f"line {start}", row


def _yaml_rows(text: str, problems: list[str]) -> list[tuple[str, dict[str, Any]]]:
    try:
        data = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(f"{where}not valid YAML ({problem}); its metadata is not used")
        return []
    if isinstance(data, dict):
        data = [{"file": k, **(v if isinstance(v, dict) else {})} for k, v in data.items()]
    if not isinstance(data, list):
        problems.append("expected a list of rows (or a mapping of file -> fields); its metadata is not used")
        return []
    rows = []
    for n, row in enumerate(data, start=1):
        if isinstance(row, dict):
            rows.append((f"entry {n}", row))
        else:
            problems.append(f"entry {n}: expected file and fields, got {type(row).__name__}; skipped")
    return rows


def _row_meta(where: str, row: dict[str, Any], problems: list[str]) -> MeetingMeta | None:
    if not (row.get("file") or row.get("path")):
        problems.append(f"{where}: row has no 'file' value; skipped")
        return None
    values = {k: (str(v).strip() or None) for k, v in row.items() if k in FIELDS and v is not None}
    when = values.get("date")
    if when is not None and not is_iso_date(when):
        problems.append(f"{where}: date {when!r} is not a real date (YYYY-MM-DD); the row's date is not used")
        values["date"] = None
    url = str(row.get("url") or row.get("source_url") or "").strip()
    if url and not values.get("council"):
        values["council"] = council_for_host(url)
    return MeetingMeta(
        council=values.get("council"),
        committee=values.get("committee"),
        date=values.get("date"),
        title=values.get("title"),
        venue=values.get("venue"),
    )
