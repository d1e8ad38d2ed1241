"""Footer link to the site's accessibility statement, in the reader's language when translated."""

from django import template
from wagtail.models import Site

from core.cache import cached
from core.chrome import localized_root

register = template.Library()


def _statement_link(site):
    from accessibility.models import AccessibilityStatementPage

    pages = AccessibilityStatementPage.objects.live().public()
    page = pages.descendant_of(localized_root(site)).first() or pages.descendant_of(site.root_page).first()
    if page is None:
        return None
    return {"title": page.title, "url": page.get_url(current_site=site)}


@register.inclusion_tag("accessibility/statement_link.html", takes_context=True)
def accessibility_statement_link(context):
    """Cached per site, generation and language: no query on a warm page view."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    link = cached(site.id, "accessibility-statement", [], lambda: _statement_link(site)) if site else None
    return {"link": link}
