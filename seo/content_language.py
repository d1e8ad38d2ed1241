"""A page is answered only in the language of its content.

Under /jra/ (or any language prefix) with nothing translated, Wagtail routes through the default-language
tree and would serve Vietnamese text under lang="jra", so screen readers would read it with the wrong rules
(WCAG 3.1.1). Such a request is redirected to the page's own language URL instead (302: a translation may
appear later). Views that are not pages (search, errors) take the default language's code when no content
exists in the active language (templatetags/seo_tags.py: content_language)."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale

# locale id -> language code: a locale's code never changes, so each process learns it once (no query per view).
_languages = {}


def language_of(page):
    if page.locale_id not in _languages:
        _languages.update(Locale.objects.values_list("id", "language_code"))
    return _languages.get(page.locale_id, settings.LANGUAGE_CODE)


def redirect_to_content_language(page, request):
    """A redirect when `page` is served under another language's prefix, else None."""
    language = language_of(page)
    if language == get_language() or request.method not in ("GET", "HEAD"):
        return None
    target = translate_url(request.get_full_path(), language)
    if target == request.get_full_path():  # nothing to translate the URL with: serve as it is
        return None
    response = HttpResponseRedirect(target)
    response["Cache-Control"] = "public, max-age=300"
    return response


def language_with_content(language):
    """`language` if some content exists in it, else the default language (whose text is then shown)."""
    if Locale.objects.filter(language_code=language).exists():
        return language
    return settings.LANGUAGE_CODE
