"""What was delivered, per day, so that a second run on the same day sends nothing twice."""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from ..errors import UsageError

STATE_DAYS_KEPT = 40


def load_ledger(path: Path | None) -> dict[str, list[str]]:
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(day): [str(k) for k in keys] for day, keys in data.get("sent", {}).items()}
    except (ValueError, AttributeError, OSError) as exc:
        raise UsageError(f"{path}: not a reminder state file ({exc}); move it away to start afresh") from None


def save_ledger(path: Path, sent: dict[str, list[str]], today: dt.date) -> None:
    """Replace the ledger whole: a crash or a full disk mid-write leaves the previous one, never half of one."""
    horizon = (today - dt.timedelta(days=STATE_DAYS_KEPT)).isoformat()
    kept = {day: keys for day, keys in sent.items() if day >= horizon}
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
