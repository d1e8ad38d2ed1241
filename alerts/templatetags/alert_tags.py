from django import template
from wagtail.models import Site

from alerts.selection import alerts_for

register = template.Library()


@register.inclusion_tag("alerts/alert_banners.html", takes_context=True)
def alert_banners(context, page=None):
    """{% alert_banners page %}: the site's current alerts for this page, minus the ones the reader hid."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    alerts = alerts_for(site, page, request) if site is not None else []
    return {"alerts": alerts, "request": request}
