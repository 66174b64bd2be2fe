"""What every page shows, and the pieces several pages share: the page frame (title,
feeds, canonical URL, "last updated"), status badges, one update, one incident's summary.

A ``Frame`` needs only the settings, the audience's components, the audience, the base
URL and "now": an incident page is made from its incident and a frame alone, so it can be
rendered without the rest of the history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from functools import cached_property

from markupsafe import Markup

from statuspress import paths
from statuspress.config import Settings
from statuspress.markdown import render_markdown
from statuspress.messages import ENGLISH, Catalogue
from statuspress.model import Audience, Component, ComponentStatus, Incident, Kind, Update
from statuspress.timefmt import (
    duration_words,
    iso,
    language_name,
    local_and_utc,
    word_list,
    zone,
)
from statuspress.timeline import incident_impact


@dataclass(frozen=True)
class Link:
    href: str  # relative to the site root
    text: str


@dataclass(frozen=True)
class Feed:
    href: str
    mime: str
    title: str


def feeds_of(name: str, atom: str, rss: str, messages: Catalogue) -> tuple[Feed, ...]:
    """The Atom and RSS feeds of the site or a component called ``name``, as a page's
    ``<link rel="alternate">`` lists them."""
    # Translators: the titles of a feed of the site or of one component (its name).
    return (
        Feed(atom, "application/atom+xml", messages.gettext("%(name)s (Atom)") % {"name": name}),
        Feed(rss, "application/rss+xml", messages.gettext("%(name)s (RSS)") % {"name": name}),
    )


@dataclass(frozen=True)
class Alternate:
    """The same page in one of the site's languages (``hreflang`` and the switch)."""

    language: str  # its tag, as ``languages:`` declares it
    name: str  # the language's own name for itself: "Deutsch"
    url: str  # absolute (``hreflang`` links)
    current: bool  # this page is in that language
    href: str = ""  # relative to this page (the switch works in a local preview too)


@dataclass(frozen=True)
class PageMeta:
    """What the base template needs on every page."""

    title: str  # the page's own title (the site title is added by the template)
    site_title: str
    description: str
    root: str  # prefix that turns a root-relative URL into one relative to this page
    canonical: str  # absolute URL
    feeds: tuple[Feed, ...]
    internal: bool
    language: str
    last_updated: str
    last_updated_iso: str
    support_url: str | None
    report: bool = False  # link the Reliability & communication page
    home_url: str = ""  # absolute URL of the site's root (for Open Graph's image)
    time_zone: str = "UTC"  # the site's zone: the reader's own is shown where it differs
    #: the page in every language of the site (empty for a site in one language)
    alternates: tuple[Alternate, ...] = ()
    #: on another language's page: the prefix to the site's root, where what exists once
    #: lives (the JSON API); empty elsewhere (``root`` is the site's root there)
    site_root: str = ""


@dataclass(frozen=True)
class StatusBadge:
    key: str  # css suffix: operational, degraded_performance, … or an impact
    label: str


@dataclass(frozen=True)
class UpdateView:
    anchor: str
    status: StatusBadge
    time: str
    time_iso: str
    body: Markup
    next_update: str | None  # the promise of the latest update of something still open
    next_update_iso: str | None
    late: bool  # that promise has passed with no update since
    automatic: bool  # posted by statuspress at the window's start or end
    window: str | None  # the maintenance window as this update moved it, formatted
    erratum: str | None
    corrected: str | None  # when the erratum was added, formatted
    corrected_iso: str | None
    internal_note: Markup | None
    is_internal: bool
    affected: tuple[str, ...]
    #: the tag of the language ``body`` is in, when it is not the page's (no translation yet)
    body_language: str | None = None
    #: ``affected`` as the page's language lists it ("API: Major outage, Web: Operational")
    affected_list: str = ""


@dataclass(frozen=True)
class IncidentSummary:
    id: str
    url: str
    title: str
    is_maintenance: bool
    is_open: bool
    is_internal: bool
    status: StatusBadge
    impact: StatusBadge
    severity: str | None
    started: str | None  # None while it has not begun (a window still scheduled)
    started_iso: str | None
    ended: str | None
    duration: str | None  # None while it has not begun
    schedule: str | None  # maintenance window, formatted
    components: tuple[str, ...]
    latest: UpdateView | None
    #: the language ``title`` is in, when it is not the page's (no translation yet)
    title_language: str | None = None
    #: ``components`` as the page's language lists them ("API, Web", "API、Web")
    components_list: str = ""


