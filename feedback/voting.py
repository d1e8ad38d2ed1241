"""The checks a satisfaction vote must pass before it counts.

- Same origin only: the endpoint cannot carry a CSRF token (the form sits on shared cached pages), so a
  browser's own statement of where the form was posted from is checked instead: `Sec-Fetch-Site` must be
  `same-origin` (or `none`, typed by the user), and `Origin` / `Referer`, when sent, must be this host.
  A cross-site page that auto-submits the form is refused.
- Voter ids are issued by the server and signed (django.core.signing): a forged or altered `voter` cookie
  is refused, and a fresh signed id is handed out instead.
- Limits per IP and site (all items) and per IP and item (FEEDBACK_RATE_LIMITS "rate" and "rate_item"):
  a script that drops its cookie to vote again is bounded per item, not only per hour.
"""

import secrets
from urllib.parse import urlsplit

from django.core import signing

VOTER_COOKIE = "voter"
VOTER_SALT = "feedback.voter"
VOTER_MAX_AGE = 2 * 365 * 24 * 3600
ALLOWED_FETCH_SITES = {"same-origin", "none"}


def _origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else None


def is_same_origin(request):
    """False when the browser says the post came from another site (or from an opaque origin)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site.lower() not in ALLOWED_FETCH_SITES:
        return False
    own = f"{request.scheme}://{request.get_host()}".lower()
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin.lower() == own  # "null" (sandboxed frames, data: pages) is never our origin
    referer = request.headers.get("Referer")
    if referer:
        return _origin_of(referer) == own
    return True


def new_voter_id():
    return secrets.token_urlsafe(18)


def read_voter_id(request):
    """(voter id, state): state is "valid", "missing" or "forged" (any value the server did not sign)."""
    if VOTER_COOKIE not in request.COOKIES:
        return None, "missing"
    try:
        value = request.get_signed_cookie(VOTER_COOKIE, salt=VOTER_SALT, max_age=VOTER_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return None, "forged"
    return value, "valid"


def set_voter_cookie(response, request, voter_id):
    response.set_signed_cookie(
        VOTER_COOKIE,
        voter_id,
        salt=VOTER_SALT,
        max_age=VOTER_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
