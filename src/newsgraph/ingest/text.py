"""Plain-text articles: bytes -> str, refusing what is not UTF-8 text instead of guessing.

The text is returned exactly as written (CRLF, tabs, odd spacing all kept): evidence
offsets index into it, so the only change ever made is dropping a UTF-8 byte-order mark.

    >>> from newsgraph.ingest import read_text_file
    >>> text = read_text_file("article.txt")
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

from newsgraph.errors import BinaryInput, EmptyInput, InputNotFound, InputTooLarge, NewsgraphError, NotUtf8
from newsgraph.ingest.common import DEFAULT_MAX_BYTES, Item, ReadOptions, Rejected, megabytes
from newsgraph.ingest.sniff import looks_binary
from newsgraph.model import Document

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_text_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of one UTF-8 file (or stdin for `-`), unchanged but for a BOM.

    Raises InputNotFound, InputTooLarge, EmptyInput, BinaryInput or NotUtf8, each saying
    what is wrong with which file.
    """
    return decode_text(read_bytes(path, max_bytes), path)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """All bytes of a file or of stdin (`-`), refusing more than `max_bytes`."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputTooLarge(f"stdin: more than the {megabytes(max_bytes)} limit")
        return data
    if os.path.isdir(path):
        raise InputNotFound(f"{path}: is a folder, not a file")
    try:
        size = os.path.getsize(path)
        check_size(path, size, max_bytes)
        with open(path, "rb") as fh:
            # Read one byte past the limit: /proc files and growing files lie about their size.
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputNotFound(f"{path}: no such file") from None
    except PermissionError:
        raise InputNotFound(f"{path}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputNotFound(f"{path}: cannot be read ({exc.strerror or exc})") from None
    check_size(path, len(data), max_bytes)
    return data


def check_size(name: str, size: int, max_bytes: int) -> None:
    """Raise InputTooLarge naming both the size and the limit."""
    if size > max_bytes:
        raise InputTooLarge(
            f"{name}: {megabytes(size)} is over the {megabytes(max_bytes)} limit for one article"
        )


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 bytes -> str, BOM dropped; raises EmptyInput, BinaryInput or NotUtf8."""
    if not data:
        raise EmptyInput(f"{name}: is empty")
    if data.startswith(UTF16_BOMS):
        raise NotUtf8(
            f"{name}: is UTF-16, not UTF-8; convert it with: iconv -f UTF-16 -t UTF-8 {name} > {name}.utf8"
        )
    bom = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    body = data[bom:]
    nul = body.find(b"\x00")
    if nul >= 0:
        raise BinaryInput(f"{name}: is binary, not text (NUL byte at offset {nul + bom})")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if looks_binary(body):
            raise BinaryInput(f"{name}: is binary, not text") from None
        offset = exc.start + bom
        raise NotUtf8(
            f"{name}: is not UTF-8 (byte 0x{body[exc.start]:02X} at offset {offset}); convert it, "
            f"e.g. iconv -f WINDOWS-1252 -t UTF-8 {name} > {name}.utf8"
        ) from None
    if not text.strip():
        raise EmptyInput(f"{name}: holds only whitespace")
    if looks_binary(body):
        raise BinaryInput(f"{name}: is binary, not text (mostly control characters)")
    return text


def read_text_source(name: str, data: bytes, opts: ReadOptions) -> Iterator[Item]:
    """A .txt source as one Document; a bad one as one Rejected."""
    try:
        text = decode_text(data, name)
    except NewsgraphError as exc:
        yield Rejected(name, str(exc))
        return
    yield Document(text=text, published=opts.published)
