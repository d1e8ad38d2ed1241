from django import template
from wagtail.models import Site

from core.permissions import site_ids_for_user

register = template.Library()


@register.simple_tag
def portal_name_for(user, default):
    """The dashboard's heading: the name of the one commune portal the user works on. Wagtail names the site
    of the user's explorable root, but a commune's pages start at the tree's root (one home per language), so it
    would show the installation's generic name. Superusers and people of several communes keep `default`."""
    if user.is_superuser:
        return default
    names = list(Site.objects.filter(id__in=site_ids_for_user(user)).values_list("site_name", flat=True)[:2])
    return names[0] if len(names) == 1 and names[0] else default
