"""`python -m bench.bench_pdf_pages [--pages 2000 20000]`: PDF layout work
against page count, stage by stage, to show it is linear.

Generates printed-minutes PDFs (a running header, a running footer, "Page N of
M", a numbered heading and a few paragraphs per page) in a temporary folder
(never committed), loads each, and prints the seconds of every stage and each
stage's ratio between the largest and the smallest PDF. Linear work gives a
ratio near the ratio of page counts (10 for 2,000 -> 20,000 pages).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from pipeline.load.pdf import load_pdf
from pipeline.load.pdf_blocks import build_blocks
from pipeline.load.pdf_furniture import strip_furniture
from pipeline.load.pdf_lines import iter_page_lines

HEADER = "Planning Committee - Thursday 9 January 2025"
FOOTER = "These minutes are draft until approved at the next meeting"


SENTENCES = (
    "The Committee considered the report of the Head of Planning on the application.",
    "Members asked about access, parking and the hours of construction.",
    "Officers answered each point in turn and referred to the late representations.",
    "The ward councillor spoke against the proposal on behalf of residents.",
    "A condition limiting deliveries to weekday daytime hours was proposed and seconded.",
    "The applicant's agent addressed the Committee in support of the scheme.",
    "Concerns were raised about the loss of a mature tree on the northern boundary.",
)


SYLLABLES = ("ash", "bel", "cor", "dun", "elm", "fal", "gor", "hal", "ing", "kel", "lin", "mor", "nor", "oak")


def _place(n: int, k: int = 0) -> str:
    """A made-up place name unique to (n, k): key texts ignore digits, so only
    words keep one page's body lines from looking like another's."""
    value, parts = n * 16 + k, []
    while True:
        value, digit = divmod(value, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
        if not value:
            break
    return "".join(parts).capitalize()


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _page_content(n: int, pages: int) -> bytes:
    """One A4 page: header, a bold numbered heading, a varying number of body
    lines (so body lines do not sit at the same height on every page), footer
    and "Page n of m"."""
    lines = [
        (1, 9, 297, 800, HEADER),
        (2, 11, 62, 760, f"{n}. APPLICATION {n:05d} - LAND AT {_place(n).upper()} ROAD"),
    ]
    y = 736
    for k in range(4 + (n * 7) % 9):
        sentence = SENTENCES[(n * 3 + k * 5) % len(SENTENCES)]
        lines.append((1, 11, 62, y, f"{sentence[:-1]} at {_place(n, k + 1)} Road."))
        y -= 15 + 6 * ((n + k) % 3 == 0)
    lines.append((1, 11, 62, y - 10, f"RESOLVED: That the application at {_place(n, 15)} Road be approved."))
    lines += [(1, 8, 297, 60, FOOTER), (1, 8, 297, 48, f"Page {n} of {pages}")]
    ops = [
        f"BT /F{font} {size} Tf {x} {top} Td ({_escape(text)}) Tj ET" for font, size, x, top, text in lines
    ]
    return "\n".join(ops).encode("latin-1")


def make_pdf(pages: int, out: Path) -> Path:
    """Write the PDF directly (objects, content streams, xref): a 20,000-page
    file takes seconds, where a layout library takes many minutes."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for n in range(1, pages + 1):
        content = _page_content(n, pages)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % len(objects)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, b" ".join(kids))
    body = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    out.write_bytes(bytes(body))
    return out


def stages(path: Path) -> dict[str, float]:
    """Seconds for each stage of load_pdf, then for load_pdf as a whole."""
    data = path.read_bytes()
    times: dict[str, float] = {}
    t = time.process_time()
    pdf = pdfium.PdfDocument(data)
    pages = list(iter_page_lines(pdf))
    pdf.close()
    times["read lines (pypdfium2)"] = time.process_time() - t
    t = time.process_time()
    stripped = strip_furniture(pages)
    times["running headers/footers"] = time.process_time() - t
    t = time.process_time()
    build_blocks(stripped)
    times["blocks"] = time.process_time() - t
    t = time.process_time()
    doc = load_pdf(path, data, "bench")
    times["load_pdf end to end"] = time.process_time() - t
    kept = sum(len(p.lines) for p in stripped)
    total = sum(len(p.lines) for p in pages)
    print(f"  {doc.pages:,} pages: {total:,} lines, {total - kept:,} removed as furniture", file=sys.stderr)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_pdf_pages", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--pages", type=int, nargs="+", default=[2000, 20000], help="Page counts (default 2000 20000)."
    )
    args = parser.parse_args(argv)
    counts = sorted(args.pages)
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="minutes-bench-pdf-") as tmp:
        for n in counts:
            t = time.process_time()
            path = make_pdf(n, Path(tmp) / f"minutes-{n}.pdf")
            print(
                f"made {n:,}-page PDF ({path.stat().st_size / 1e6:.1f} MB) in "
                f"{time.process_time() - t:.1f} s",
                file=sys.stderr,
            )
            results[n] = stages(path)
            path.unlink()
    small, large = counts[0], counts[-1]
    print(f"{'stage':<26}" + "".join(f"{f'{n:,} pages':>14}" for n in counts) + f"{'ratio':>9}")
    for stage in results[small]:
        row = "".join(f"{results[n][stage]:>13.2f}s" for n in counts)
        ratio = results[large][stage] / max(results[small][stage], 1e-9)
        print(f"{stage:<26}{row}{ratio:>8.1f}x")
    print(f"pages ratio {large / small:.1f}x; linear work shows about the same ratio")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
