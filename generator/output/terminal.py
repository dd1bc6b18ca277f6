"""What every text output passes through last: no control character reaches a terminal raw.

A value can carry ESC sequences (which recolour, retitle or clear a terminal), carriage returns (which
overwrite the line already printed) or bidi overrides (which reorder what the eye reads). Outputs show
them as ``\\u001b``-style escapes instead, so the reader sees exactly what the file says.
"""
from __future__ import annotations

from ..load.characters import visible


def safe_output(text: str) -> str:
    """A whole output: its own line breaks stay, every other control character is escaped.

    Also right for JSON: ``\\uXXXX`` is JSON's own escape, so the data read back is unchanged."""
    return visible(text, keep_newlines=True)


def inline(value: object) -> str:
    """One value inside a line: its line breaks are escaped too, so it cannot forge a line of its own."""
    return visible(str(value))
