"""`statuspress new incident|update` and `statuspress init`: files written from the
approved message templates, never over an existing file."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jinja2
import yaml

from statuspress.config import Settings, load_settings
from statuspress.errors import UsageError
from statuspress.fields import did_you_mean, invisible_character, parse_duration, parse_timestamp
from statuspress.layout import INCIDENT_FILE, INCIDENTS_DIR, MESSAGES_DIR, TEMPLATES_DIR
from statuspress.load import load_site
from statuspress.messages import catalogue_for
from statuspress.model import STATUSES_FOR_KIND, ComponentStatus, Incident, Kind, UpdateStatus
from statuspress.templates import BUILTIN_TEMPLATES
from statuspress.timefmt import iso, long_date, word_list

#: Cadence used when the severity has none (sev3) and no --next-update is given.
DEFAULT_NEXT_UPDATE = timedelta(minutes=60)
PLACEHOLDER = re.compile(r"\[\[[^\]]+\]\]")


def slugify(title: str, limit: int = 48) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:limit].rstrip("-") or "incident"


def _clock(value: datetime) -> str:
    utc = value.astimezone(timezone.utc)
    return f"{utc:%H:%M} UTC"


def _file_stamp(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y%m%dT%H%MZ")


def _front_matter(values: Mapping[str, object]) -> str:
    """Front matter as a person would write it: timestamps and ids plain, text quoted only
    where YAML needs it, component maps indented under their key."""
    lines = ["---"]
    for key, value in values.items():
        if isinstance(value, Mapping):
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {v}" for k, v in value.items())
        elif key == "title":
            lines.append(yaml.safe_dump({key: value}, allow_unicode=True, width=1000).rstrip("\n"))
        else:
            lines.append(f"{key}: {value}")
    return "\n".join([*lines, "---", ""])


def _message_environment(root: Path) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    overrides = root / TEMPLATES_DIR / MESSAGES_DIR
    if overrides.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    loaders.append(jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES / MESSAGES_DIR)))
    # Plain text (Markdown) out: no HTML escaping, but undefined names are errors.
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def render_message(root: Path, status: UpdateStatus, language: str = "en", **values: str) -> str:
    """The message template for ``status`` filled in: the site language's own
    (``messages/<lang>/``) when there is one, else the English one."""
    base = language.replace("_", "-").split("-", 1)[0].lower()
    names = [f"{base}/{status.value}.md.j2"] if base != "en" else []
    try:
        template = _message_environment(root).select_template([*names, f"{status.value}.md.j2"])
        return template.render(values)
    except jinja2.TemplateError as exc:
        raise UsageError(f"message template for '{status.value}' failed: {exc}") from None


def _write_new(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(f"{path} already exists; statuspress never overwrites a file") from None


@dataclass(frozen=True)
class _Context:
    settings: Settings
    components: dict[str, str]  # id -> name


def _context(root: Path) -> _Context:
    settings, problems = load_settings(root)
    if problems:
        raise UsageError(
            f"statuspress.yaml has errors; run 'statuspress check' ({problems[0].message})"
        )
    site = load_site(root).site
    return _Context(settings, {c.id: c.name for c in site.components})


def _parse_components(
    pairs: Sequence[str], known: dict[str, str], maintenance: bool
) -> dict[str, str]:
    result: dict[str, str] = {}
    statuses = [s.value for s in ComponentStatus]
    for pair in pairs:
        component, _, status = pair.partition("=")
        component = component.strip()
        status = status.strip() or ("under_maintenance" if maintenance else "")
        if component not in known:
            hint = did_you_mean(component, known)
            raise UsageError(
                f"--component {pair}: there is no component '{component}'; {hint}"
                f"components are: {', '.join(sorted(known)) or 'none (add components/<id>.md)'}"
            )
        if status not in statuses:
            raise UsageError(
                f"--component {pair}: write ID=STATUS with STATUS one of: {', '.join(statuses)}"
            )
        result[component] = status
    return result


def _names(ids: Sequence[str], known: dict[str, str], language: str) -> str:
    """The components' names as the site's language lists them: "Checkout and API",
    "Checkout und API", "Checkout、API"."""
    return word_list([known.get(i, i) for i in ids], catalogue_for(language))


def _window_words(start: datetime, end: datetime, language: str) -> str:
    """A maintenance window in the site's language: "17 Nov 2026 from 10:00 UTC to 12:00
    UTC", "17.11.2026 von 10:00 UTC bis 12:00 UTC"."""
    messages = catalogue_for(language)
    # Translators: a maintenance window in the first update of 'statuspress new'; the
    # message template puts it after "On" ("Am", "Le", "El"), or first in Japanese.
    said = messages.gettext("%(date)s from %(start)s to %(end)s")
    day = long_date(start.astimezone(timezone.utc), messages)
    return said % {"date": day, "start": _clock(start), "end": _clock(end)}


