"""Generators of hostile and awkward input files for the reliability tests.

Each function writes one file into ``folder`` and returns its path. Nothing is
downloaded; PDFs are built with pypdfium2 (and pypdf, for encryption).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = min((ROOT / "corpus").glob("*.txt"))
#: A real text-layer PDF shipped in the project (seed 002 printed), so these run without ../shared.
SAMPLE_PDF = ROOT / "corpus" / "002_8ea32eccb86cc6f3.pdf"

#: A short, valid minutes text carrying the characters encodings break.
MINUTES_WITH_POUNDS = (
    "Cabinet\n"
    "Minutes of the meeting held on 9 January 2025\n\n"
    "1. Apologies for absence\n\n"
    "There were no apologies.\n\n"
    "2. Budget Monitoring Report\n\n"
    "The Cabinet considered the report on the \u201cHighways Improvement Fund\u201d.\n"
    "RESOLVED that the allocation of \u00a31,250,000 to the Highways Improvement Fund be approved.\n"
    "ACTION: the Director\u2019s team to report back in March.\n"
)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def zero_byte(folder: Path, name: str = "empty.txt") -> Path:
    return write(folder, name, b"")


def whitespace_only(folder: Path) -> Path:
    return write(folder, "blank.html", b" \n\t\n  \r\n")


def binary_junk(folder: Path, suffix: str, *, size: int = 64 * 1024, seed: int = 0) -> Path:
    data = random.Random(f"{seed}{suffix}").randbytes(size)
    return write(folder, f"junk{suffix}", data)


def _pdf_bytes(pages: int) -> bytes:
    """A PDF of ``pages`` blank A4 pages, built with pypdfium2."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def blank_pdf(folder: Path, *, pages: int = 3000, name: str | None = None) -> Path:
    return write(folder, name or f"blank-{pages}-pages.pdf", _pdf_bytes(pages))


def real_pdf_bytes() -> bytes:
    return SAMPLE_PDF.read_bytes()


def truncated_pdf(folder: Path) -> Path:
    data = real_pdf_bytes()
    return write(folder, "truncated.pdf", data[: len(data) * 2 // 5])


def malformed_pdf(folder: Path) -> Path:
    """Starts like a PDF, then nonsense: no xref, broken objects."""
    data = (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        + b"\x00garbage]]>>" * 500
    )
    return write(folder, "malformed.pdf", data)


def encrypted_pdf(folder: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(real_pdf_bytes())).pages[:2]:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return write(folder, "encrypted.pdf", out.getvalue())


def pdf_named_txt(folder: Path) -> Path:
    """A real PDF renamed .txt: sniffed by content, not the extension."""
    return write(folder, "really-a-pdf.txt", real_pdf_bytes())


def big_html(folder: Path, *, megabytes: int = 50) -> Path:
    """A ~``megabytes`` MB ModernGov-looking page: one agenda item, a huge body."""
    para = ("<p>RESOLVED that the committee notes the report on highways maintenance and the "
            "\u00a3120,000 allocated to resurfacing in the Eastern area.</p>\n").encode()
    head = b"<html><head><title>Minutes - Cabinet 9 January 2025</title></head><body><div class='mgContent'>"
    head += b"<h2>1. Highways Maintenance</h2>"
    reps = megabytes * 1024 * 1024 // len(para)
    return write(folder, f"big-{megabytes}mb.html", head + para * reps + b"</div></body></html>")


def nested_html(folder: Path, *, depth: int = 100_000) -> Path:
    body = b"<div>" * depth + b"RESOLVED that the report be noted." + b"</div>" * depth
    return write(folder, f"nested-{depth}.html", b"<html><body>" + body + b"</body></html>")


def invalid_utf8(folder: Path) -> Path:
    data = MINUTES_WITH_POUNDS.encode("utf-8").replace(b"Budget", b"Bud\xc3\x28get\xff\xfe\x80")
    return write(folder, "invalid-utf8.txt", data)


def utf16_bom(folder: Path) -> Path:
    return write(
        folder,
        "utf16-bom.txt",
        MINUTES_WITH_POUNDS.replace("Cabinet", "Cabinet (UTF-16)", 1).encode("utf-16"),
    )


def cp1252(folder: Path) -> Path:
    return write(
        folder,
        "windows-1252.txt",
        MINUTES_WITH_POUNDS.replace("Cabinet", "Cabinet (cp1252)", 1).encode("cp1252"),
    )


def billion_laughs(folder: Path) -> Path:
    lol = b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    lol += b' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    for i in range(2, 10):
        lol += f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n'.encode()
    lol += b"]>\n<GetMeeting><meeting><title>&lol9;</title></meeting></GetMeeting>\n"
    return write(folder, "billion-laughs.xml", lol)


def external_entity(folder: Path, *, target: str = "file:///etc/passwd", name: str = "xxe-file.xml") -> Path:
    data = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "{target}"> ]>\n'
        "<getmeeting><meeting><committeetitle>Cabinet</committeetitle>"
        "<minutes>&xxe;</minutes></meeting></getmeeting>\n"
    ).encode()
    return write(folder, name, data)


def external_dtd(folder: Path, *, target: str) -> Path:
    data = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE foo SYSTEM "{target}">\n'
        "<getmeeting><meeting><committeetitle>Cabinet</committeetitle></meeting></getmeeting>\n"
    ).encode()
    return write(folder, "xxe-dtd.xml", data)


def non_ascii_name(folder: Path) -> Path:
    """Valid minutes under a name with spaces and accents."""
    return write(
        folder,
        "Comité minutes 2024 ü.txt",
        SEED_TEXT.read_bytes().replace(b"\n", b"\n", 1) + b"\n\nEnd of minutes.\n",
    )


def no_extension(folder: Path) -> Path:
    return write(folder, "README", b"just some notes")
