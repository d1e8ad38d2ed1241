"""Where to send a reader back after a small form (toolbar, alert dismissal): a path on this site only."""

from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme


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
