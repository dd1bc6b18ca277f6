"""Characters that must never reach a reader raw, and how to show them instead.

Control characters move a terminal's cursor, rewrite its title or the line already printed, and
bidi overrides reorder text for the eye ("Trojan Source"): a name can make a report lie. They are
shown as escapes such as ``\\u001b`` wherever text leaves the tool (terminal, site, calendar), so
what is printed is exactly what the file says, visibly. One definition serves every stage.
"""
from __future__ import annotations

import re

# C0 controls, DEL, C1 controls; bidi embeddings and overrides (U+202A-202E) and isolates (U+2066-2069);
# lone surrogates, which no encoder can write (a YAML "\ud800" escape makes one), and the noncharacters
# U+FFFE/U+FFFF, which a YAML reader refuses (text written into front matter must read back).
_OTHERS = "\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
_UNSAFE = re.compile(f"[\x00-\x1f{_OTHERS}]")
_UNSAFE_BUT_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f{_OTHERS}]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every unsafe character written as a ``\\uXXXX`` escape (line breaks kept if asked)."""
    return (_UNSAFE_BUT_NEWLINE if keep_newlines else _UNSAFE).sub(_escape, text)


def without_unsafe(text: str) -> str:
    """``text`` with every unsafe character dropped, for formats that show escapes as noise (calendars)."""
    return _UNSAFE.sub("", text)