def new_incident(
    root: Path,
    title: str,
    *,
    severity: str | None,
    components: Sequence[str],
    now: datetime,
    started: str | None = None,
    maintenance: bool = False,
    start: str | None = None,
    end: str | None = None,
) -> list[Path]:
    """Create ``incidents/<date>-<slug>/incident.md`` and its first update."""
    context = _context(root)
    if not title.strip():
        raise UsageError(
            "the title is empty; write what customers see, e.g. 'Payments failing at checkout'"
        )
    hidden = invisible_character(" ".join(title.split()))
    if hidden is not None:
        raise UsageError(
            f"the title contains the invisible character U+{ord(hidden):04X}; write it without"
        )
    began = _check_kind_options(context, severity, started, maintenance, now)
    statuses = _parse_components(components, context.components, maintenance)
    day = (now if maintenance else began).astimezone(timezone.utc)
    folder = root / INCIDENTS_DIR / f"{day:%Y-%m-%d}-{slugify(title)}"
    if folder.exists():
        raise UsageError(f"{folder} already exists; choose another title or add an update to it")
    # One line of text: line and paragraph separators (which YAML folds) become spaces.
    header: dict[str, object] = {"title": " ".join(title.split())}
    names = _names(list(statuses), context.components, context.settings.language)
    if maintenance:
        scheduled_start, scheduled_end = _window(start, end, now)
        header.update(
            kind="maintenance",
            scheduled_start=iso(scheduled_start),
            scheduled_end=iso(scheduled_end),
            components=statuses,
        )
        first_status = UpdateStatus.SCHEDULED
        next_update = scheduled_start
        window = _window_words(scheduled_start, scheduled_end, context.settings.language)
    else:
        assert severity is not None  # _check_kind_options refused an incident without one
        header.update(severity=severity, started=iso(began), components=statuses)
        first_status = UpdateStatus.INVESTIGATING
        cadence = context.settings.severity(severity).cadence or DEFAULT_NEXT_UPDATE
        next_update = now + cadence
        window = ""
    body = render_message(
        root,
        first_status,
        context.settings.language,
        components=names,
        next_update=_clock(next_update),
        window=window,
    )
    update = {"at": iso(now), "status": first_status.value, "next_update": iso(next_update)}
    header_path = folder / INCIDENT_FILE
    update_path = folder / f"{_file_stamp(now)}-{first_status.value.replace('_', '-')}.md"
    _write_new(header_path, _front_matter(header))
    _write_new(update_path, _front_matter(update) + body)
    return [header_path, update_path]


