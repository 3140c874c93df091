"""Shorten the lines ruff's E501 reports, without changing what the code does.

Re-runnable after a merge brings new long lines (``python .ci/fix_long_lines.py
pipeline extractors tests bench``). For each file with long lines it:

1. splits long one-line string literals (regexes, messages, SQL, test text)
   into implicitly concatenated pieces at spaces, ``|`` or ``,`` (never inside
   an escape or an f-string field), parenthesised where they stand alone;
2. moves a trailing comment that makes a line long onto its own line above,
   and wraps long comment lines;
3. formats each statement that is still long with ``ruff format --range``;

then checks that the module's AST is unchanged (docstrings and comments are
not code; string pieces join back into the same constant) and restores the
file if it is not. What is left (long docstring lines, text inside triple-quoted
strings) is listed for a person to fix.
"""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import sys
import tokenize
from pathlib import Path

LIMIT = 110
PIECE = 72  # the most characters of a string piece
RUFF = [sys.executable, "-m", "ruff"]


def long_lines(paths: list[str]) -> dict[Path, list[int]]:
    out = subprocess.run(
        [*RUFF, "check", "--select", "E501", "--output-format", "json", "--no-cache", *paths],
        capture_output=True, text=True, check=False,
    )
    found: dict[Path, list[int]] = {}
    for hit in json.loads(out.stdout or "[]"):
        found.setdefault(Path(hit["filename"]).resolve(), []).append(hit["location"]["row"])
    return found


def tree(source: str) -> str:
    """The module's AST with docstrings blanked: what must not change."""
    module = ast.parse(source)
    for node in ast.walk(module):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                value.value = ""
    return ast.dump(module, include_attributes=False)


# -- 1. string literals ------------------------------------------------------

_PREFIX = re.compile(r"^([rRbBuUfF]*)(['\"])")
#: An escape sequence not finished yet at the end of a piece ("\x4", "\N{BULLET").
_OPEN_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]?|u[0-9a-fA-F]{0,3}|U[0-9a-fA-F]{0,7}|N\{[^}]*|[0-7]{1,2})$")


def _safe_cut(body: str, at: int, is_raw: bool, is_f: bool) -> bool:
    """May ``body`` be cut before index ``at`` (the piece ending at ``at``)?
    Never inside an escape, an f-string field or a regex character class."""
    head = body[:at]
    if (len(head) - len(head.rstrip("\\"))) % 2:
        return False
    if not is_raw and _OPEN_ESCAPE.search(head):
        return False
    depth, in_class, i = 0, False, 0
    while i < at:
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if is_f and depth == 0 and body[i : i + 2] in ("{{", "}}"):
            i += 2
            continue
        if is_f and ch in "{}":
            depth += 1 if ch == "{" else -1
        elif is_raw and ch == "[" and not in_class:
            in_class = True
        elif is_raw and ch == "]" and in_class:
            in_class = False
        i += 1
    return i == at and depth == 0 and not in_class


def _good_cut(body: str, at: int) -> int:
    """How good a place to cut: 3 after a space, 2 after ``|`` or ``,``, 1 after
    a closing bracket or before an opening one, 0 elsewhere."""
    before, after = body[at - 1], body[at] if at < len(body) else ""
    if before == " ":
        return 3
    if before in "|,":
        return 2
    if before in ")]}" or (after == "(" and before not in "\\("):
        return 1
    return 0


def split_literal(token: str) -> list[str] | None:
    """``token`` (one single-quoted literal) as pieces of at most PIECE characters."""
    m = _PREFIX.match(token)
    if not m or token[len(m.group(1)) :].startswith(m.group(2) * 3):
        return None  # a triple-quoted string: text whose lines are data
    prefix, quote = m.group(1), m.group(2)
    body = token[len(prefix) + 1 : -1]
    is_raw, is_f = "r" in prefix.lower(), "f" in prefix.lower()
    pieces, start = [], 0
    while len(body) - start > PIECE:
        cut, best = None, 0
        for i in range(start + PIECE, start + 20, -1):
            quality = _good_cut(body, i)
            if quality > best and _safe_cut(body, i, is_raw, is_f):
                cut, best = i, quality
                if quality == 3:
                    break
        if cut is None:
            break
        pieces.append(body[start:cut])
        start = cut
    pieces.append(body[start:])
    if len(pieces) < 2:
        return None
    keep = prefix if is_f else prefix.replace("f", "").replace("F", "")
    out = []
    for piece in pieces:
        piece_prefix = keep
        if is_f and "{" not in piece and "}" not in piece:
            piece_prefix = keep.replace("f", "").replace("F", "")
        out.append(f"{piece_prefix}{quote}{piece}{quote}")
    return out


