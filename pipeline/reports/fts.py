"""Turn what a person types into an SQLite FTS5 query.

FTS5 reads ``anti-social`` as "anti, but not column social" and rejects
``children's`` and ``covid-19``; people type those words all the time. So a
word with anything but letters, digits and underscores becomes a quoted
phrase (the tokenizer splits it the same way it split the stored text), while
the syntax people do mean is kept: "quoted phrases", AND / OR / NOT, NEAR(...),
prefix*, parentheses and ``column:word`` for known columns. Whatever comes out
is checked against an in-memory FTS5 table; if SQLite still rejects it, every
word is searched as a plain term instead, so a search never fails on syntax.

Used by the web UI (as Datasette's ``escape_fts``) and meant for the CLI.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Sequence

OPERATORS = frozenset({"AND", "OR", "NOT"})
BINARY = frozenset({"AND", "OR", "NOT"})
_TOKEN = re.compile(r'"[^"]*"?|[()]|,|[^\s"(),]+')
_BAREWORD = re.compile(r"^[A-Za-z0-9_\u0080-\U0010ffff]+$")
_COLUMN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(.*)$")
_NUMBER = re.compile(r"^\d+$")


def _indexable(text: str) -> bool:
    """True when the tokenizer would keep something of ``text`` (a letter or
    digit); "-", "&" or "£" alone would become an empty phrase that matches
    nothing and would make the whole query match nothing."""
    return any(ch.isalnum() for ch in text)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


#: Letters joined by hyphens: "anti-social", "co-production", "covid-19".
_HYPHENATED = re.compile(r"^[^\W_]+(?:-[^\W_]+)+$")


def _term(word: str, columns: frozenset[str], *, near: bool = False) -> str | None:
    """One bareword as FTS5: kept bare when FTS5 accepts it, else quoted.

    A hyphenated word also matches its closed-up spelling ("anti-social" finds
    "antisocial", "co-production" finds "coproduction"): minutes spell these
    both ways, often in one council. Not inside NEAR(), which takes phrases only."""
    prefix = ""
    column = _COLUMN.match(word)
    if column and column.group(1).lower() in columns and _indexable(column.group(2)):
        prefix, word = column.group(1) + ":", column.group(2)
    star = word.endswith("*")
    stem = word.rstrip("*")
    if not _indexable(stem):
        return None
    body = stem if _BAREWORD.match(stem) and stem not in OPERATORS and stem != "NEAR" else _quote(stem)
    star_text = "*" if star else ""
    if not near and _HYPHENATED.match(stem):
        closed_up = _quote(stem.replace("-", ""))  # quoted: "O-R" closed up is not the operator
        return f"{prefix}({body}{star_text} OR {closed_up}{star_text})"
    return prefix + body + star_text


def translate(text: str, columns: Sequence[str] = ()) -> str:
    """The query with FTS5 syntax kept and every other word made safe (not
    checked: see fts_query)."""
    cols = frozenset(c.lower() for c in columns)
    tokens = _TOKEN.findall(text)
    out: list[str] = []
    near_depth = None  # paren depth at which a NEAR( group was opened
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.startswith('"'):
            inner = tok[1:-1] if len(tok) > 1 and tok.endswith('"') else tok[1:]
            if _indexable(inner):
                star = "*" if i + 1 < len(tokens) and tokens[i + 1] == "*" else ""
                out.append(_quote(inner) + star)
        elif tok == "(":
            if out and out[-1] == "NEAR":
                out[-1] = "NEAR("
                near_depth = depth
            else:
                out.append("(")
            depth += 1
        elif tok == ")":
            depth -= 1
            out.append(")")
            if near_depth is not None and depth == near_depth:
                near_depth = None
        elif tok == ",":
            following = tokens[i + 1:i + 3]
            if (
                near_depth is not None
                and len(following) == 2
                and _NUMBER.match(following[0])
                and following[1] == ")"
            ):
                out.append(",")
        elif tok in OPERATORS or (tok == "NEAR" and i + 1 < len(tokens) and tokens[i + 1] == "("):
            out.append(tok)
        elif tok == "*":
            continue  # belongs to the phrase before it
        else:
            term = _term(tok, cols, near=near_depth is not None)
            if term is not None:
                out.append(term)
    return _tidy(out)


def _skip_operand(parts: list[str], i: int) -> int:
    """Index after the operand starting at ``parts[i]`` (a term or a group)."""
    if i < len(parts) and parts[i] in ("(", "NEAR("):
        depth = 0
        for j in range(i, len(parts)):
            depth += parts[j] in ("(", "NEAR(")
            depth -= parts[j] == ")"
            if depth == 0:
                return j + 1
        return len(parts)
    return i + 1


def _tidy(parts: list[str]) -> str:
    """Make the operators binary, as FTS5 wants: ``a AND NOT b`` means
    ``a NOT b``; a stray AND at either end goes; a NOT with nothing before it
    cannot be said in FTS5, so it goes with what it negates (better no results
    than results for the very thing excluded); words side by side get an
    explicit AND, which FTS5 needs beside a parenthesised group."""
    cleaned: list[str] = []
    groups: list[str] = []  # the open "(" and "NEAR(" groups
    i = 0
    while i < len(parts):
        part = parts[i]
        i += 1
        opening = not cleaned or cleaned[-1] in ("(", "NEAR(")
        if part == "NOT" and opening:
            i = _skip_operand(parts, i)
            continue
        if part in BINARY and cleaned and cleaned[-1] in BINARY:
            cleaned[-1] = part
            continue
        if part in BINARY and opening:
            continue
        if part == ")" and cleaned and cleaned[-1] in BINARY:
            cleaned.pop()
        if part == ")" and cleaned and cleaned[-1] in ("(", "NEAR("):
            cleaned.pop()
            if groups:
                groups.pop()
            continue
        starts = part not in BINARY and part not in (")", ",")
        ended = bool(cleaned) and cleaned[-1] not in BINARY and cleaned[-1] not in ("(", "NEAR(", ",")
        if starts and ended and not (groups and groups[-1] == "NEAR("):
            cleaned.append("AND")  # FTS5 has no implicit AND beside a (group)
        if part in ("(", "NEAR("):
            groups.append(part)
        elif part == ")" and groups:
            groups.pop()
        cleaned.append(part)
    while cleaned and cleaned[-1] in BINARY:
        cleaned.pop()
    text = " ".join(cleaned)
    return text.replace("NEAR( ", "NEAR(").replace("( ", "(").replace(" )", ")").replace(" ,", ",")


def plain_terms(text: str) -> str:
    """Every word as a quoted term (implicit AND): what is searched when the
    user's syntax cannot be made valid."""
    words = [w for w in re.split(r'[\s"()]+', text) if _indexable(w)]
    return " ".join(_quote(w) for w in words)


