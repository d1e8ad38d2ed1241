"""The dashboard's summary (pages, images, documents) in the words of the editor's own portal.

Wagtail names and counts from the user's explorable root; a commune's (or the province's) home pages in each
language are siblings under the tree's root, so an editor of one portal read the installation's generic name
and its total ("164 trang" for the two pages of their own). Superusers keep Wagtail's words.
"""

from django.db.models import Q
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.documents.wagtail_hooks import DocumentsSummaryItem
from wagtail.images.wagtail_hooks import ImagesSummaryItem
from wagtail.models import GroupPagePermission, Page, Site

from core.permissions import site_ids_for_user


def portal_name(user, default):
    """The name of the one portal the user works on; `default` for superusers and people of several."""
    if user.is_superuser:
        return default
    if not hasattr(user, "_portal_name"):  # the dashboard asks four times (heading, pages, images, documents)
        names = list(Site.objects.filter(id__in=site_ids_for_user(user)).values_list("site_name", flat=True)[:2])
        user._portal_name = names[0] if len(names) == 1 and names[0] else None
    return user._portal_name or default


def permitted_page_count(user):
    """Pages at or below any page this user's groups hold a permission on (overlapping trees counted once)."""
    paths = sorted(set(GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)))
    tops = [path for index, path in enumerate(paths) if not any(path.startswith(other) for other in paths[:index])]
    if not tops:
        return 0
    query = Q()
    for path in tops:
        query |= Q(path__startswith=path)
    return Page.objects.filter(query).count()


class OwnPortalWords:
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        context["site_name"] = portal_name(user, context.get("site_name"))
        if isinstance(self, PagesSummaryItem) and not user.is_superuser:
            context["total_pages"] = permitted_page_count(user)
        return context


REPLACEMENTS = {
    base: type(f"OwnPortal{base.__name__}", (OwnPortalWords, base), {})
    for base in (PagesSummaryItem, ImagesSummaryItem, DocumentsSummaryItem)
}


def use_own_portal_words(request, items):
    """Runs after Wagtail's own hooks (order), so their items are in the list to replace."""
    items[:] = [REPLACEMENTS[type(item)](request) if type(item) in REPLACEMENTS else item for item in items]
