"""The base of every home-page and sidebar widget block: an overridable translated title and cached output.

A widget's HTML is cached per site, language, day and block configuration through core.cache.cached, so
publishing anything on the site (which bumps the site's generation) refreshes every widget at once.
Apps build their widgets on WidgetBlock (news/widgets.py, indicators/blocks.py...); it lives in core so
that no app imports another app for it.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale, Site

from .cache import cached


def widget_site(context):
    request = context.get("request") if context else None
    return Site.find_for_request(request) if request is not None else None


def without_ids(data):
    """ListBlock gives items without an id a new random one on every get_prep_value."""
    if isinstance(data, dict):
        return {key: without_ids(item) for key, item in data.items() if key != "id"}
    if isinstance(data, list):
        return [without_ids(item) for item in data]
    return data


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


class WidgetBlock(blocks.StructBlock):
    """A StructBlock with a title editors may override and output cached per site and language."""

    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        max_length=120,
        help_text=_("Empty: the standard title, translated into each language."),
    )

    #: Shown when the editor leaves the title empty (translated at render time).
    default_title = ""
    #: Cache the rendered HTML (turn off for blocks whose output never needs a query).
    cache_output = True

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["widget_title"] = value.get("title") or self.default_title
        if self.cache_output:  # blocks that query something; the others need neither site nor locale
            context["site"] = widget_site(parent_context)
            context["locale"] = active_locale()
            context.update(self.widget_context(value, context["site"], context["locale"], parent_context or {}))
        return context

    def widget_context(self, value, site, locale, parent_context):
        """What the template shows: override in subclasses. site/locale may be None (admin previews)."""
        return {}

    def fingerprint(self, value):
        """A stable digest of the block's configuration (list items' random ids left out)."""
        prepared = json.dumps(without_ids(self.get_prep_value(value)), sort_keys=True, cls=DjangoJSONEncoder)
        return hashlib.sha1(prepared.encode()).hexdigest()[:16]

    def render(self, value, context=None):
        site = widget_site(context)
        if site is None or not self.cache_output:
            return super().render(value, context)
        # The day is part of the key so date limits ("featured until") take effect at midnight.
        parts = [self.fingerprint(value), timezone.localdate().isoformat()]
        return cached(
            site.id, f"widget-{type(self).__name__}", parts, lambda: super(WidgetBlock, self).render(value, context)
        )