_local = threading.local()


def _checker(columns: tuple[str, ...]) -> sqlite3.Connection:
    cache: dict[tuple[str, ...], sqlite3.Connection] = getattr(_local, "checkers", None) or {}
    _local.checkers = cache
    if columns not in cache:
        conn = sqlite3.connect(":memory:")
        cols = ", ".join(_quote(c) for c in columns) or "body"
        conn.execute(
            f"create virtual table q using fts5({cols}, tokenize='porter unicode61 remove_diacritics 2')"
        )
        cache[columns] = conn
    return cache[columns]


def is_valid(query: str, columns: Sequence[str] = ()) -> bool:
    """Whether SQLite's FTS5 parses ``query`` (against a table with ``columns``)."""
    if not query.strip():
        return False
    try:
        _checker(tuple(columns)).execute("select rowid from q where q match ? limit 1", [query]).fetchall()
    except sqlite3.Error:
        return False
    return True


def fts_query(text: str, columns: Sequence[str] = ()) -> str:
    """What to give FTS5 MATCH for ``text`` as a person typed it.

    ``anti-social behaviour`` -> ``("anti-social" OR "antisocial") AND behaviour``;
    ``children's services`` -> ``"children's" AND services``; ``"youth club" OR CCTV`` stays as
    written. ``columns`` are the FTS table's columns, so ``text:cctv`` keeps
    its column filter. Returns "" when nothing in ``text`` can be searched
    (callers then show no results rather than run MATCH)."""
    query = translate(text or "", columns)
    if query and is_valid(query, columns):
        return query
    if not query and re.search(r"\bNOT\b", text or ""):
        return ""  # everything typed was negated: FTS5 cannot list "all but"
    return plain_terms(text or "")
