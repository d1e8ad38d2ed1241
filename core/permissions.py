"""Which communes (Wagtail sites) a user may manage, and the guard that keeps snippets per site.

A user manages a site when one of their groups holds a page permission on any page of that
site's tree (in any locale). Superusers manage every site.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import GroupPagePermission, Page, Site
from wagtail.snippets.views.snippets import SnippetViewSet


def site_ids_for_user(user):
    if not user.is_active:
        return set()
    if user.is_superuser:
        return set(Site.objects.values_list("id", flat=True))
    cache_attr = "_portal_site_ids"
    if hasattr(user, cache_attr):
        return getattr(user, cache_attr)
    permitted_paths = set(GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True))
    site_ids = set()
    # Translated home pages are siblings of the default-locale root: map them too.
    site_by_key = dict(Site.objects.values_list("root_page__translation_key", "id"))
    site_roots = [
        (root_path, site_by_key[key])
        for root_path, key in Page.objects.filter(translation_key__in=site_by_key).values_list(
            "path", "translation_key"
        )
    ]
    for permitted in permitted_paths:
        for root, site_id in site_roots:
            if permitted.startswith(root) or root.startswith(permitted):
                site_ids.add(site_id)
    setattr(user, cache_attr, site_ids)
    return site_ids


class SiteScopedForm(WagtailAdminModelForm):
    """Admin form for site-owned models: the site field offers only the user's sites."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields and self.for_user is not None:
            allowed = site_ids_for_user(self.for_user)
            self.fields["site"].queryset = Site.objects.filter(id__in=allowed)
            if len(allowed) == 1 and not self.instance.pk and not self.initial.get("site"):
                # The form's own initial wins over the field's: set it there, so an editor of one site
                # finds it chosen (the field's initial alone left "---------" on Wagtail's add screens).
                self.initial["site"] = next(iter(allowed))


class SiteScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset for models with a `site` field (or a `site_field_path` to one).

    The listing shows only the user's sites; every view addressed by pk (edit, delete, history,
    revisions, usage, inspect...) answers 403 for another site's object.
    """

    site_field_path = "site"

    def get_queryset(self, request):
        queryset = self.model._default_manager.all()
        return queryset.filter(**{f"{self.site_field_path}__in": site_ids_for_user(request.user)})

    def object_site_id(self, obj):
        target = obj
        for part in self.site_field_path.split("__"):
            target = getattr(target, part)
        return target.pk if hasattr(target, "pk") else target

    def guard(self, view):
        def guarded(request, *args, **kwargs):
            pk = kwargs.get("pk")
            if pk is not None:
                obj = get_object_or_404(self.model, pk=unquote(str(pk)))
                if self.object_site_id(obj) not in site_ids_for_user(request.user):
                    raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    def get_urlpatterns(self):
        return [
            path(str(pattern.pattern), self.guard(pattern.callback), name=pattern.name)
            for pattern in super().get_urlpatterns()
        ]
