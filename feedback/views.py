"""The Q&A page's views (routed by QuestionsPage) and the no-JS rating endpoint."""

import hashlib

from django.conf import settings
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page, Site

from core.spam import over_limit

from .forms import LookupForm, QuestionForm
from .models import Question, Rating
from .voting import is_same_origin, new_voter_id, read_voter_id, set_voter_cookie

LIMITS = {
    # action: (requests, window in seconds) per IP and site; FEEDBACK_RATE_LIMITS overrides
    "ask": (5, 60 * 60),
    "lookup": (20, 10 * 60),
    "rate": (60, 60 * 60),
    "rate_item": (3, 24 * 60 * 60),  # votes per IP and rated item: a household, not a script
}
PAGE_SIZE = 10


def rate_limited(request, site_id, action, key=None):
    limit, window = getattr(settings, "FEEDBACK_RATE_LIMITS", {}).get(action, LIMITS[action])
    return over_limit(request, site_id, key or action, limit, window)


def published_questions(site, request):
    questions = Question.objects.filter(site=site).published().order_by("-answered_at", "-id")
    return Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))


def questions_view(page, request):
    site = Site.find_for_request(request) or page.get_site()
    status = 200
    if request.method == "POST":
        form = QuestionForm(request.POST)
        if rate_limited(request, site.id, "ask"):
            form.is_valid()  # keep the values and show them back
            form.add_error(None, _("Too many questions were sent from your connection. Please try again in an hour."))
            status = 429
        elif form.is_valid():
            question = Question(
                site=site,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                subject=form.cleaned_data["subject"],
                question=form.cleaned_data["question"],
            )
            code = question.issue_code()
            question.save()
            return page.render(
                request,
                template="feedback/question_received.html",
                context_overrides={"code": code, "question": question},
            )
        else:
            status = 400
    elif request.method in ("GET", "HEAD"):
        form = QuestionForm()
    else:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    response = page.render(
        request,
        context_overrides={"form": form, "questions": published_questions(site, request), "lookup_form": LookupForm()},
    )
    response.status_code = status
    return response


def lookup_view(page, request):
    site = Site.find_for_request(request) or page.get_site()
    question, not_found, status = None, False, 200
    if request.method == "POST":
        form = LookupForm(request.POST)
        if rate_limited(request, site.id, "lookup"):
            form.is_valid()
            form.add_error(None, _("Too many lookups from your connection. Please try again in ten minutes."))
            status = 429
        elif form.is_valid():
            question = Question.find_by_code(site, form.cleaned_data["code"])
            # One message for every miss: it says nothing about other askers' codes.
            not_found = question is None
            status = 404 if not_found else 200
        else:
            status = 400
    elif request.method in ("GET", "HEAD"):
        form = LookupForm()
    else:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    response = page.render(
        request,
        template="feedback/question_lookup.html",
        context_overrides={"lookup_form": form, "found": question, "not_found": not_found},
    )
    response.status_code = status
    return response


def voter_hash(voter_id, site_id, item):
    """Per item, so the stored hashes cannot link one browser's votes across items."""
    return hashlib.sha256(f"{settings.SECRET_KEY}|vote|{voter_id}|{site_id}|{item}".encode()).hexdigest()


def safe_next(request):
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts=None, require_https=False):
        return target.split("#")[0]
    return "/"


def parse_item(site, value):
    """ "portal" or "page:<id>" of a live page of this site; anything else is None."""
    if value == "portal":
        return value
    if value.startswith("page:") and value[5:].isdigit() and len(value) <= 20:
        page = Page.objects.filter(pk=int(value[5:])).live().public().only("path").first()
        if page is not None:
            # The site's root in every language (translations of the home page are its siblings).
            roots = Page.objects.filter(translation_key=site.root_page.translation_key).values_list("path", flat=True)
            if any(page.path.startswith(root) for root in roots):
                return value
    return None


def _back(target, outcome):
    response = HttpResponseRedirect(f"{target}#{outcome}")
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # a rating form sits on cacheable public pages: the checks of voting.py stand in for a token
def rate(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    target = safe_next(request)
    if not is_same_origin(request):
        return _back(target, "rating-refused")
    site = Site.find_for_request(request)
    item = parse_item(site, request.POST.get("item", "")) if site else None
    try:
        score = int(request.POST.get("score", ""))
    except ValueError:
        score = 0
    if item is None or not 1 <= score <= 5:
        return _back(target, "rating-invalid")
    voter_id, state = read_voter_id(request)
    if state == "forged":
        # Counts nothing; the browser gets a signed id and may vote with it.
        response = _back(target, "rating-refused")
        set_voter_cookie(response, request, new_voter_id())
        return response
    if rate_limited(request, site.id, "rate") or rate_limited(request, site.id, "rate_item", f"rate-item|{item}"):
        return _back(target, "rating-limited")
    voter_id = voter_id or new_voter_id()
    outcome = "rating-thanks"
    try:
        with transaction.atomic():
            Rating.objects.create(site=site, item=item, voter=voter_hash(voter_id, site.id, item), score=score)
    except IntegrityError:
        outcome = "rating-already"
    response = _back(target, outcome)
    set_voter_cookie(response, request, voter_id)
    return response
