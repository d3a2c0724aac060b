"""Bytes to text: a byte-order mark's encoding, else UTF-8, then the best-fitting legacy encoding, and a
refusal for binaries."""
from __future__ import annotations

import codecs

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


# Legacy encodings in the order the web uses them; breaks ties between equally clean guesses,
# which short Western European texts produce for cp1250, cp1252, cp1257 alike.
_WEB_PRIOR = ("cp1252", "iso8859_1", "iso8859_15", "cp1251", "koi8_r", "cp1250", "iso8859_2", "cp1256",
              "cp1253", "cp1254", "cp1255", "cp1257", "gb18030", "big5", "shift_jis", "euc_kr")


def _most_likely(matches) -> "charset_normalizer.CharsetMatch | None":
    best = matches.best()
    if best is None:
        return None
    tied = [m for m in matches if m.chaos <= best.chaos + 0.005 and m.coherence >= best.coherence - 0.05]
    ranked = sorted(tied, key=lambda m: _WEB_PRIOR.index(m.encoding) if m.encoding in _WEB_PRIOR else len(_WEB_PRIOR))
    return ranked[0]


def _reads_as_prose(text: str) -> bool:
    """Prose has words between spaces; a wrong guess at an encoding gives runs of symbols."""
    return sum(c.isspace() for c in text) * 40 >= len(text)


# Byte-order marks, as text editors write them; UTF-32's come first, as they begin like UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _by_bom(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeError as err:  # a bad code unit, or data cut in the middle of one
                raise DecodeError(f"starts with a {encoding.removesuffix('-sig')} byte-order mark but is not "
                                  f"{encoding.removesuffix('-sig')} text") from err
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). Raises DecodeError with a reason a person can act on."""
    text, encoding = _decode(data, declared)
    if not text.strip():  # only separators and spaces, which bytes.strip() does not know as such
        raise DecodeError("empty file")
    return text, encoding


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    found = _by_bom(data)
    if found is not None:
        return found
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
        except (LookupError, UnicodeError):  # an unknown name, or a codec that only encodes
            pass
    best = _most_likely(charset_normalizer.from_bytes(data))
    if best is None or best.chaos > 0.1 or not _reads_as_prose(str(best)):
        raise DecodeError(
            f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
            "and no other encoding fits; convert it to UTF-8"
        )
    return str(best), best.encoding
