from django import template

from home.models import SidebarSettings

register = template.Library()


@register.inclusion_tag("home/sidebar.html", takes_context=True)
def site_sidebar(context, page=None):
    request = context.get("request")
    widgets = SidebarSettings.for_request(request).widgets if request else []
    return {"widgets": widgets, "request": request, "page": page, "chrome": context.get("chrome")}