def _check_kind_options(
    context: _Context,
    severity: str | None,
    started: str | None,
    maintenance: bool,
    now: datetime,
) -> datetime:
    """Refuse options the kind does not take; return when the incident began."""
    if maintenance:
        if severity is not None:
            raise UsageError(
                "maintenance has no severity; leave out --severity (its window is --start/--end)"
            )
        if started is not None:
            raise UsageError("a maintenance window starts at --start; leave out --started")
        return now
    if severity is None:
        raise UsageError(
            f"an incident needs --severity, one of: {', '.join(context.settings.severity_ids)}"
        )
    if severity not in context.settings.severity_ids:
        raise UsageError(
            f"--severity {severity} is not in the severity matrix; "
            f"{did_you_mean(severity, context.settings.severity_ids)}use one of: "
            f"{', '.join(context.settings.severity_ids)}"
        )
    if started is None:
        return now
    began = _time_option("--started", started)
    if began > now:
        raise UsageError(
            f"--started {started} is after now ({iso(now)}); give when customer impact began"
        )
    return began


def _window(start: str | None, end: str | None, now: datetime) -> tuple[datetime, datetime]:
    if not start or not end:
        raise UsageError(
            "a maintenance window needs --start and --end, e.g. --start 2026-11-28T02:00:00Z"
        )
    values = [_time_option("--start", start), _time_option("--end", end)]
    if values[1] <= values[0]:
        raise UsageError("--end must be after --start")
    if values[0] <= now:
        raise UsageError("--start is in the past; maintenance is announced before it begins")
    return values[0], values[1]


def _time_option(option: str, text: str) -> datetime:
    try:
        value = parse_timestamp(text)
    except ValueError:
        raise UsageError(f"{option} {text} needs a UTC offset, e.g. {text}Z") from None
    if value is None:
        raise UsageError(f"{option} {text} is not an ISO 8601 time such as 2026-11-28T02:00:00Z")
    return value


def _find_incident(root: Path, name: str) -> Incident:
    loaded = load_site(root)
    by_id = {i.id: i for i in loaded.site.incidents}
    if name in by_id:
        return by_id[name]
    folders = (
        sorted(p.name for p in (root / INCIDENTS_DIR).iterdir() if p.is_dir())
        if (root / INCIDENTS_DIR).is_dir()
        else []
    )
    if name in folders:
        raise UsageError(
            f"incident '{name}' has errors; run 'statuspress check' and fix them first"
        )
    raise UsageError(
        f"there is no incident '{name}'; {did_you_mean(name, folders)}open incidents are: "
        f"{', '.join(i.id for i in loaded.site.incidents if i.is_open) or 'none'}"
    )


def new_update(
    root: Path, incident: str, *, status: str, next_update: str | None, now: datetime
) -> Path:
    """Add ``<stamp>-<status>.md`` to an incident, from the template for ``status``."""
    context = _context(root)
    found = _find_incident(root, incident)
    allowed = STATUSES_FOR_KIND[found.kind]
    try:
        new_status = UpdateStatus(status)
    except ValueError:
        new_status = None
    if new_status not in allowed:
        raise UsageError(
            f"--status {status} is not a {found.kind.value} status; "
            f"{did_you_mean(status, [s.value for s in allowed])}use one of: {', '.join(s.value for s in allowed)}"
        )
    assert new_status is not None
    front: dict[str, object] = {"at": iso(now), "status": new_status.value}
    promised = None
    if not new_status.is_final:
        if next_update is not None:
            delay = parse_duration(next_update)
            if delay is None or not delay:
                raise UsageError(f"--next-update {next_update} is not a duration such as 30m or 1h")
            promised = now + delay
        elif found.kind is Kind.MAINTENANCE and found.scheduled_end and found.scheduled_end > now:
            promised = found.scheduled_end
        else:
            severity = context.settings.severity(found.severity) if found.severity else None
            promised = now + ((severity.cadence if severity else None) or DEFAULT_NEXT_UPDATE)
        front["next_update"] = iso(promised)
    names = _names(list(found.components), context.components, context.settings.language)
    body = render_message(
        root,
        new_status,
        context.settings.language,
        components=names,
        next_update=_clock(promised) if promised else "",
        window="",
    )
    path = (
        root
        / INCIDENTS_DIR
        / found.id
        / f"{_file_stamp(now)}-{new_status.value.replace('_', '-')}.md"
    )
    _write_new(path, _front_matter(front) + body)
    return path
