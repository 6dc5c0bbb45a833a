"""Bytes to text: size limits, binary detection and a never-crashing encoding fallback.

Decoding order: a byte-order mark if present; UTF-8; Windows-1256 when that yields mostly
Arabic letters (Arabic pages saved by old Windows tools); Windows-1252; Latin-1 (which
accepts any byte). A file that is mostly valid UTF-8 with a few broken bytes stays UTF-8 with
the broken bytes replaced by U+FFFD.
"""

from __future__ import annotations

import codecs
import re

from frontwatch.errors import InputError

#: The largest single input (a text, an HTML page, a feed) read into memory, in bytes.
#: JSON Lines files are streamed line by line, so only each line is held to this limit.
MAX_INPUT_BYTES = 20 * 1024 * 1024
MAX_INPUT_MB = MAX_INPUT_BYTES // (1024 * 1024)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3", "an SQLite database"),
    (b"DUCK", "a DuckDB database"),
    (b"PAR1", "a Parquet file"),
    (b"\x7fELF", "a program"),
)
_CONTROL = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32))
_CONTROL_BYTES = bytes(sorted(_CONTROL))
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f\W\d_]")


def too_large(size: int, where: str) -> InputError:
    return InputError(
        f"input is {size / 1024 / 1024:.1f} MB, above the {MAX_INPUT_MB} MB limit for one report",
        where=where,
        hint="split it into one file per report, or use JSON Lines (read line by line)",
    )


def check_binary(head: bytes, where: str) -> None:
    """Raise ``InputError`` if ``head`` (the first bytes of an input) is not text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"binary file ({what}), not a report", where=where, hint="pass text, HTML, JSON Lines or RSS/Atom")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    sample = head[:8192]
    if b"\x00" in sample:
        raise InputError("binary file (contains NUL bytes), not a report", where=where, hint="pass text, HTML, JSON Lines or RSS/Atom")
    if sample:
        control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        if control > max(4, len(sample) // 20):
            raise InputError("binary file (many control bytes), not a report", where=where, hint="pass text, HTML, JSON Lines or RSS/Atom")


def decode(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding used)``; never raises on any byte string."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if declared:
        name = _codec_name(declared)
        if name and name not in ("utf-8", "ascii"):
            return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    loose = data.decode("utf-8", errors="replace")
    broken = loose.count("\ufffd")
    if sum(1 for ch in loose if ord(ch) > 127 and ch != "\ufffd") > 4 * broken:
        return loose, "utf-8 (some bytes replaced)"
    arabic = data.decode("cp1256", errors="replace")
    letters = _NON_ASCII_LETTER.findall(arabic)
    if letters and len(_ARABIC.findall(arabic)) > 0.6 * len(letters):
        return arabic, "cp1256"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None


_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x0b|\x0c|\x85")
_TRAILING = re.compile(r"[ \t\u00a0\u200b\ufeff]+$", re.M)


def normalise_text(text: str) -> str:
    """Newlines as ``\\n``, no-break spaces as spaces, no trailing blanks on any line.

    Every offset ingestion records (comment ``source_offset``) points into this form.
    """
    text = _NEWLINES.sub("\n", text)
    text = text.replace("\u00a0", " ").replace("\t", "    ")
    return _TRAILING.sub("", text)
