"""The site in each of its other languages, under ``<language>/``: pages, feeds and the
maintenance calendar, with the updates' translations (an update not yet translated shows
in the original, marked so). The Statuspage API, the badge, the sitemap, robots.txt and
the 404 page stay at the root, in the default language.

A site in one language renders nothing here and reads no catalogue.
"""

from __future__ import annotations

from dataclasses import replace

from statuspress import paths
from statuspress.assets import ASSETS_DIR
from statuspress.messages import catalogue_for
from statuspress.model import Incident, StatusSite, Update
from statuspress.render import Files, RenderContext
from statuspress.templates import make_environment
from statuspress.timeline import build_timeline

#: What the root keeps alone (one per site, or machine-readable in the default language).
ROOT_ONLY = (paths.NOT_FOUND, paths.SITEMAP, paths.ROBOTS)
#: Folders every language shares from the root: the theme's assets (pages link them
#: through ``site_root``).
SHARED = (ASSETS_DIR + "/",)


def localized(site: StatusSite, language: str) -> StatusSite:
    """``site`` as read in ``language``: translated titles, summaries and bodies where
    there are translations; an untranslated body keeps the default language's text and
    says which language it is in."""
    default = site.settings.language
    return replace(site, incidents=tuple(_incident(i, language, default) for i in site.incidents))


def _incident(incident: Incident, language: str, default: str) -> Incident:
    header = incident.translations.get(language)
    updates = tuple(_update(u, language, default) for u in incident.updates)
    if header is None or not header.title:
        return replace(incident, updates=updates, header_language=default)
    # (A translated title with the summary left out keeps the original summary.)
    return replace(
        incident, title=header.title, summary=header.body or incident.summary, updates=updates
    )


def _update(update: Update, language: str, default: str) -> Update:
    translation = update.translations.get(language)
    if translation is None:
        return replace(update, body_language=default)
    return replace(update, body=translation.body)


def render(context: RenderContext) -> Files:
    """Every page, feed and calendar of every other language, under its folder."""
    from statuspress.render import feeds, html, ical, report

    settings = context.site.settings
    files: Files = {}
    for language in settings.extra_languages:
        site = localized(context.site, language)
        messages = catalogue_for(language)
        there = RenderContext(
            site,
            build_timeline(site, context.now),
            context.now,
            context.audience,
            f"{context.base_url}{language}/",
            context.root,
            messages,
            context.base_url,
            environment=make_environment(context.root, messages, like=context.templates),
        )
        for part in (html.render(there), report.render(there), feeds.render(there)):
            files.update(
                {
                    f"{language}/{path}": data
                    for path, data in part.items()
                    if path not in ROOT_ONLY and not path.startswith(SHARED)
                }
            )
        files.update({f"{language}/{p}": d for p, d in ical.render(there).items()})
    return files
