"""Builders for e-mail subscriptions: subscribers, pages published as an editor publishes them, form data."""

import time

from django.utils import timezone

from core.spam import started_token
from subscriptions.forms import SubscribeForm
from subscriptions.models import Frequency, Subscriber


def subscriber(site, email="nguoidan@example.vn", frequency=Frequency.IMMEDIATE, confirmed=True, **fields):
    values = {"confirmed_at": timezone.now() - timezone.timedelta(minutes=5) if confirmed else None}
    values.update(fields)
    categories = values.pop("categories", ())
    made = Subscriber.objects.create(site=site, email=email, frequency=frequency, **values)
    if categories:
        made.categories.set(categories)
    return made


def publish_new(parent, page):
    """Add `page` as a draft and publish it through a revision, as the admin's Publish button does (so
    Wagtail's page_published signal fires)."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def republish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def form_data(email="nguoidan@example.vn", seconds_ago=10, **changes):
    """The subscribe form as a resident fills it (opened `seconds_ago` seconds ago): everything, at once."""
    data = {
        "email": email,
        "news": "on",
        "consultations": "on",
        "events": "on",
        "frequency": Frequency.IMMEDIATE,
        "website": "",
        "started": started_token(SubscribeForm.token_salt, time.time() - seconds_ago),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
