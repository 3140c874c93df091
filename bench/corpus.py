"""The benchmark corpus: N copies of the real documents, bytes varied so no
copy dedupes against another (each is a new document to the store).

Seeds are read in place; copies go under a temporary folder as
``copy_000/pdf/...`` and ``copy_000/other/...`` so a run can take the PDFs,
the rest, or everything, at 1x or 10x.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SEED_DIRS = (ROOT / "corpus", SHARED / "pages", SHARED / "xml", SHARED / "pdf")
SUFFIXES = {".txt", ".html", ".htm", ".xml", ".pdf"}


@dataclass(frozen=True)
class Seeds:
    pdf: tuple[Path, ...]
    other: tuple[Path, ...]

    @property
    def count(self) -> int:
        return len(self.pdf) + len(self.other)


def find_seeds() -> Seeds:
    files = sorted(p for d in SEED_DIRS if d.is_dir() for p in d.iterdir() if p.suffix.lower() in SUFFIXES)
    return Seeds(
        pdf=tuple(p for p in files if p.suffix.lower() == ".pdf"),
        other=tuple(p for p in files if p.suffix.lower() != ".pdf"),
    )


def vary(data: bytes, suffix: str, n: int) -> bytes:
    """``data`` made unique for copy ``n`` without changing what it says.

    PDF: a comment line after %%EOF (readers ignore it). XML/HTML: a trailing
    comment. Text: a trailing run of spaces and tabs spelling ``n`` in binary.
    """
    suffix = suffix.lower()
    if suffix == ".pdf":
        return data + b"\n%" + str(n).encode() + b"\n"
    if suffix in (".xml", ".html", ".htm"):
        return data + f"\n<!-- bench copy {n} -->\n".encode()
    return data + b"\n" + format(n, "b").replace("0", " ").replace("1", "\t").encode() + b"\n"


def build(root: Path, seeds: Seeds, copies: int) -> list[Path]:
    """Write ``copies`` varied copies of every seed under ``root``; returns the copy folders."""
    folders = []
    contents = {p: p.read_bytes() for p in (*seeds.pdf, *seeds.other)}
    for n in range(copies):
        folder = root / f"copy_{n:03d}"
        for kind, paths in (("pdf", seeds.pdf), ("other", seeds.other)):
            target = folder / kind
            target.mkdir(parents=True, exist_ok=True)
            for p in paths:
                (target / f"{p.parent.name}_{p.name}").write_bytes(vary(contents[p], p.suffix, n))
        folders.append(folder)
    return folders
