"""The consultation page's views (routed by ConsultationPage): the comment form and the receipt lookup."""

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.spam import over_limit

from .forms import CommentForm, ReceiptForm
from .models import ConsultationComment

LIMITS = {
    # action: (requests, window in seconds) per IP and site; CONSULTATION_RATE_LIMITS overrides
    "comment": (5, 60 * 60),
    "receipt": (20, 10 * 60),
}


def rate_limited(request, site_id, action):
    limit, window = getattr(settings, "CONSULTATION_RATE_LIMITS", {}).get(action, LIMITS[action])
    return over_limit(request, site_id, f"consultation-{action}", limit, window)


def render_page(page, request, form, status=200, refused=False):
    response = page.render(
        request,
        context_overrides={
            "form": form if page.is_open() else None,
            "refused": refused,
            "comments": list(page.published_comments()),
            "draft_documents": list(page.draft_documents.select_related("document")),
            "adopted_document_url": page.adopted_document_url(request),
        },
    )
    response.status_code = status
    return response


def consultation_view(page, request):
    site = Site.find_for_request(request) or page.get_site()
    if request.method in ("GET", "HEAD"):
        return render_page(page, request, CommentForm())
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if not page.is_open():
        # Not open (yet, or any more): nothing is stored and the form is gone.
        return render_page(page, request, None, status=403, refused=True)
    form = CommentForm(request.POST)
    if rate_limited(request, site.id, "comment"):
        form.is_valid()  # keep the values and show them back
        form.add_error(None, _("Too many comments were sent from your connection. Please try again in an hour."))
        return render_page(page, request, form, status=429)
    if not form.is_valid():
        return render_page(page, request, form, status=400)
    with transaction.atomic():
        # Checked again at the moment of storing: a comment that arrives after closing is refused.
        if not page.is_open(timezone.now()):
            return render_page(page, request, None, status=403, refused=True)
        comment = ConsultationComment(site=site, consultation=page, **form.cleaned_data)
        code = comment.issue_code()
        comment.save()
    return page.render(
        request,
        template="consultations/comment_received.html",
        context_overrides={"code": code, "comment": comment},
    )


def lookup_view(page, request):
    site = Site.find_for_request(request) or page.get_site()
    found, not_found, status = None, False, 200
    if request.method == "POST":
        form = ReceiptForm(request.POST)
        if rate_limited(request, site.id, "receipt"):
            form.is_valid()
            form.add_error(None, _("Too many lookups from your connection. Please try again in ten minutes."))
            status = 429
        elif form.is_valid():
            found = ConsultationComment.find_by_code(site, form.cleaned_data["code"])
            not_found = found is None  # one message for every miss
            status = 404 if not_found else 200
        else:
            status = 400
    elif request.method in ("GET", "HEAD"):
        form = ReceiptForm()
    else:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    response = page.render(
        request,
        template="consultations/comment_lookup.html",
        context_overrides={"lookup_form": form, "found": found, "not_found": not_found},
    )
    response.status_code = status
    patch_cache_control(response, private=True, no_cache=True, no_store=True)  # a CSRF-protected form
    return response
