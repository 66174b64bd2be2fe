"""The delivery record: per channel, which events were delivered and when each incident
last got a message. It is saved after every delivery, so a run that dies half-way has
recorded exactly what was delivered before it died.

The file is JSON:

    {"format": 1,
     "channels": {"<channel>": {"sent": {"<event key>": "<event time>"},
                                "last": {"<incident id>": "<time of the last message>"}}}}
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from statuspress.errors import UsageError
from statuspress.fields import parse_timestamp
from statuspress.timefmt import iso

FORMAT = 1


@dataclass
class ChannelRecord:
    sent: dict[str, datetime] = field(default_factory=dict)  # event key -> event time
    last: dict[str, datetime] = field(default_factory=dict)  # incident id -> last message


@dataclass
class Record:
    """Mutable on purpose: it grows delivery by delivery, and each step is saved."""

    path: Path | None  # None: a dry run, nothing is kept
    channels: dict[str, ChannelRecord] = field(default_factory=dict)

    def channel(self, channel_id: str) -> ChannelRecord:
        return self.channels.setdefault(channel_id, ChannelRecord())

    def delivered(
        self, channel_id: str, incident_id: str, keys: dict[str, datetime], now: datetime
    ) -> None:
        """Note one delivery and save the record at once."""
        record = self.channel(channel_id)
        record.sent.update(keys)
        record.last[incident_id] = now
        self.save()

    def forget_before(self, oldest: datetime) -> None:
        """Drop what is older than anything that may still be sent (keeps the file small)."""
        for record in self.channels.values():
            record.sent = {k: t for k, t in record.sent.items() if t >= oldest}
            record.last = {k: t for k, t in record.last.items() if t >= oldest - timedelta(days=1)}

    def to_json(self) -> str:
        channels = {
            name: {
                "sent": {k: iso(t) for k, t in sorted(record.sent.items())},
                "last": {k: iso(t) for k, t in sorted(record.last.items())},
            }
            for name, record in sorted(self.channels.items())
        }
        return json.dumps({"format": FORMAT, "channels": channels}, indent=2) + "\n"

    def save(self) -> None:
        """Write the whole record beside its path, then rename it over: a reader (or a
        killed run) sees the old record or the new one, never half of one."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".record-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(self.to_json())
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def load_record(path: Path | None) -> Record:
    """The record at ``path``; an empty one when there is no file yet (a first run, or a
    fresh checkout with no record: ``max_age`` then keeps old history from being sent)."""
    if path is None or not path.exists():
        return Record(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
        channels = {
            name: ChannelRecord(
                {k: _time(t) for k, t in value["sent"].items()},
                {k: _time(t) for k, t in value["last"].items()},
            )
            for name, value in data["channels"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UsageError(
            f"the delivery record {path} cannot be read ({exc}); restore it from its branch "
            "(see docs/notifications.md), or remove it to start again from max_age"
        ) from None
    return Record(path, channels)


def _time(text: str) -> datetime:
    value = parse_timestamp(text)
    if value is None:
        raise ValueError(f"{text!r} is not a timestamp")
    return value
