"""Bad inputs through the real CLI: each gets a one-line error naming the file
(stderr and the `problems` table) or is handled, in bounded time and memory,
and nothing already stored changes.

The subprocess timeouts are hang guards, not speed targets.
"""

from __future__ import annotations

import http.server
import resource
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import ClassVar

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

import badinputs as bad
from conftest import SEED_TEXTS

from bench import crash_test

SEEDS = SEED_TEXTS
STORED_TABLES = ("meetings", "documents", "agenda_items", "resolutions", "actions", "amounts", "schemes",
                 "scheme_mentions")
#: Columns follow-through may legitimately move when new minutes arrive.
LINKED_COLUMNS = {"status", "due_date"}
MEMORY_CEILING_KB = 3 * 1024 * 1024  # 3 GB peak RSS for any one ingest, a bound not a target


class _Counting(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counting.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"SECRET-FROM-THE-NETWORK")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def web():
    """A local web server that counts requests: external entities must not reach it."""
    server = http.server.HTTPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def seeded(tmp_path):
    """A store already holding the seed minutes."""
    db = tmp_path / "store.db"
    done = _ingest([str(p) for p in SEEDS], db)
    assert done.returncode == 0, done.stderr[-2000:]
    return db


def _ingest(paths: list[str], db: Path, *, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*crash_test.minutes_command(), "ingest", *paths, "--db", str(db), "--workers", "1"],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
    )


def _rows(db: Path) -> dict[str, set[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        out = {}
        for t in STORED_TABLES:
            cols = [r[1] for r in conn.execute(f"pragma table_info([{t}])")
                    if r[1] not in crash_test.VOLATILE_COLUMNS | LINKED_COLUMNS]
            out[t] = set(conn.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{t}]"))
        return out
    finally:
        conn.close()


def _problems(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return {path: message for path, message in conn.execute("select path, message from problems")}
    finally:
        conn.close()


def _error_lines(stderr: str) -> dict[str, str]:
    """`error: <path>: <message>` lines of the CLI's summary, by path."""
    out = {}
    for line in stderr.splitlines():
        if line.startswith("error: "):
            path, _, message = line[len("error: "):].partition(": ")
            out[path] = message
    return out


def _peak_child_rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def test_bad_files_each_get_one_line_and_change_nothing(seeded, tmp_path, web):
    folder = tmp_path / "bad inputs ü"
    folder.mkdir()
    expected = {  # file -> a word its error must contain
        bad.zero_byte(folder): "empty",
        bad.zero_byte(folder, "empty.pdf"): "empty",
        bad.whitespace_only(folder): "empty",
        bad.truncated_pdf(folder): "pdf",
        bad.malformed_pdf(folder): "pdf",
        bad.encrypted_pdf(folder): "encrypted",
        bad.binary_junk(folder, ".pdf"): "",
        bad.binary_junk(folder, ".html"): "text",
        bad.binary_junk(folder, ".xml"): "text",
        bad.binary_junk(folder, ".txt"): "text",
        bad.billion_laughs(folder): "",
        bad.external_entity(folder): "",
        bad.external_entity(folder, target=f"{web}/xxe", name="xxe-http.xml"): "",
        bad.external_dtd(folder, target=f"{web}/evil.dtd"): "",
        bad.no_extension(folder): "type",
    }
    before = _rows(seeded)
    done = _ingest([str(p) for p in expected], seeded)
    assert done.returncode == 1, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert done.stdout.strip().startswith(f"0 new, 0 unchanged, {len(expected)} failed")
    lines, problems = _error_lines(done.stderr), _problems(seeded)
    for path, word in expected.items():
        message = lines.get(str(path))
        assert message, f"no error line for {path.name}:\n{done.stderr[-3000:]}"
        assert word.lower() in message.lower(), (path.name, message)
        assert "unexpected" not in message, (path.name, message)
        assert problems.get(str(path)) == message, path.name
    # Entities were refused, not expanded, and nothing was fetched.
    everything = done.stderr + "".join(problems.values())
    assert "lollollol" not in everything and "root:" not in everything and "SECRET" not in everything
    assert _Counting.hits == []
    assert _rows(seeded) == before
    assert crash_test.check_store(seeded) == []
    assert _peak_child_rss_kb() < MEMORY_CEILING_KB


def test_awkward_but_valid_files_are_stored_faithfully(seeded, tmp_path):
    folder = tmp_path / "awkward ü"
    folder.mkdir()
    files = [bad.utf16_bom(folder), bad.cp1252(folder), bad.invalid_utf8(folder), bad.non_ascii_name(folder),
             bad.pdf_named_txt(folder)]
    before = _rows(seeded)
    done = _ingest([str(p) for p in files], seeded)
    assert done.returncode == 0, done.stderr[-3000:]
    after = _rows(seeded)
    for table in STORED_TABLES:
        assert before[table] <= after[table], f"{table}: rows already stored were changed"
    conn = sqlite3.connect(seeded)
    texts = dict(conn.execute("select path, text from documents"))
    fmt = dict(conn.execute("select path, format from documents"))
    conn.close()
    for f in files:
        assert str(f) in texts, f"{f.name} not stored"
    for f in files[:2]:  # declared encodings decode exactly
        text = texts[str(f)]
        assert (
            "\u00a31,250,000" in text
            and "\u201cHighways Improvement Fund\u201d" in text
            and "Director\u2019s" in text
        )
        assert "\u00c2" not in text and "\ufffd" not in text  # no mojibake, no replacement characters
    assert "\u00a31,250,000" in texts[str(files[2])]  # invalid bytes elsewhere do not spoil the rest
    assert fmt[str(files[4])] == "pdf"  # sniffed by content
    assert "Comité minutes 2024 ü.txt" in Path(next(p for p in texts if "Comit" in p)).name


@pytest.mark.parametrize(
    "make, outcome",
    [
        pytest.param(lambda d: bad.blank_pdf(d, pages=3000), "no text", id="3000-blank-pages-pdf"),
        pytest.param(lambda d: bad.nested_html(d, depth=100_000), None, id="100k-nested-divs"),
        pytest.param(
            lambda d: bad.big_html(d, megabytes=50), "too long", id="50mb-html", marks=pytest.mark.slow
        ),
    ],
)
def test_huge_inputs_finish_in_bounded_time_and_memory(make, outcome, seeded, tmp_path):
    path = make(tmp_path)
    before = _rows(seeded)
    done = _ingest([str(path)], seeded, timeout=900)  # a hang guard
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode in (0, 1), done.stderr[-3000:]
    if done.returncode == 1:
        message = _error_lines(done.stderr)[str(path)]
        assert "\n" not in message and _problems(seeded)[str(path)] == message
        assert "unexpected" not in message  # a declared error, not a leaked exception
        if outcome:
            assert outcome in message.lower()
    else:
        assert outcome is None, f"expected an error containing {outcome!r}"
    after = _rows(seeded)
    for table in STORED_TABLES:
        assert before[table] <= after[table]
    assert crash_test.check_store(seeded) == []
    assert _peak_child_rss_kb() < MEMORY_CEILING_KB