def impact_label(impact: str, messages: Catalogue) -> str:
    """A Statuspage impact (none/minor/major/critical/maintenance) as people read it."""
    # Translators: how badly an incident affects customers (Statuspage's impact levels).
    labels = {
        "none": messages.gettext("No impact"),
        "minor": messages.gettext("Minor"),
        "major": messages.gettext("Major"),
        "critical": messages.gettext("Critical"),
        # Translators: the impact level of planned maintenance.
        "maintenance": messages.gettext("Maintenance"),
    }
    return labels[impact]


def severity_label(label: str, messages: Catalogue) -> str:
    """A severity's label in ``messages``' language: the built-in matrix's labels are
    catalogue messages; a repository's own label shows as written."""
    built_in = {
        "Critical": messages.gettext("Critical"),
        "Major": messages.gettext("Major"),
        "Minor": messages.gettext("Minor"),
    }
    return built_in.get(label, label)


def status_badge(status: ComponentStatus, messages: Catalogue) -> StatusBadge:
    return StatusBadge(status.value, status.describe(messages))


def last_change(incidents: Iterable[Incident], now: datetime) -> datetime | None:
    """The newest time something was posted about ``incidents`` (an update, or a
    transition a window made), not in the future: what "Last updated" says."""
    stamps = [incident.last_update_by(now) for incident in incidents]
    return max((s for s in stamps if s is not None), default=None)


