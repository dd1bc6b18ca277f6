"""Characters that must never reach a reader raw, and how to show them instead.

Control characters move a terminal's cursor, rewrite its title or the line already printed, and
bidi overrides reorder text for the eye ("Trojan Source"): a name can make a report lie. They are
shown as escapes such as ``\\u001b`` wherever text leaves the tool (terminal, site, calendar), so
what is printed is exactly what the file says, visibly. One definition serves every stage.
"""
from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, C1 controls; the line and paragraph separators; bidi embeddings
# and overrides (U+202A-202E) and isolates (U+2066-2069); lone surrogates, which no encoder can write (a YAML
# "\ud800" escape makes one), and the noncharacters U+FFFE/U+FFFF, which a YAML reader refuses (text written
# into front matter must read back).
_NEVER = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
# Characters that show nothing but make two names that look alike differ: soft hyphen, combining grapheme
# joiner, Arabic letter mark, Hangul fillers, Khmer and Mongolian invisibles, zero-width spaces, joiners and
# direction marks, word joiner and invisible operators, BOM, tag characters.
_INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0"
              "\U000e0000-\U000e007f")

# What ``check`` refuses in any text of a handbook file (free text may still hold tabs and line breaks) ...
REFUSED = re.compile(f"[{_NEVER}]")
# ... and in a one-line value (a name, id or title): tabs, line breaks and invisible characters too.
REFUSED_IN_A_LINE = re.compile(f"[\t\n{_INVISIBLE}{_NEVER}]")
# What is never written raw where text leaves the tool (terminal, site, calendar).
_UNSAFE = re.compile(f"[\t\n{_NEVER}]")
_UNSAFE_BUT_NEWLINE = re.compile(f"[\t{_NEVER}]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every unsafe character written as a ``\\uXXXX`` escape (line breaks kept if asked)."""
    return (_UNSAFE_BUT_NEWLINE if keep_newlines else _UNSAFE).sub(_escape, text)


def without_unsafe(text: str) -> str:
    """``text`` with every unsafe character dropped, for formats that show escapes as noise (calendars)."""
    return _UNSAFE.sub("", text)
