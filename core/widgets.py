"""The base of every home-page and sidebar widget block: an overridable translated title, and the site and
language it shows content of.

Widgets are not cached one by one: they only ever render inside the home page's widgets or the sidebar, and
both are cached whole (home/templatetags), under the same generation, language and day; a cache per widget
inside them only added round trips to the first view after each publish.
Apps build their widgets on WidgetBlock (news/widgets.py, indicators/blocks.py...); it lives in core so
that no app imports another app for it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale, Site


def widget_site(context):
    request = context.get("request") if context else None
    return Site.find_for_request(request) if request is not None else None


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


class WidgetBlock(blocks.StructBlock):
    """A StructBlock with a title editors may override, showing the request's site in the active language."""

    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        max_length=120,
        help_text=_("Empty: the standard title, translated into each language."),
    )

    #: Shown when the editor leaves the title empty (translated at render time).
    default_title = ""
    #: Look up the site and locale and call widget_context() (off for blocks that show only what they hold).
    queries_site = True

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["widget_title"] = value.get("title") or self.default_title
        if self.queries_site:
            context["site"] = widget_site(parent_context)
            context["locale"] = active_locale()
            context.update(self.widget_context(value, context["site"], context["locale"], parent_context or {}))
        return context

    def widget_context(self, value, site, locale, parent_context):
        """What the template shows: override in subclasses. site/locale may be None (admin previews)."""
        return {}
