"""Bytes to text: UTF-8 first, then the best-fitting legacy encoding, and a refusal for binaries."""
from __future__ import annotations

import charset_normalizer

# Control characters other than tab, newline, carriage return and form feed do not
# occur in articles; a few of them in the first kilobytes mean a binary file.
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))
_SNIFF = 8192


class DecodeError(ValueError):
    """The bytes are not text in any encoding that fits."""


def looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(2, len(head) // 100)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). Raises DecodeError with a reason a person can act on."""
    if not data.strip():
        raise DecodeError("empty file")
    if looks_binary(data):
        raise DecodeError("binary data, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    if declared:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise DecodeError(
            f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
            "and no other encoding fits; convert it to UTF-8"
        )
    return str(best), best.encoding
