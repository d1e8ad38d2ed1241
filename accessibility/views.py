"""The no-JavaScript path of the toolbar: store the choice in a cookie, go back to the page.

With JavaScript, portal/static/js/reader-prefs.js writes the same cookie itself and never calls this.
"""

from urllib.parse import urlsplit

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


def local_path(url):
    """`url` if it is a path on this site ("/…", not "//host" or "/\\host"), else None."""
    if not url or not url.startswith("/") or url.startswith(("//", "/\\")):
        return None
    if any(ord(char) < 32 for char in url):  # control characters: header injection / parser tricks
        return None
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=set()):
        return None
    return url


def safe_next(request):
    """Where to send the reader back: the form's `next`, else the Referer's path, else the home page."""
    target = local_path(request.POST.get("next", ""))
    if target:
        return target
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return local_path(path) or "/"
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
        COOKIE_NAME,
        prefs.to_cookie(),
        max_age=COOKIE_MAX_AGE,
        path="/",
        samesite="Lax",
        secure=request.is_secure(),
        httponly=False,  # the early script in <head> must read it
    )
    response["Cache-Control"] = "no-store"
    return response
