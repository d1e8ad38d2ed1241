"""The mail residents get, written in the language they subscribed in, named after their commune, and always
queued through the outbox (core.outbox.queue_mail): nothing is sent inside a web request.

Every mail carries the subscriber's one-click unsubscribe link, in its text and in the List-Unsubscribe and
List-Unsubscribe-Post headers (RFC 8058).
"""

from email.utils import formataddr

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.models import CommuneProfile
from core.outbox import queue_mail
from core.site_urls import absolute_url

from . import links
from .models import Frequency, Kind

SUMMARY_MAX = 300


def commune_names(site_ids):
    """{(site_id, language): portal name} in one query."""
    rows = CommuneProfile.objects.filter(site_id__in=site_ids).values_list(
        "site_id", "locale__language_code", "portal_name"
    )
    return {(site_id, language): name for site_id, language, name in rows}


def commune_name(site, language, names=None):
    """The portal's name in `language`, else in Vietnamese, else the site's name."""
    names = commune_names([site.pk]) if names is None else names
    return names.get((site.pk, language)) or names.get((site.pk, "vi")) or site.site_name or site.hostname


def page_url(page, site):
    """The page's address on its site, from the paths alone (no query per page). A translation lives under
    the root's translation (one level down, like the root) and is served under the active language's prefix
    (/en/...): mails are written with the subscriber's language active."""
    root = site.root_page.url_path
    if page.url_path.startswith(root):
        return absolute_url(site, "/" + page.url_path[len(root) :])
    if page.locale_id == site.root_page.locale_id:
        return ""  # not on this site
    return absolute_url(site, reverse("wagtail_serve", args=[page.url_path.split("/", 2)[2]]))


def summary(page):
    text = getattr(page, "lead", "") or getattr(page, "summary", "") or page.search_description or ""
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"


def item_context(item, page, site):
    return {
        "kind": Kind(item.kind).label,
        "title": page.title,
        "summary": summary(page),
        "url": page_url(page, site),
        "starts_at": getattr(page, "starts_at", None),
        "closes_at": getattr(page, "closes_at", None),
    }


def _queue(subscriber, site, subject, template, context, names=None):
    with translation.override(subscriber.language):
        name = commune_name(site, subscriber.language, names)
        unsubscribe = links.unsubscribe_url(subscriber, site)
        context = {
            **context,
            "commune": name,
            "manage_url": links.manage_url(subscriber, site),
            "unsubscribe_url": unsubscribe,
            "subscribe_url": absolute_url(site, reverse("subscriptions:subscribe")),
        }
        body = render_to_string(f"subscriptions/mail/{template}.txt", context)
        subject = f"{subject} – {name}"
    sender = getattr(settings, "SUBSCRIPTIONS_FROM_EMAIL", "") or settings.DEFAULT_FROM_EMAIL
    return queue_mail(
        subject,
        body,
        [subscriber.email],
        from_email=formataddr((name, sender)),
        site=site,
        source=f"subscriptions:{template}",
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        confidential=True,
    )


def send_confirmation(subscriber, site):
    with translation.override(subscriber.language):
        subject = _("Please confirm your subscription")
    return _queue(subscriber, site, subject, "confirm", {"confirm_url": links.confirm_url(subscriber, site)})


def send_already_subscribed(subscriber, site):
    with translation.override(subscriber.language):
        subject = _("You are already subscribed")
    return _queue(subscriber, site, subject, "already_subscribed", {})


def send_notice(subscriber, site, item, page, names=None):
    with translation.override(subscriber.language):
        context = {"item": item_context(item, page, site)}
        subject = f"{context['item']['kind']}: {page.title}"
    return _queue(subscriber, site, subject, "notice", context, names)


def send_digest(subscriber, site, items, names=None):
    """items: [(NotifiedPage, specific page)], oldest first."""
    with translation.override(subscriber.language):
        weekly = subscriber.frequency == Frequency.WEEKLY
        subject = _("Your weekly digest") if weekly else _("Your daily digest")
        context = {"items": [item_context(item, page, site) for item, page in items], "weekly": weekly}
    return _queue(subscriber, site, subject, "digest", context, names)
