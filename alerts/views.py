"""The no-JavaScript dismiss button: remember the hidden alert in a cookie, go back to the page.

With JavaScript, alerts/static/alerts/alerts.js writes the same cookie itself and never calls this.
"""

from django.http import HttpResponseRedirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.next_url import safe_next

from .dismissal import COOKIE_MAX_AGE, COOKIE_NAME, KEY_PATTERN, with_key


# No CSRF token: banners sit on cached public pages, and hiding a notice is harmless.
@csrf_exempt
@require_POST
def dismiss(request):
    response = HttpResponseRedirect(safe_next(request))
    key = request.POST.get("alert", "")
    if KEY_PATTERN.match(key):
        response.set_cookie(
            COOKIE_NAME,
            with_key(request, key),
            max_age=COOKIE_MAX_AGE,
            path="/",
            samesite="Lax",
            secure=request.is_secure(),
            httponly=False,  # alerts.js hides dismissed alerts on cached pages too
        )
    response["Cache-Control"] = "no-store"
    return response