def split_strings(source: str, rows: set[int]) -> str:
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, int, str]] = []  # (row, col, end col, replacement)
    stack: list[str] = []  # open brackets: "call" for a call's parentheses, else the bracket
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    for n, tok in enumerate(tokens):
        if tok.type == tokenize.OP and tok.string in "([{":
            prev = tokens[n - 1] if n else None
            is_call = tok.string == "(" and prev is not None and (
                prev.type == tokenize.NAME or prev.string in (")", "]")
            )
            stack.append("call" if is_call else tok.string)
        elif tok.type == tokenize.OP and tok.string in ")]}":
            stack.pop()
        if tok.type != tokenize.STRING or tok.start[0] != tok.end[0] or tok.start[0] not in rows:
            continue
        if len(tok.string) <= 24:
            continue
        pieces = split_literal(tok.string)
        if not pieces:
            continue
        prev = tokens[n - 1] if n else None
        is_docstring = prev is not None and prev.type in (tokenize.INDENT, tokenize.NEWLINE, tokenize.NL) \
            and tokens[n + 1].type in (tokenize.NEWLINE, tokenize.COMMENT)
        if is_docstring:
            continue
        joined = " ".join(pieces)
        in_concatenation = tokenize.STRING in (_neighbour(tokens, n, -1), _neighbour(tokens, n, 1))
        if (not stack or stack[-1] != "call") and not in_concatenation:
            joined = f"({joined})"  # alone, or an item of a collection: parenthesised
        edits.append((tok.start[0], tok.start[1], tok.end[1], joined))
    for row, col, end, text in sorted(edits, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + text + line[end:]
    return "".join(lines)


def _neighbour(tokens: list[tokenize.TokenInfo], n: int, step: int) -> int | None:
    """The type of the nearest token before (-1) or after (1) ``n`` that is code."""
    n += step
    while 0 <= n < len(tokens) and tokens[n].type in (tokenize.NL, tokenize.COMMENT):
        n += step
    return tokens[n].type if 0 <= n < len(tokens) else None


# -- 2. comments ---------------------------------------------------------------

def fix_comments(source: str, rows: set[int]) -> str:
    lines = source.splitlines(keepends=True)
    comments = {
        tok.start[0]: tok for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT and tok.start[0] in rows
    }
    for row in sorted(comments, reverse=True):
        tok = comments[row]
        line = lines[row - 1]
        if len(line.rstrip("\n")) <= LIMIT:
            continue
        code = line[: tok.start[1]].rstrip()
        indent = line[: len(line) - len(line.lstrip())]
        mark = "#:" if tok.string.startswith("#:") else "#"  # "#:" documents the name below it
        text = tok.string[len(mark) :].strip()
        if text.startswith(("type:", "noqa", "pragma")):
            continue
        wrapped = _wrap(text, LIMIT - len(indent) - len(mark) - 1)
        block = "".join(f"{indent}{mark} {part}\n" for part in wrapped)
        if code.strip():
            if code.rstrip().endswith(("(", "[", "{", ",", "\\")) and not code.rstrip().endswith(","):
                continue  # a comment after an opening bracket stays where it is
            lines[row - 1] = block + code + "\n"
        else:
            lines[row - 1] = block
    return "".join(lines)


def _wrap(text: str, width: int) -> list[str]:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return out


# -- 3. statements -----------------------------------------------------------------

def statement_ranges(source: str, rows: set[int]) -> list[tuple[int, int]]:
    """The smallest simple statements (or compound headers) holding ``rows``."""
    module = ast.parse(source)
    spans = []
    for node in ast.walk(module):
        if not isinstance(node, ast.stmt):
            continue
        start, end = node.lineno, node.end_lineno or node.lineno
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = min([d.lineno for d in node.decorator_list] + [node.lineno])
            end = node.body[0].lineno - 1
            start = first
        elif hasattr(node, "body") and isinstance(node.body, list) and node.body:
            end = node.body[0].lineno - 1
        spans.append((start, max(start, end)))
    chosen = set()
    for row in rows:
        holding = [s for s in spans if s[0] <= row <= s[1]]
        if holding:
            chosen.add(min(holding, key=lambda s: s[1] - s[0]))
    return sorted(chosen)


def format_ranges(path: Path, ranges: list[tuple[int, int]]) -> None:
    for start, end in sorted(ranges, reverse=True):
        subprocess.run([*RUFF, "format", "--quiet", "--range", f"{start}-{end + 1}", str(path)],
                       check=False, capture_output=True)


def fix_file(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    before = tree(original)
    for step in ("format", "strings", "comments", "format"):
        rows = set(long_lines([str(path)]).get(path, []))
        if not rows:
            break
        source = path.read_text(encoding="utf-8")
        if step == "strings":
            path.write_text(split_strings(source, rows), encoding="utf-8")
        elif step == "comments":
            path.write_text(fix_comments(source, rows), encoding="utf-8")
        else:
            format_ranges(path, statement_ranges(source, rows))
        try:
            same = tree(path.read_text(encoding="utf-8")) == before
        except SyntaxError:
            same = False
        if not same:
            print(f"{path}: {step} changed the code; restored", file=sys.stderr)
            path.write_text(source, encoding="utf-8")


def main(paths: list[str]) -> int:
    for path in sorted(long_lines(paths)):
        fix_file(path)
    left = long_lines(paths)
    for path, rows in sorted(left.items()):
        for row in rows:
            print(f"{path}:{row}: still longer than {LIMIT}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["pipeline", "extractors", "tests", "bench"]))
