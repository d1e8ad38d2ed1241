"""Which communes (Wagtail sites) a user, a group or a request belongs to, for the audit log."""

from django.core.exceptions import DisallowedHost
from wagtail.models import GroupPagePermission, GroupSitePermission, Page, Site


def _site_roots():
    site_by_key = dict(Site.objects.values_list("root_page__translation_key", "id"))
    return [
        (path, site_by_key[key])
        for path, key in Page.objects.filter(translation_key__in=site_by_key).values_list("path", "translation_key")
    ]


def _sites_of(page_permissions, site_permissions):
    roots = _site_roots()
    site_ids = set(site_permissions.values_list("site_id", flat=True))
    for permitted in set(page_permissions.values_list("page__path", flat=True)):
        site_ids.update(site_id for root, site_id in roots if permitted.startswith(root) or root.startswith(permitted))
    return site_ids


def site_ids_for_group(group):
    return _sites_of(GroupPagePermission.objects.filter(group=group), GroupSitePermission.objects.filter(group=group))


def site_ids_for_member(user):
    """The communes whose groups the user belongs to (not "every site" for superusers)."""
    return _sites_of(
        GroupPagePermission.objects.filter(group__user=user), GroupSitePermission.objects.filter(group__user=user)
    )


def administered_site_ids(user):
    """Communes whose audit log the user may export: site admins hold the per-site settings permission."""
    if user.is_superuser:
        return set(Site.objects.values_list("id", flat=True))
    return set(GroupSitePermission.objects.filter(group__user=user).values_list("site_id", flat=True))


def site_id_for_request(request):
    if request is None or "SERVER_NAME" not in request.META and "HTTP_HOST" not in request.META:
        return None  # a request built in code (e.g. a test client's logout) has no host
    try:
        site = Site.find_for_request(request)
    except DisallowedHost:
        return None
    return site.pk if site else None
