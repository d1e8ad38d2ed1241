"""Signed links in subscription mail: confirm (valid UNCONFIRMED_LIFETIME), manage and unsubscribe (valid as
long as the subscription exists, as RFC 8058 expects of an unsubscribe link).

A link names the subscriber's id, site and a keyed digest of the address, never the address itself; one for
a deleted subscription (or an address re-subscribed since) no longer matches anything.
"""

import hashlib
import hmac

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from core.site_urls import absolute_url

from .models import UNCONFIRMED_LIFETIME, Subscriber

CONFIRM, MANAGE = "subscriptions.confirm", "subscriptions.manage"


class BadLink(Exception):
    """reason: "forged" (altered, or not ours), "expired", "gone" (subscription no longer exists)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def address_tag(subscriber):
    key = f"{settings.SECRET_KEY}|subscriptions".encode()
    return hmac.new(key, f"{subscriber.pk}|{subscriber.email}".encode(), hashlib.sha256).hexdigest()[:16]


def token(subscriber, purpose):
    return signing.dumps([subscriber.pk, subscriber.site_id, address_tag(subscriber)], salt=purpose)


def subscriber_for(value, purpose, site):
    """The subscriber a link names, on this site; raises BadLink."""
    max_age = UNCONFIRMED_LIFETIME.total_seconds() if purpose == CONFIRM else None
    try:
        pk, site_id, tag = signing.loads(value, salt=purpose, max_age=max_age)
    except signing.SignatureExpired:
        raise BadLink("expired") from None
    except (signing.BadSignature, TypeError, ValueError):
        raise BadLink("forged") from None
    if site is None or site_id != site.pk:
        raise BadLink("forged")  # a link of another commune, opened on this one
    subscriber = Subscriber.objects.filter(pk=pk, site_id=site_id).first()
    if subscriber is None or not hmac.compare_digest(address_tag(subscriber), str(tag)):
        raise BadLink("gone")
    return subscriber


def url(subscriber, name, purpose, site):
    """Absolute URL on the subscriber's site, in the subscriber's language."""
    with translation.override(subscriber.language):
        path = reverse(f"subscriptions:{name}", args=[token(subscriber, purpose)])
    return absolute_url(site, path)


def confirm_url(subscriber, site):
    return url(subscriber, "confirm", CONFIRM, site)


def manage_url(subscriber, site):
    return url(subscriber, "manage", MANAGE, site)


def unsubscribe_url(subscriber, site):
    return url(subscriber, "unsubscribe", MANAGE, site)
