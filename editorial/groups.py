"""Per-commune groups, their permissions and the "Duyệt tin" moderation workflow.

Every commune (Wagtail Site) gets four groups that act only on that site:

- Editors ("Biên tập viên"): write pages and submit them for moderation; manage the site's
  news categories; upload and choose images/documents in the site's collection.
- Moderators ("Kiểm duyệt viên"): everything editors do, plus approve and publish (the
  "Duyệt tin" workflow's approval task belongs to them), lock and unlock pages.
- Translators ("Biên dịch viên"): edit pages of the translated trees only (en, jra...) and
  submit translations; they have no permission on the source-language tree.
- Site admins ("Quản trị trang"): everything moderators do, plus delete pages, the commune
  profile (header/footer) and the site's settings (per-site GroupSitePermission, so
  another commune's settings answer 403).

Everything is get-or-create: `setup_commune_groups` may be run again after adding a site or
a locale, and it converges (it also removes stale page permissions of these groups).
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
)

from core.documents import site_collection
from core.workflows import moderation_workflow

EDITORS = "editors"
MODERATORS = "moderators"
TRANSLATORS = "translators"
SITE_ADMINS = "site_admins"

ROLE_LABELS = {
    EDITORS: "Biên tập viên",
    MODERATORS: "Kiểm duyệt viên",
    TRANSLATORS: "Biên dịch viên",
    SITE_ADMINS: "Quản trị trang",
}

# Page permissions on the site's trees. Translators get theirs on translated trees only.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    TRANSLATORS: ["change_page"],
    SITE_ADMINS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}

_MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
COLLECTION_PERMISSIONS = {
    EDITORS: _MEDIA,
    MODERATORS: _MEDIA,
    TRANSLATORS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    SITE_ADMINS: _MEDIA + ["wagtailimages.delete_image", "wagtaildocs.delete_document"],
}


# Model (snippet) permissions. The snippet views are SiteScopedSnippetViewSets, so these act
# on the user's own sites only. Permissions of apps that are not installed are skipped.
def _crud(model, actions=("add", "change", "delete", "view")):
    app_label, model_name = model.split(".")
    return [f"{app_label}.{action}_{model_name}" for action in actions]


_CATEGORIES = _crud("news.newscategory", ("add", "change", "delete"))
# The commune's own content kept outside the page tree: indicators, documents, calendar, alerts, Q&A.
_SITE_CONTENT = (
    _crud("indicators.indicator")
    + _crud("indicators.observation")
    + _crud("legaldocs.legaldocument")
    + _crud("workcalendar.calendarentry")
    + _crud("alerts.alertbanner")
    + _crud("feedback.question", ("change", "view"))
    + _crud("consultations.consultationcomment", ("change", "view"))  # publish residents' comments
    + _crud("core.queuedmail", ("view",))  # readers' mail not yet delivered (core/outbox.py)
)
MODEL_PERMISSIONS = {
    EDITORS: ["wagtailadmin.access_admin"] + _CATEGORIES + _SITE_CONTENT,
    MODERATORS: ["wagtailadmin.access_admin"] + _CATEGORIES + _SITE_CONTENT,
    TRANSLATORS: ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
    SITE_ADMINS: ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"]
    + _CATEGORIES
    + _SITE_CONTENT
    + ["core.add_communeprofile", "core.change_communeprofile"]
    + _crud("importer.importsource", ("add", "change", "delete")),  # moving in from the old portal
}


def site_label(site):
    return site.site_name or site.hostname


def group_name(site, role):
    return f"{site_label(site)} – {ROLE_LABELS[role]}"


def site_homes(site):
    """The site's home page in every locale (translations are siblings, not descendants)."""
    return Page.objects.filter(translation_key=site.root_page.translation_key)


def _permissions(names):
    found = []
    for name in names:
        app_label, codename = name.split(".")
        try:
            apps.get_app_config(app_label)  # a label ("wagtailimages"), not a name: is_installed wants names
        except LookupError:
            continue
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            found.append(permission)
    return found


def _site_collection(site):
    """The commune's collection (core/documents.py): its documents and images, served on its host only."""
    return site_collection(site)


def _sync_page_permissions(group, pages, codenames):
    wanted = {(page.pk, perm.pk) for page in pages for perm in _permissions(f"wagtailcore.{c}" for c in codenames)}
    current = {(gpp.page_id, gpp.permission_id): gpp.pk for gpp in GroupPagePermission.objects.filter(group=group)}
    GroupPagePermission.objects.filter(pk__in=[pk for key, pk in current.items() if key not in wanted]).delete()
    GroupPagePermission.objects.bulk_create(
        [GroupPagePermission(group=group, page_id=p, permission_id=q) for p, q in wanted - current.keys()]
    )


def _sync_collection_permissions(group, collection, names):
    for permission in _permissions(names):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


@transaction.atomic
def setup_site(site):
    """Create or update the four groups of one site and its workflow. Returns {role: Group}."""
    default_locale = Locale.get_default()
    homes = list(site_homes(site))
    translated_homes = [home for home in homes if home.locale_id != default_locale.pk]
    collection = _site_collection(site)
    groups = {}
    for role in ROLE_LABELS:
        group, _ = Group.objects.get_or_create(name=group_name(site, role))
        groups[role] = group
        _sync_page_permissions(group, translated_homes if role == TRANSLATORS else homes, PAGE_PERMISSIONS[role])
        _sync_collection_permissions(group, collection, COLLECTION_PERMISSIONS[role])
        group.permissions.add(*_permissions(MODEL_PERMISSIONS[role]))
    # Site settings: per-site permission only, so Wagtail itself refuses other sites' settings.
    for model in settings_registry:
        if issubclass(model, BaseSiteSetting):
            permission = Permission.objects.get(
                content_type__app_label=model._meta.app_label, codename=f"change_{model._meta.model_name}"
            )
            GroupSitePermission.objects.get_or_create(group=groups[SITE_ADMINS], site=site, permission=permission)
    moderation_workflow(site_label(site), homes, [groups[MODERATORS], groups[SITE_ADMINS]])
    return groups


def setup_all_sites():
    return {site: setup_site(site) for site in Site.objects.select_related("root_page").order_by("pk")}
