from django import template

register = template.Library()


@register.inclusion_tag("subscriptions/components/footer_link.html")
def subscribe_link():
    """The footer's "Subscribe by e-mail" item: a plain link, no query, safe in cached pages."""
    return {}
