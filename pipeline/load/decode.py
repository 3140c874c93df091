"""Bytes -> str for text-like sources, robust to the encodings councils use.

Saved pages come as UTF-8 (with or without a BOM), UTF-16 from Windows tools,
or cp1252 from older exports. Binary data (a PDF or Word file renamed .txt)
must fail with one clear line rather than turn into mojibake downstream.
"""

from __future__ import annotations

import codecs
import re

from ..errors import SourceError

#: Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Above this share of control characters a "text" file is really binary.
MAX_CONTROL_SHARE = 0.02


def decode_bytes(path: str, data: bytes) -> str:
    """Decode ``data``; raises SourceError("not a text file") for binary junk."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:4096]:
        text = _utf16_without_bom(path, data)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        raise SourceError(path, "not a text file (binary data; expected UTF-8, UTF-16 or cp1252 text)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_without_bom(path: str, data: bytes) -> str:
    """UTF-16 text saved without a BOM has NULs in every other byte."""
    head = data[:4096]
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = max(len(head) // 2, 1)
    if odd_nuls / half > 0.4 and even_nuls / half < 0.05:
        return data.decode("utf-16-le", errors="replace")
    if even_nuls / half > 0.4 and odd_nuls / half < 0.05:
        return data.decode("utf-16-be", errors="replace")
    raise SourceError(path, "not a text file (contains NUL bytes; is it a binary document renamed?)")
