"""`statuspress new update INCIDENT --lang LANG [--of UPDATE]`: a translation of an update
(the latest public one unless told), scaffolded from the language's message template, and
of the incident header when it has none in that language yet. Never over an existing file.

A translation carries only text; its front matter records the digest of the original it
was made from (``translates:``), so ``check`` notices when the original changes after it.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import jinja2
import yaml

from statuspress.commands.new import _context, _find_incident, _write_new, new_update
from statuspress.errors import UsageError
from statuspress.fields import did_you_mean
from statuspress.layout import INCIDENT_FILE, INCIDENTS_DIR, MESSAGES_DIR, TEMPLATES_DIR
from statuspress.messages import base_language, catalogue_for
from statuspress.model import Audience, Incident, Update, content_digest
from statuspress.rules.translations import header_digest
from statuspress.templates import BUILTIN_TEMPLATES
from statuspress.timefmt import long_date, word_list


def message_template(root: Path, language: str, status: str) -> jinja2.Template:
    """The message template for ``status`` in ``language``: the repository's own
    ``site_templates/messages/<lang>/`` first, then the built-in one."""
    folders = [root / TEMPLATES_DIR / MESSAGES_DIR, BUILTIN_TEMPLATES / MESSAGES_DIR]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders if f.is_dir()]),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    name = f"{base_language(language)}/{status}.md.j2"
    try:
        return env.get_template(name)
    except jinja2.TemplateNotFound:
        raise UsageError(
            f"there is no message template {MESSAGES_DIR}/{name}; add it to "
            f"{TEMPLATES_DIR}/{MESSAGES_DIR}/ (statuspress ships de, es, fr and ja)"
        ) from None
    except jinja2.TemplateError as exc:
        raise UsageError(f"message template {name} failed: {exc}") from None


def new_update_or_translation(
    root: Path,
    incident: str,
    *,
    status: str | None,
    next_update: str | None,
    now: datetime,
    language: str | None,
    of: str | None,
) -> list[Path]:
    """``new update``: a new update from ``status``'s template, or with ``language`` a
    translation of one (``of``, else the latest public one)."""
    if language is not None:
        if status is not None or next_update is not None:
            raise UsageError("--lang translates an update: leave out --status and --next-update")
        return new_translation(root, incident, language=language, of=of)
    if of is not None:
        raise UsageError("--of names the update to translate: use it with --lang")
    if status is None:
        raise UsageError("give --status STATUS for a new update (or --lang LANG to translate one)")
    return [new_update(root, incident, status=status, next_update=next_update, now=now)]


def new_translation(root: Path, incident: str, *, language: str, of: str | None) -> list[Path]:
    """Write ``<update>.<language>.md`` (and ``incident.<language>.md`` when missing)."""
    context = _context(root)
    if language not in context.settings.extra_languages:
        others = ", ".join(context.settings.extra_languages) or "none: add 'languages:' first"
        raise UsageError(
            f"--lang {language} is not one of the site's other languages ({others}); "
            "declare it in statuspress.yaml under 'languages:'"
        )
    found = _find_incident(root, incident)
    update = _original(found, of)
    folder = root / INCIDENTS_DIR / found.id
    created = []
    if language not in found.translations:
        header = folder / f"{INCIDENT_FILE.removesuffix('.md')}.{language}.md"
        title = yaml.safe_dump(
            {"title": f"[[{found.title}, translated]]"}, allow_unicode=True, width=1000
        )
        summary = "[[the summary, translated]]\n" if found.summary else ""
        _write_new(header, f"---\ntranslates: {header_digest(found)}\n{title}---\n{summary}")
        created.append(header)
    path = folder / update.source.path.rsplit("/", 1)[-1].replace(".md", f".{language}.md")
    body = _body(root, found, update, language, context.components)
    _write_new(path, f"---\ntranslates: {content_digest(update.body)}\n---\n{body}")
    created.append(path)
    return created


def _original(incident: Incident, of: str | None) -> Update:
    public = [u for u in incident.updates if u.audience is Audience.PUBLIC]
    if of is None:
        if not public:
            raise UsageError(f"incident '{incident.id}' has no public update to translate yet")
        return public[-1]
    for update in public:
        if of in (update.id, update.id + ".md"):
            return update
    ids = [u.id for u in public]
    raise UsageError(
        f"--of {of}: incident '{incident.id}' has no public update of that name; "
        f"{did_you_mean(of, ids)}its updates are: {', '.join(ids) or 'none'}"
    )


def _body(
    root: Path, incident: Incident, update: Update, language: str, components: dict[str, str]
) -> str:
    promised = "" if update.next_update is None or update.is_final else _clock(update.next_update)
    window = ""
    if incident.scheduled_start and incident.scheduled_end:
        start, end = incident.scheduled_start, incident.scheduled_end
        window = (
            f"{long_date(start.astimezone(timezone.utc), catalogue_for(language))}, "
            f"{_clock(start)} \u2013 {_clock(end)}"
        )
    names = word_list([components.get(c, c) for c in incident.components], catalogue_for(language))
    return message_template(root, language, update.status.value).render(
        components=names, next_update=promised, window=window
    )


def _clock(value: datetime) -> str:
    return f"{value.astimezone(timezone.utc):%H:%M} UTC"
