"""The one catalogue of our words, in Chinese (default) and English.

Site labels (``labels.py``) and command messages (``messages.py``) are one table keyed by a stable id;
each entry is a (zh, en) pair of ``str.format`` templates with the same named fields. The command sets
the language once, at its edge (``use_language``); a ContextVar carries it to every ``message()``
call below, and forked check workers inherit it with the rest of the parent's memory.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .labels import LABELS
from .messages import MESSAGES

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
ENVIRONMENT = "HANDOVER_LANG"

CATALOGUE: dict[str, tuple[str, str]] = {**LABELS, **MESSAGES}

_language: ContextVar[str | None] = ContextVar("handover_language", default=None)


def choose_language(option: str | None = None, configured: str | None = None) -> str:
    """--lang, then HANDOVER_LANG, then ``[tool.handover] language``, then Chinese; unknown values are skipped."""
    for candidate in (option, os.environ.get(ENVIRONMENT), configured):
        if candidate:
            code = candidate.strip().lower().split("_")[0].split("-")[0]  # zh_CN, en-US
            if code in LANGUAGES:
                return code
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language set by the command; outside one (a library call), HANDOVER_LANG or Chinese."""
    return _language.get() or choose_language()


@contextmanager
def use_language(language: str) -> Iterator[None]:
    token = _language.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _language.reset(token)


def _pick(key: str, language: str) -> str:
    chinese, english = CATALOGUE[key]
    return english if language == "en" else chinese


def catalogue(language: str) -> dict[str, str]:
    """Every entry in ``language``, as written (placeholders unfilled)."""
    return {key: _pick(key, language) for key in CATALOGUE}


def label(key: str, language: str, /, **values: object) -> str:
    """An entry in a language the caller chose (the site's, a certificate's)."""
    text = _pick(key, language)
    return text.format(**values) if values else text


def message(key: str, /, **fields: object) -> str:
    """An entry in the command's current language, its fields filled in."""
    return label(key, current_language(), **fields)
