"""The resident's pages: subscribe, confirm, manage, unsubscribe. No account: the signed link is the key.

Every answer is `private, no-store` (CSRF tokens, personal links). Bad links get a translated explanation
and change nothing. The unsubscribe URL takes a POST without a CSRF token (RFC 8058 one-click: mail clients
post `List-Unsubscribe=One-Click` to it); the link in the token is what authorises it.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from core.counters import count
from core.spam import over_limit

from . import links, mails
from .forms import ManageForm, SubscribeForm
from .models import Subscriber

LIMITS = {
    # action: (requests, window in seconds); SUBSCRIPTIONS_RATE_LIMITS overrides
    "subscribe": (5, 60 * 60),  # per IP and site
    "address": (3, 24 * 60 * 60),  # confirmation (or "already subscribed") mails per address and site
}


def limit(action):
    return getattr(settings, "SUBSCRIPTIONS_RATE_LIMITS", {}).get(action, LIMITS[action])


def render(request, template, context=None, status=200):
    response = TemplateResponse(request, f"subscriptions/{template}.html", context or {}, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


def current_site(request):
    site = Site.find_for_request(request)
    # A site whose home publishes no news of its own (the province hub) has nothing to subscribe to.
    if site is None or not getattr(site.root_page.specific_class, "offers_subscriptions", True):
        raise Http404
    return site


def address_over_limit(site, email):
    """Counts this mail to the address; True past the limit. Fails open like core/spam.py's limits."""
    requests, window = limit("address")
    digest = hashlib.sha256(f"{site.pk}|{email}".encode()).hexdigest()
    try:
        return count(f"subscriptions-address:{digest}", window) > requests
    except Exception:  # counters unavailable: the per-IP limit and the database are still there
        return False


def apply_choices(subscriber, data):
    for name in ("news", "consultations", "events", "frequency"):
        setattr(subscriber, name, data[name])


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    site = current_site(request)
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST, site=site)
        if over_limit(request, site.pk, "subscribe", *limit("subscribe")):
            form.is_valid()  # keep what was typed and show it back
            form.add_error(None, _("Too many subscriptions were sent from your connection. Please try again later."))
            status = 429
        elif form.is_valid():
            if register(site, form.cleaned_data):
                return render(request, "subscribe_sent", {"email": form.cleaned_data["email"]})
            form.add_error(
                None,
                _(
                    "Several e-mails were already sent to this address today. Please look for them in your inbox "
                    "(and the spam folder), or try again tomorrow."
                ),
            )
            status = 429
        else:
            status = 400
    else:
        form = SubscribeForm(site=site)
    commune = mails.commune_name(site, translation.get_language())
    return render(request, "subscribe", {"form": form, "commune": commune}, status)


def register(site, data):
    """Store the choices of a new or unconfirmed address and mail the confirmation link; a confirmed address
    only gets a reminder with its own manage link (so nobody learns or changes another's subscription).
    Returns False when the address has had its share of mail."""
    email = data["email"]
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(site=site, email=email).first()
        if address_over_limit(site, email):
            return False
        if subscriber is not None and subscriber.is_confirmed:
            mails.send_already_subscribed(subscriber, site)
            return True
        subscriber = subscriber or Subscriber(site=site, email=email)
        apply_choices(subscriber, data)
        subscriber.language = translation.get_language() or settings.LANGUAGE_CODE
        subscriber.created_at = timezone.now()  # the confirmation link's week starts again
        subscriber.save()
        subscriber.categories.set(data["categories"])
        mails.send_confirmation(subscriber, site)
    return True


BAD_LINK_STATUS = {"forged": 400, "expired": 410, "gone": 404}


def bad_link(request, reason):
    messages = {
        "forged": _(
            "This link is not valid. Please open it again from the e-mail, making sure the whole address was copied."
        ),
        "expired": _("This confirmation link has expired: links are valid for 7 days. Please subscribe again."),
        "gone": _("This subscription no longer exists: it was cancelled, or it was never confirmed and has expired."),
    }
    return render(request, "bad_link", {"message": messages[reason], "reason": reason}, BAD_LINK_STATUS[reason])


def signed_link(purpose, when_gone=None):
    """The view gets (request, subscriber, site) for a valid `purpose` link; a bad link gets bad_link's
    explanation, or `when_gone(request)` for a subscription that no longer exists, if given."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, token):
            site = current_site(request)
            try:
                subscriber = links.subscriber_for(token, purpose, site)
            except links.BadLink as error:
                if error.reason == "gone" and when_gone is not None and (answer := when_gone(request)):
                    return answer
                return bad_link(request, error.reason)
            return view(request, subscriber, site)

        return wrapper

    return decorator


@require_http_methods(["GET", "HEAD"])
@signed_link(links.CONFIRM)
def confirm(request, subscriber, site):
    already = subscriber.is_confirmed
    if not already and request.method == "GET":  # link checkers that only look (HEAD) confirm nothing
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    context = {"already": already, "manage_url": links.manage_url(subscriber, site)}
    return render(request, "confirmed", context)


@require_http_methods(["GET", "HEAD", "POST"])
@signed_link(links.MANAGE)
def manage(request, subscriber, site):
    saved, status = False, 200
    if request.method == "POST":
        form = ManageForm(request.POST, instance=subscriber, site=site)
        if form.is_valid():
            form.save()
            saved = True
        else:
            status = 400
    else:
        form = ManageForm(instance=subscriber, site=site)
    context = {
        "form": form,
        "saved": saved,
        "subscriber": subscriber,
        "unsubscribe_url": links.unsubscribe_url(subscriber, site),
    }
    return render(request, "manage", context, status)


def already_unsubscribed(request):
    """A second click on the one-click POST: the same outcome as the first."""
    if request.method == "POST":
        return render(request, "unsubscribed", {"already": True})
    return None


@csrf_exempt  # RFC 8058: the one-click POST comes from a mail client, without a token; the link authorises it
@require_http_methods(["GET", "HEAD", "POST"])
@signed_link(links.MANAGE, when_gone=already_unsubscribed)
def unsubscribe(request, subscriber, site):
    if request.method == "POST":
        subscriber.delete()  # the address and choices go; nothing about the resident is kept
        return render(request, "unsubscribed", {"already": False})
    # A GET never unsubscribes: mail scanners open links. The page asks for one press of a button.
    return render(request, "unsubscribe", {"manage_url": links.manage_url(subscriber, site)})