@dataclass(frozen=True)
class Frame:
    """The audience's view of the site's settings and components, and the build's URL and
    time: everything a page needs besides its own content."""

    settings: Settings
    components: tuple[Component, ...]
    audience: Audience
    base_url: str  # absolute, ends with "/"
    now: datetime
    messages: Catalogue = ENGLISH  # the language of every word the pages add
    #: the default language's base URL, when the pages are another language's (under it)
    site_url: str = ""
    _summaries: dict[str, IncidentSummary] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def url(self, path: str) -> str:
        """The absolute URL of an output path such as ``incidents/x/``."""
        return self.base_url + path.lstrip("/")

    def time(self, value: datetime) -> str:
        return local_and_utc(value, self.settings.timezone, self.messages)

    def duration(self, value: timedelta) -> str:
        return duration_words(value, self.messages)

    @cached_property
    def tz(self) -> tzinfo:
        return zone(self.settings.timezone)

    @cached_property
    def by_id(self) -> dict[str, Component]:
        return {c.id: c for c in self.components}

    def component_name(self, component_id: str) -> str:
        component = self.by_id.get(component_id)
        return component.name if component else component_id

    def meta(
        self, page_path: str, title: str, updated: datetime, feeds: Sequence[Feed] = ()
    ) -> PageMeta:
        """The page frame; ``updated`` is when the page's own content last changed."""
        settings = self.settings
        site_feeds = feeds_of(settings.title, paths.FEED_ATOM, paths.FEED_RSS, self.messages)
        # Translators: the page description search engines show when the site has none.
        default_description = self.messages.gettext("Current status of %(site)s.")
        return PageMeta(
            title=title,
            site_title=settings.title,
            description=settings.description or default_description % {"site": settings.title},
            root="../" * page_path.count("/"),
            canonical=self.url(paths.page_url(page_path)),
            feeds=site_feeds + tuple(feeds),
            internal=self.audience is Audience.INTERNAL,
            language=self.messages.language,
            last_updated=self.time(updated),
            last_updated_iso=iso(updated),
            support_url=settings.support_url,
            report=settings.report_page,
            home_url=self.site_url or self.base_url,
            time_zone=settings.timezone,
            alternates=self.alternates(page_path),
            site_root="../" * (page_path.count("/") + 1) if self.site_url else "",
        )

    def alternates(self, page_path: str) -> tuple[Alternate, ...]:
        """``page_path`` in each of the site's languages (none for a one-language site)."""
        settings = self.settings
        if not settings.extra_languages or page_path == paths.NOT_FOUND:
            return ()  # (one 404 page, at the root, in the default language)
        home = self.site_url or self.base_url
        up = "../" * (page_path.count("/") + (1 if self.site_url else 0))
        alternates = []
        for language in settings.site_languages:
            there = ("" if language == settings.language else f"{language}/") + paths.page_url(
                page_path
            )
            alternates.append(
                Alternate(
                    language,
                    language_name(language),
                    home + there,
                    language == self.messages.language,
                    (up + there) or "./",
                )
            )
        return tuple(alternates)

    def update(self, update: Update, *, promise: bool = False) -> UpdateView:
        """One update; ``promise``: it is the latest of something still open, so its
        ``next_update`` is shown (as late once it has passed)."""
        # Translators: a component and the status an update gave it: "API: Major outage".
        affected_text = self.messages.gettext("%(component)s: %(status)s")
        affected = tuple(
            affected_text
            % {"component": self.component_name(cid), "status": status.describe(self.messages)}
            for cid, status in update.components.items()
        )
        promised = update.next_update if promise and not update.is_final else None
        return UpdateView(
            anchor=f"update-{update.id}",
            status=StatusBadge(update.status.value, update.status.describe(self.messages)),
            time=self.time(update.at),
            time_iso=iso(update.at),
            body=Markup(render_markdown(update.body)),
            next_update=self.time(promised) if promised else None,
            next_update_iso=iso(promised) if promised else None,
            late=promised is not None and promised <= self.now,
            automatic=update.automatic,
            window=self._moved(update),
            erratum=update.erratum,
            corrected=self.time(update.corrected) if update.corrected else None,
            corrected_iso=iso(update.corrected) if update.corrected else None,
            internal_note=Markup(render_markdown(update.internal)) if update.internal else None,
            is_internal=update.audience is Audience.INTERNAL,
            affected=affected,
            body_language=update.body_language,
            affected_list=word_list(affected, self.messages, conjunction=False),
        )

    def incident_summary(self, incident: Incident) -> IncidentSummary:
        """One incident as lists show it (made once per incident and frame)."""
        cached = self._summaries.get(incident.id)
        if cached is None:
            cached = self._summaries[incident.id] = self._summary(incident)
        return cached

    def _summary(self, incident: Incident) -> IncidentSummary:
        impact = incident_impact(self.settings, incident)
        began = incident.began
        if began is not None and began > self.now:
            began = None
        # A window cancelled before it began never ended either: it never ran.
        end = incident.resolved_at if began is not None else None
        severity = None
        if incident.severity is not None:
            severity = severity_label(
                self.settings.severity(incident.severity).label, self.messages
            )
        schedule = None
        if (
            incident.kind is Kind.MAINTENANCE
            and incident.scheduled_start
            and incident.scheduled_end
        ):
            schedule = self.window(incident.scheduled_start, incident.scheduled_end)
        components = tuple(self.component_name(c) for c in incident.components)
        return IncidentSummary(
            id=incident.id,
            url=paths.page_url(paths.incident_page(incident.id)),
            title=incident.title,
            is_maintenance=incident.kind is Kind.MAINTENANCE,
            is_open=incident.is_open,
            is_internal=incident.audience is Audience.INTERNAL,
            status=StatusBadge(incident.status.value, incident.status.describe(self.messages)),
            impact=StatusBadge(impact, impact_label(impact, self.messages)),
            severity=severity,
            started=self.time(began) if began else None,
            started_iso=iso(began) if began else None,
            ended=self.time(end) if end else None,
            duration=self.duration((end or self.now) - began) if began else None,
            schedule=schedule,
            components=components,
            latest=self.update(incident.latest, promise=incident.is_open)
            if incident.latest
            else None,
            title_language=incident.header_language,
            components_list=word_list(components, self.messages, conjunction=False),
        )

    def _moved(self, update: Update) -> str | None:
        """What an update says of the window it moves (a reschedule, an overrun)."""
        start, end = update.scheduled_start, update.scheduled_end
        if start is not None and end is not None:
            # Translators: an update moved a maintenance window to new times.
            return self.messages.gettext("Rescheduled to %(window)s.") % {
                "window": self.window(start, end)
            }
        if end is not None:
            # Translators: an update moved the end of a maintenance window.
            return self.messages.gettext("The window now ends %(time)s.") % {"time": self.time(end)}
        if start is not None:
            # Translators: an update moved the start of a maintenance window.
            return self.messages.gettext("The window now starts %(time)s.") % {
                "time": self.time(start)
            }
        return None

    def window(self, start: datetime | None, end: datetime | None) -> str | None:
        """A maintenance window, formatted (None without both ends)."""
        if start is None or end is None:
            return None
        # Translators: a maintenance window, from one date and time to another.
        return self.messages.gettext("%(start)s to %(end)s") % {
            "start": self.time(start),
            "end": self.time(end),
        }
