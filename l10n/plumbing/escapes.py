"""Text from outside (file names, URLs, titles, translations) made safe for the syntax it is written into.

- one_line: for anything a reader splits into lines (a PO header field, a `#:` reference, a `#.` note, an
  error message on the terminal). Every character that some reader takes for a line end, and every other
  control character, is written as a visible escape (`\\n`, `\\x0b`, `\\u2028`), so a value can never
  start a line of its own: gettext ends lines at \\n, Python's universal newlines (polib) also at \\r,
  str.splitlines (polib's header parser) also at \\v \\f \\x1c-\\x1e \\x85 \\u2028 \\u2029.
- xml_text: for XML and HTML trees. XML 1.0 cannot hold most C0 control characters at all, not even as
  character references; each becomes its visible Control Pictures symbol (U+000B → ␋), so a reviewer sees
  where a pasted Word line break was.
- json_text: a value as JSON, its non-ASCII text as it is (json.dumps(value, ensure_ascii=False), through one
  encoder: json.dumps makes an encoder on every call given an argument, and a run writes a JSON value per block
  and per catalog entry). json_string: json_text of a str, without going through an encoder.
- spreadsheet_cell: for files a spreadsheet opens (TSV, CSV). A cell starting with = + - @ (or a tab or a
  carriage return) is run as a formula by Excel, LibreOffice and Google Sheets; a leading ' keeps it text
  (OWASP's advice on CSV injection).
"""
from __future__ import annotations

import json
import re

_LINE_BREAKING = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")  # every control but the tab
_NAMED = {"\n": "\\n", "\r": "\\r", "\v": "\\v", "\f": "\\f", "\b": "\\b", "\a": "\\a", "\0": "\\0"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(match: re.Match[str]) -> str:
    character = match[0]
    code = ord(character)
    return _NAMED.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def one_line(text: str) -> str:
    if text.isprintable():  # no control character, no line or paragraph separator: nothing to escape
        return text
    return _LINE_BREAKING.sub(_escape, text)


def has_line_breaking(text: str) -> str | None:
    """The first character one_line would escape, or None."""
    found = _LINE_BREAKING.search(text)
    return found[0] if found else None


def _picture(match: re.Match[str]) -> str:
    code = ord(match[0])
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def xml_text(text: str) -> str:
    return _NOT_XML.sub(_picture, text)


def not_xml(text: str) -> list[str]:
    """The characters xml_text would replace, each once, in order of appearance."""
    return list(dict.fromkeys(_NOT_XML.findall(text)))


json_text = json.JSONEncoder(ensure_ascii=False).encode
json_string = json.encoder.encode_basestring


def spreadsheet_cell(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
