"""One spelling per account name, shared by the sign-in form and the sign-in throttle.

Django normalises usernames with NFKC when accounts are created (`AbstractBaseUser.normalize_username`), so
the sign-in form does the same: `ａｄｍｉｎ` (full-width letters) signs in as `admin`. The throttle counts
failures under the same NFKC spelling, case-folded on top: the default user model matches usernames
case-sensitively, so `Admin` is another (usually non-existent) account, but counting it with `admin` only
ever gives an attacker fewer tries, never more.
"""

import unicodedata


def normalise(raw):
    """The username the sign-in form authenticates with (stripped, NFKC)."""
    return unicodedata.normalize("NFKC", (raw or "").strip())


def throttle_key(raw):
    return normalise(raw).casefold()


def username_for_throttle(request, credentials=None):
    """AXES_USERNAME_CALLABLE: the posted username, or the one given to authenticate(), as one key."""
    if credentials and credentials.get("username") is not None:
        return throttle_key(credentials["username"])
    data = getattr(request, "POST", None) or {}
    return throttle_key(data.get("username", ""))
