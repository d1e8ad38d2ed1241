"""The reader-preferences part of the page-cache key: pages differ by text size and contrast."""

from accessibility import preferences


def reader_variant(request):
    # The accessibility app may provide its own canonical variant; fall back to the normalised cookie.
    cache_variant = getattr(preferences, "cache_variant", None)
    if cache_variant is not None:
        return str(cache_variant(request))
    raw = request.COOKIES.get(preferences.COOKIE_NAME)
    return preferences.ReaderPreferences.from_cookie(raw).to_cookie()
