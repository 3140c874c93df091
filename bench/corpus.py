"""The benchmark corpus: N copies of the real documents, varied so no copy
dedupes against another, by bytes or by text (each is a new document to the store).

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
    """``data`` made unique for copy ``n``, in its words as well as its bytes.

    The store keeps one set of facts per distinct text (the same minutes in two
    formats), so a copy must differ in what it says, not only in its bytes:
    each gets a closing line "Benchmark copy n." -- drawn on the last page of a
    PDF, put inside the minutes body of ModernGov XML, before </body> in HTML,
    appended to text. A document without a place for it gets a comment.
    """
    suffix = suffix.lower()
    line = f"Benchmark copy {n}."
    if suffix == ".pdf":
        return _pdf_with_line(data, line)
    if suffix == ".xml":
        return _insert_before(data, b"</minutesnonemptyhtmlbody>", f" {line} ".encode()) or (
            data + f"\n<!-- bench copy {n} -->\n".encode()
        )
    if suffix in (".html", ".htm"):
        return (
            _insert_before(data, b"</body>", f"<p>{line}</p>".encode())
            or data + f"\n<p>{line}</p>\n".encode()
        )
    return data + f"\n\n{line}\n".encode()


def _insert_before(data: bytes, marker: bytes, text: bytes) -> bytes | None:
    at = data.lower().rfind(marker)
    return None if at < 0 else data[:at] + text + data[at:]


def _pdf_with_line(data: bytes, line: str) -> bytes:
    """Draw ``line`` at the foot of the last page (pdfium), so the copy's text differs."""
    import ctypes
    import io

    import pypdfium2 as pdfium
    from pypdfium2 import raw

    pdf = pdfium.PdfDocument(data)
    page = pdf[len(pdf) - 1]
    obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(8))
    wide = ctypes.create_string_buffer((line + "\0").encode("utf-16-le"))
    raw.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(raw.FPDF_WCHAR)))
    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 36, 12)
    raw.FPDFPage_InsertObject(page.raw, obj)
    raw.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    pdf.save(out)
    page.close()
    pdf.close()
    return out.getvalue()


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
