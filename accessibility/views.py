"""The no-JavaScript path of the toolbar: store the choice in a cookie, go back to the page."""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .preferences import COOKIE_MAX_AGE, COOKIE_NAME, ReaderPreferences

ACTIONS = {
    "smaller": lambda prefs: prefs.smaller(),
    "reset": lambda prefs: prefs.reset_size(),
    "larger": lambda prefs: prefs.larger(),
    "contrast-high": lambda prefs: prefs.with_contrast("high"),
    "contrast-default": lambda prefs: prefs.with_contrast("default"),
}


def safe_next(request):
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


# No CSRF token: the toolbar sits on cached public pages, and a display preference is harmless.
@csrf_exempt
@require_POST
def set_preferences(request):
    prefs = ReaderPreferences.from_cookie(request.COOKIES.get(COOKIE_NAME))
    action = ACTIONS.get(request.POST.get("action", ""))
    if action is not None:
        prefs = action(prefs)
    response = HttpResponseRedirect(safe_next(request))
    response.set_cookie(
        COOKIE_NAME, prefs.to_cookie(), max_age=COOKIE_MAX_AGE, samesite="Lax", secure=request.is_secure()
    )
    response["Cache-Control"] = "no-store"
    return response
