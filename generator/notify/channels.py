"""The seam between the day's reminders and the places people read them: one module per channel, chosen by name.

Each channel is a module of this package named after it, with ``configure(environ) -> Channel``; it is imported
only when chosen. Settings come from environment variables only (a CI's secret variables, a cron job's environment),
never from a file in the repository, where a webhook address or a signing secret would be one push away from
everyone who can read it. A channel delivers the day's reminders and returns an outcome; one channel failing never
stops the others, and the ledger in the state file is kept per channel, so a rerun sends each channel only what it
has not delivered yet.
"""
from __future__ import annotations

import datetime as dt
import importlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..errors import HandoverError, UsageError
from ..i18n import message

if TYPE_CHECKING:  # the registry is read by every command's parser: it imports nothing heavy
    from ..model.handbook import Handbook
    from ..track.reminders import Reminder
    from .message import Wording


@dataclass(frozen=True)
class ChannelInfo:
    name: str  # the --channel value
    variables: tuple[str, ...]  # every one must be set
    what: str  # the catalogue key of what to set them to, in words

    @property
    def label(self) -> str:
        """How reports name it (企业微信, 钉钉, ...), in the command's language."""
        return message(f"channel_label_{self.name}")

    @property
    def heading(self) -> str:
        """How a report's line about it starts: its name and the --channel value, e.g. 企业微信（wecom）."""
        return message("channel_report_label", label=self.label, name=self.name)


CHANNELS: dict[str, ChannelInfo] = {info.name: info for info in (
    ChannelInfo("email", ("HANDOVER_SMTP_HOST",), "channel_what_email"),
    ChannelInfo("wecom", ("HANDOVER_WECOM_WEBHOOK",), "channel_what_wecom"),
    ChannelInfo("dingtalk", ("HANDOVER_DINGTALK_WEBHOOK", "HANDOVER_DINGTALK_SECRET"), "channel_what_dingtalk"),
    ChannelInfo("feishu", ("HANDOVER_FEISHU_WEBHOOK", "HANDOVER_FEISHU_SECRET"), "channel_what_feishu"),
    ChannelInfo("webhook", ("HANDOVER_WEBHOOK_URL",), "channel_what_webhook"),
)}
DEFAULT = "email"


@dataclass(frozen=True)
class Outbox:
    """What one run has to deliver: the day's reminders, and the words to say them with (``handover remind`` prints
    them with these words too); ``day_off`` names the holiday (or weekend) when nothing is due."""

    today: dt.date
    reminders: tuple[Reminder, ...]
    wording: Wording
    day_off: str | None = None


class Outcome(Protocol):
    @property
    def ok(self) -> bool: ...

    def report(self) -> str: ...


class Channel(Protocol):
    info: ChannelInfo

    def deliver(self, outbox: Outbox, state_file: Path | None) -> Outcome: ...


def open_channels(names: Sequence[str], environ: Mapping[str, str] | None = None) -> list[Channel]:
    """The chosen channels, configured; without a name, e-mail if its server is set. Checked before anything is
    printed or sent, so a missing setting costs nothing but a message naming what to set."""
    env = os.environ if environ is None else environ
    chosen = list(dict.fromkeys(names))
    if not chosen:
        if not env.get(CHANNELS[DEFAULT].variables[0]):
            raise UsageError(message("channel_none", variables=message("list_semicolon").join(
                f"{info.name}: {' + '.join(info.variables)}" for info in CHANNELS.values() if info.name != DEFAULT)))
        chosen = [DEFAULT]
    missing = [(CHANNELS[name], [v for v in CHANNELS[name].variables if not env.get(v)]) for name in chosen]
    missing = [(info, unset) for info, unset in missing if unset]
    if missing:
        raise UsageError(message("channel_missing", missing=message("list_semicolon").join(
            message("channel_needs", name=info.name, variables=message("and_joiner").join(unset),
                    what=message(info.what)) for info, unset in missing)))
    return [importlib.import_module(f"{__package__}.{name}").configure(env) for name in chosen]


@dataclass(frozen=True)
class Stopped:
    """A channel that stopped before it could deliver (e.g. the state file could not be written)."""

    info: ChannelInfo
    reason: str

    @property
    def ok(self) -> bool:
        return False

    def report(self) -> str:
        return message("channel_stopped", label=self.info.heading, reason=self.reason)


@dataclass(frozen=True)
class Deliveries:
    outcomes: tuple[Outcome, ...]
    note: str = ""

    @property
    def ok(self) -> bool:
        return all(outcome.ok for outcome in self.outcomes)

    def report(self) -> str:
        return "\n".join([outcome.report() for outcome in self.outcomes]
                         + ([message("delivery_note", note=self.note)] if self.note else []))


def outbox(today: dt.date, reminders: Sequence[Reminder], handbook: Handbook, project_root: Path,
           day_off: str | None = None) -> Outbox:
    from .message import wording

    return Outbox(today, tuple(reminders), wording(today, handbook, project_root / "mkdocs.yml"), day_off)


def deliver(channels: Sequence[Channel], box: Outbox, state_file: Path | None) -> Deliveries:
    """Every channel in turn; a channel that fails is reported and the next one still delivers."""
    from .ledger import load_channels

    load_channels(state_file)  # a file that is not a state file stops the run before anything is sent
    outcomes: list[Outcome] = []
    for channel in channels:
        try:
            outcomes.append(channel.deliver(box, state_file))
        except HandoverError as exc:
            outcomes.append(Stopped(channel.info, str(exc)))
    return Deliveries(tuple(outcomes), box.wording.site_note if box.reminders else "")
