from django import template

from ..summary import portal_name

register = template.Library()


@register.simple_tag
def portal_name_for(user, default):
    """The dashboard's heading: the one portal the user works on (editorial/summary.py says why)."""
    return portal_name(user, default)
