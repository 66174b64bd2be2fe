"""The Subscribe page: every way to follow the site, each with a visible link (the feeds
of the site and of every component, the maintenance calendar, the JSON API), the email
list's signup form, Slack's RSS app and the webhook."""

from __future__ import annotations

from dataclasses import dataclass

from statuspress import paths
from statuspress.views.context import RenderContext


@dataclass(frozen=True)
class ComponentFeeds:
    name: str
    atom: str  # relative to the site root
    rss: str


@dataclass(frozen=True)
class SubscribePage:
    signup_url: str | None  # the email list's signup form posts here (None: no list)
    signup_field: str  # the name of its address field
    atom: str
    rss: str
    calendar: str
    api: str
    rss_url: str  # absolute, for Slack's `/feed subscribe`
    components: tuple[ComponentFeeds, ...]
    webhook: bool  # a webhook channel is configured
    support_url: str | None


def subscribe_page(context: RenderContext) -> SubscribePage:
    settings = context.site.settings
    notifications = settings.notifications
    return SubscribePage(
        signup_url=notifications.signup_url,
        signup_field=notifications.signup_field,
        atom=paths.FEED_ATOM,
        rss=paths.FEED_RSS,
        calendar=paths.MAINTENANCE_ICS,
        api=paths.API_SUMMARY,
        rss_url=context.url(paths.FEED_RSS),
        components=tuple(
            ComponentFeeds(
                c.name, paths.component_feed(c.id, "atom"), paths.component_feed(c.id, "rss")
            )
            for c in context.site.components
        ),
        webhook=any(c.kind == "webhook" for c in notifications.channels),
        support_url=settings.support_url,
    )
