"""Validators and bodies of earlier answers, so a nightly run asks only what changed.

One JSON file (URL, ETag, Last-Modified, content type) and one body file per
URL, named by the URL's SHA-256 under ``<out>/.fetch-cache/``: the server
cannot choose a cache file name.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .paths import write_atomic

CACHE_DIRNAME = ".fetch-cache"


@dataclass(frozen=True)
class CachedAnswer:
    url: str
    etag: str | None
    last_modified: str | None
    content_type: str

    def conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class ValidatorCache:
    """A folder of (validators, body) pairs keyed by URL."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def get(self, url: str) -> tuple[CachedAnswer, bytes] | None:
        meta_path, body_path = self._paths(url)
        try:
            data = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
            answer = CachedAnswer(**data)
        except (OSError, ValueError, TypeError):
            return None  # missing or damaged: ask unconditionally
        return (answer, body) if answer.url == url else None

    def put(self, answer: CachedAnswer, body: bytes) -> None:
        if not (answer.etag or answer.last_modified):
            return  # nothing to revalidate with
        meta_path, body_path = self._paths(answer.url)
        write_atomic(body_path, body)
        write_atomic(meta_path, json.dumps(asdict(answer)).encode("utf-8"))
