"""One guard for every request: characters no form or query can legitimately carry answer 400.

A NUL byte reaches PostgreSQL as an error ("A string literal cannot contain NUL"), and the other C0 control
characters (except tab, line feed and carriage return) cannot be written into XML (feeds, sitemaps) or shown.
So the path, every query parameter and every form field (names and values) are checked once, here, before
any view runs: a request carrying one gets a short translated "bad request" page, never a 500, and nothing
is stored or searched. Uploaded files are not inspected (they are bytes, not text).
"""

import logging
import re

from django.shortcuts import render

logger = logging.getLogger("portal.security")

INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _has_invalid(querydict):
    return any(INVALID.search(key) or any(INVALID.search(v) for v in values) for key, values in querydict.lists())


def carries_invalid_characters(request):
    if INVALID.search(request.path):
        return True
    if _has_invalid(request.GET):
        return True
    content_type = request.content_type or ""
    if request.method == "POST" and content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return _has_invalid(request.POST)
    return False


class RejectInvalidCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_invalid_characters(request):
            logger.info("refused a request with control characters: %s %s", request.method, request.path[:200])
            response = render(request, "core/invalid_input.html", status=400)
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
