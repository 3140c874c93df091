"""Repair one block's text, keeping a map from repaired offsets back to the raw text.

The text is read as alternating whitespace runs and tokens. Whitespace runs
become one space (or one newline), odd spaces included; each token is repaired
on its own (zero-width marks dropped, mojibake fixed, bullet glyphs made "•",
glued words split) through a cache, since the same tokens recur everywhere.
Anchors record (repaired offset, raw offset) wherever the two drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ftfy

from ..config import CleanConfig
from .glue import urlish
from .glue_policy import NO_CONTEXT, GlueContext, context_of

BULLET = "•"
_BULLET_GLYPHS = "•·▪■◦●∙‣⁃➢➤►▸◆◇○\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf071"
# Space-like characters (NBSP, thin/figure spaces, ideographic space, tabs, form feeds).
_SPACE = "\\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_RUN = re.compile(f"([{_SPACE}]+)|[^{_SPACE}]+")
_NEWLINE = re.compile("[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")
_MOJIBAKE_NBSP = re.compile("\u00c2(?=\u00a0)")  # "Â" + NBSP: UTF-8 NBSP read as Latin-1
# Dropped outright: zero-width marks, soft hyphens, BOMs, C0/C1 controls.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LETTERS = re.compile(r"[^\W\d_]+")
# Punctuation glued to the next word: "2024,the", "period.The", "of£139", "Violence&", "robbery(against".
_PUNCT_GLUE = re.compile(
    r"(?<=[A-Za-z0-9)])[,;](?=[A-Za-z])"
    r"|(?<=[a-z]{2})[.](?=[A-Z][a-z])"
    r"|(?<=[A-Za-z])(?=£)"
    r"|(?<=[a-z]{2})(?=&)|(?<=&)(?=[A-Z][a-z]{2})"
    r"|(?<=[a-z]{2})(?=[(\[][A-Za-z]{3})"
    r"|(?<=[)\]])(?=[A-Z][a-z]{2})"
)

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


@dataclass(frozen=True)
class Repaired:
    text: str
    anchors: tuple[tuple[int, int], ...]  # (offset in text, offset in the raw block)


@lru_cache(maxsize=50_000)
def _fix_mojibake(token: str) -> str:
    return ftfy.fix_text(token, config=_FTFY)


def _lone_letter(token: str, at: int) -> bool:
    return at >= 0 and token[at].isalpha() and (at == 0 or not token[at - 1].isalpha())


def _punct_points(token: str) -> list[int]:
    points = []
    for m in _PUNCT_GLUE.finditer(token):
        cut = m.end() if m.group() else m.start()
        before, after = token[m.start() - 1 : m.start()], token[m.end() : m.end() + 2]
        if m.group() in ",;" and before.isdigit() and after[:1].isdigit():
            continue
        if (
            m.group() in ",;"
            and _lone_letter(token, m.start() - 1)
            and after[:1].isalpha()
            and not after[1:2].isalpha()
        ):
            continue  # "options A,B,C" is a list of labels, not lost spacing
        points.append(cut)
    return points


@lru_cache(maxsize=200_000)
def _repair_chars(token: str, line_start: bool, mojibake: bool) -> tuple[str, bool]:
    """(token without invisible marks, mojibake and odd bullets, whether lengths still match)."""
    exact = True
    text = token
    if _INVISIBLE.search(text):
        text, exact = _INVISIBLE.sub("", text), False
    if mojibake and not text.isascii():
        fixed = _fix_mojibake(text)
        if fixed != text:
            text, exact = fixed, False
    if not text:
        return "", False
    if line_start and (text[0] in _BULLET_GLYPHS or text == "o"):
        rest = text[1:]
        while rest[:1] in _BULLET_GLYPHS and rest:
            rest = rest[1:]
        if not rest:
            return BULLET, len(token) == 1 and exact
        text, exact = f"{BULLET} {rest}", False
    return text, exact


def repair_token(
    token: str,
    line_start: bool,
    mojibake: bool,
    split: bool,
    min_zipf: float,
    context: GlueContext = NO_CONTEXT,
) -> tuple[str, tuple[int, ...], bool]:
    """(repaired token, raw offsets where a space was inserted, whether lengths still match)."""
    text, exact = _repair_chars(token, line_start, mojibake)
    if not text or not split or urlish(text):
        return text, (), exact
    points = set(_punct_points(text))
    for m in _LETTERS.finditer(text):
        points.update(m.start() + p for p in context.cuts(m.group(), min_zipf))
    if not points:
        return text, (), exact
    cuts = sorted(p for p in points if 0 < p < len(text))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    return " ".join(pieces), tuple(cuts) if exact else (), exact


Memo = dict[tuple[str, bool], tuple[str, tuple[int, ...], bool]]


def repair_text(raw: str, config: CleanConfig | None = None, context: GlueContext | None = None,
                memo: Memo | None = None) -> Repaired:
    """Repaired text of one block plus its offset map back to ``raw``.

    ``context`` is the glue context of the whole document (``clean`` passes it);
    without it the block is judged as a document of its own. ``memo``: one dict
    per document and config (``clean`` passes it), so each distinct token of the
    document is repaired once (repair_token is pure; documents repeat their words).
    """
    if memo is None:
        memo = {}
    config = config or CleanConfig()
    if context is None:
        context = context_of([raw], config.min_part_zipf) if config.split_glued_words else NO_CONTEXT
    text = raw
    if config.fix_mojibake and "\u00c2" in text:
        text = _MOJIBAKE_NBSP.sub(" ", text)  # same length: offsets unchanged
    options = (config.fix_mojibake, config.split_glued_words, config.min_part_zipf)
    out: list[str] = []
    anchors: list[tuple[int, int]] = [(0, 0)]
    delta = 0  # repaired offset minus raw offset at the last anchor
    pos = 0  # length of the output so far
    line_start = True
    pending = ""  # whitespace waiting for the next token
    for m in _RUN.finditer(text):
        chunk = m.group()
        if m.group(1):
            newline = chunk != " " and _NEWLINE.search(chunk) is not None
            pending = "\n" if newline else " "
            line_start = line_start or newline
            continue
        found = memo.get((chunk, line_start))
        if found is None:
            found = memo[(chunk, line_start)] = repair_token(chunk, line_start, *options, context)
        fixed, inserts, exact = found
        if not fixed:
            continue
        if pending and out:
            out.append(pending)
            pos += 1
        pending = ""
        start = m.start()
        if pos - start != delta:
            delta = pos - start
            anchors.append((pos, start))
        if inserts:
            for k, cut in enumerate(inserts, 1):
                anchors.append((pos + cut + k, start + cut))
            delta = pos + len(inserts) - start
        out.append(fixed)
        pos += len(fixed)
        if not exact:
            delta = pos - m.end()
            anchors.append((pos, m.end()))
        line_start = False
    return Repaired("".join(out), tuple(anchors))


def to_raw(anchors: tuple[tuple[int, int], ...], offset: int) -> int:
    """The raw-block offset matching a repaired offset, by the nearest anchor before it."""
    best = (0, 0)
    for out_pos, src_pos in anchors:
        if out_pos > offset:
            break
        best = (out_pos, src_pos)
    return best[1] + (offset - best[0])
