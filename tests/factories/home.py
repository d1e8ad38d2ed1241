"""Builders for home-page widgets: sections, articles, pins, home body and sidebar configuration."""

import datetime

from django.utils import timezone

from core.demo import publish
from home.models import FeaturedNewsPin, SidebarSettings
from news.models import NewsIndexPage, NewsPage


def add_section(parent, slug="tin-tuc", title="Tin tức"):
    section = NewsIndexPage(title=title, slug=slug, live=False)
    parent.add_child(instance=section)
    return publish(section)


def add_article(section, title, days_ago=0, live=True, **fields):
    slug = fields.pop("slug", None) or f"bai-{NewsPage.objects.count() + 1}"
    article = NewsPage(
        title=title,
        slug=slug,
        publication_date=timezone.now() - datetime.timedelta(days=days_ago),
        live=False,
        **fields,
    )
    section.add_child(instance=article)  # a draft, then published like an editor does (signals fire)
    revision = article.save_revision()
    if live:
        revision.publish()
    article.refresh_from_db()
    return article


def publish_changes(page):
    """Publish the page's in-memory state as an editor would (a revision, then publish)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def set_home_body(home, blocks):
    """blocks: [(type, value-dict)], as an editor composes them; published at once."""
    home.body = [{"type": name, "value": value} for name, value in blocks]
    return publish_changes(home)


def pin(home, *articles, until=None):
    """Pin articles on the home page (published, like an editor's "Featured news" panel)."""
    start = home.featured_pins.count()
    for position, article in enumerate(articles):
        home.featured_pins.add(FeaturedNewsPin(article=article, featured_until=until, sort_order=start + position))
    return publish_changes(home)


def set_sidebar(site, blocks):
    settings = SidebarSettings.for_site(site)
    settings.widgets = [{"type": name, "value": value} for name, value in blocks]
    settings.save()
    return settings
