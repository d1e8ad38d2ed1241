"""The no-JavaScript path of the toolbar: store the choice in a cookie, go back to the page.

With JavaScript, portal/static/js/reader-prefs.js writes the same cookie itself and never calls this.
"""

from django.http import HttpResponseRedirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.next_url import safe_next

from .preferences import COOKIE_MAX_AGE, COOKIE_NAME, ReaderPreferences

ACTIONS = {
    "smaller": lambda prefs: prefs.smaller(),
    "reset": lambda prefs: prefs.reset_size(),
    "larger": lambda prefs: prefs.larger(),
    "contrast-high": lambda prefs: prefs.with_contrast("high"),
    "contrast-default": lambda prefs: prefs.with_contrast("default"),
}


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
