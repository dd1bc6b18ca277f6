"""What was delivered, per channel and day, so that a second run on the same day sends nothing twice.

The state file is ``{"sent": {"email": {"2025-09-30": [keys]}, "wecom": {...}}}``. A file written before channels
existed (``{"sent": {"2025-09-30": [keys]}}``) was e-mail's, and is read as such.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from ..errors import HandoverError, UsageError
from ..i18n import message

STATE_DAYS_KEPT = 40
Days = dict[str, list[str]]


def load_ledger(path: Path | None, channel: str = "email") -> Days:
    """The days and keys ``channel`` already delivered."""
    return load_channels(path).get(channel, {})


def load_channels(path: Path | None) -> dict[str, Days]:
    """Every channel's ledger; a file that is not a state file stops the run before anything is sent."""
    if path is None or not path.is_file():
        return {}
    try:
        sent = json.loads(path.read_text(encoding="utf-8")).get("sent", {})
        if any(isinstance(keys, list) for keys in sent.values()):  # the layout before channels: e-mail's days
            sent = {"email": sent}
        return {str(channel): {str(day): [str(k) for k in keys] for day, keys in days.items()}
                for channel, days in sent.items()}
    except (ValueError, AttributeError, OSError) as exc:
        raise UsageError(message("notify_not_state_file", path=path, error=exc)) from None


def save_ledger(path: Path, sent: Days, today: dt.date, channel: str = "email") -> None:
    """Replace ``channel``'s days, keeping every other channel's, and drop days older than STATE_DAYS_KEPT.

    The file is replaced whole: a crash or a full disk mid-write leaves the previous one, never half of one.
    """
    horizon = (today - dt.timedelta(days=STATE_DAYS_KEPT)).isoformat()
    channels = {**load_channels(path), channel: sent}
    kept = {name: {day: keys for day, keys in days.items() if day >= horizon} for name, days in channels.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({"sent": kept}, stream, ensure_ascii=False, indent=1)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def record(path: Path | None, sent: Days, today: dt.date, channel: str, done: str) -> None:
    """``save_ledger``, or stop the channel's run with what to do: ``done`` says what was delivered until now."""
    if path is None:
        return
    try:
        save_ledger(path, sent, today, channel)
    except OSError as exc:
        raise HandoverError(message("notify_state_unwritable", state=path, error=exc.strerror or exc,
                                    done=done)) from exc
