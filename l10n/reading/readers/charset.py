"""Bytes → text. In order: a byte-order mark; UTF-16 without one; strict UTF-8; for HTML the charset the
page declares; then charset-normalizer's statistical guess among the encodings Chinese pages use.

Strict UTF-8 comes before an HTML declaration because valid multi-byte UTF-8 is almost never an accident,
while declarations are often stale (a page declaring GB2312 saved as UTF-8). Big5 is Traditional Chinese:
this pipeline localizes Simplified sources, so a Big5 file is refused with a message saying what to do.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ...plumbing.deferred import DeferredPattern
from ...plumbing.errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_CONTROL = re.compile("[" + "".join(f"\\x{code:02x}" for code in [*range(32), *range(0x7F, 0xA0)]
                                    if chr(code) not in _ALLOWED_CONTROLS) + "]")
_SIMPLIFIED = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "cp936": "gb18030"}
_TRADITIONAL = {"big5", "big5hkscs", "cp950"}
_GUESSES = ["gb18030", "big5", "cp932", "euc_jp", "euc_kr", "utf_16_le", "utf_16_be"]
_READABLE = DeferredPattern(r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_MISREAD = re.compile(r"[\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\u3100-\u312f]")  # Greek … bopomofo
_SHORT = 200  # bytes: below this a statistical guess is noise, and GB18030 is taken if it decodes


def decode(data: bytes, path: Path, declared: str | None = None) -> tuple[str, str]:
    """Return (text with \\n line ends, encoding name), or raise InputError naming the file and line."""
    if not data.strip():
        raise InputError("file is empty", path)
    text, encoding = _decode(data, path, declared)
    _reject_controls(text, path)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _decode(data: bytes, path: Path, declared: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, path), utf16
    if b"\x00" in data:
        raise InputError("binary data, not a text article (NUL byte)", path, line_of(data, data.index(b"\x00")))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    if declared:
        encoding = _normal_name(declared)
        if encoding in _SIMPLIFIED.values():
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                pass
    return _guess(data, path, utf8_error)


def _guess(data: bytes, path: Path, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_GUESSES).best()
    guess = _normal_name(best.encoding) if best is not None else ""
    if guess == "gb18030" or (len(data) < _SHORT or not guess) and _decodes(data, "gb18030"):
        text = data.decode("gb18030")
        if not _misread_big5(data, text):
            return text, "gb18030"
        guess = "big5"
    if guess in _TRADITIONAL:
        raise InputError("Big5 text is Traditional Chinese; l10n localizes Simplified-Chinese articles "
                         "(convert it first, e.g. `opencc -c t2s.json`)", path)
    if guess:
        raise InputError(f"text in {guess}, not a Chinese encoding (UTF-8, UTF-16, GBK or GB18030)", path)
    raise InputError(f"not UTF-8, UTF-16, GBK or GB18030 text (byte 0x{data[utf8_error.start]:02x} "
                     "cannot be decoded)", path, line_of(data, utf8_error.start))


def _misread_big5(data: bytes, text: str) -> bool:
    """Big5 bytes read as GB18030 give GBK-only characters, kana and bopomofo, which Simplified-Chinese
    text hardly uses (GB2312 covers it). Short Big5 files slip past the statistical guess this way."""
    wide = [char for char in text if ord(char) > 0x7F]
    unusual = sum(1 for char in wide if not _decodes(char.encode("gb18030"), "gb2312") or _MISREAD.match(char))
    return unusual > 0.25 * len(wide) and _decodes(data, "big5")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: NUL bytes, an even length, and a decoding that reads as text
    (Chinese, Latin, punctuation, white space) rather than the noise binary data gives."""
    if len(data) % 2 or b"\x00" not in data:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readable = sum(1 for char in text if _READABLE.match(char))
        if readable >= 0.95 * len(text):
            return encoding
    return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"not valid {encoding} text (byte 0x{data[error.start]:02x} cannot be decoded)",
                         path, line_of(data, error.start)) from error


def _normal_name(name: str) -> str:
    try:
        canonical = codecs.lookup(name.strip()).name
    except LookupError:
        return ""
    return _SIMPLIFIED.get(canonical, canonical)


def line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _reject_controls(text: str, path: Path) -> None:
    found = _CONTROL.search(text)
    if found is not None:
        raise InputError(f"binary data, not a text article (control character U+{ord(found[0]):04X})",
                         path, text.count("\n", 0, found.start()) + 1)
