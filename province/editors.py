"""The province editors group: it manages the province site (its home page in every language, its images and
documents, its alerts, including province-wide ones) and nothing of any commune.

Scoping is the communes' own (core/permissions.py): a group manages the sites whose tree holds one of its
page permissions. Its permissions sit on the province home only, a sibling of every commune home, so the
site-scoped snippets (alerts) list and accept the province site only, and Wagtail refuses communes' pages.
They review each other's drafts in the province's own "Duyệt tin" workflow (they may also publish at once).
Everything is get-or-create: running it again converges.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from core.demo import ADMIN_PASSWORD
from core.documents import site_collection
from core.workflows import moderation_workflow

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[("alerts", f"{action}_alertbanner") for action in ("add", "change", "delete", "view")],
]
COLLECTION_PERMISSIONS = [("wagtailimages", codename) for codename in ("add_image", "change_image", "choose_image")] + [
    ("wagtaildocs", codename) for codename in ("add_document", "change_document", "choose_document")
]

DEMO_USERNAME = "tinh-bientap"


def group_name(site):
    title = site.root_page.title  # "Tỉnh Gia Lai" -> "Biên tập viên tỉnh Gia Lai"
    return f"Biên tập viên {title[:1].lower()}{title[1:]}"


def _permissions(pairs):
    return [
        permission
        for app_label, codename in pairs
        for permission in Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    ]


def setup_province_editors(site, name=None):
    """The province editors group of a province site. Returns the group."""
    group, _ = Group.objects.get_or_create(name=name or group_name(site))
    group.permissions.add(*_permissions(MODEL_PERMISSIONS))
    homes = Page.objects.filter(translation_key=site.root_page.translation_key)  # every language's province home
    for home in homes:
        for permission in _permissions(("wagtailcore", codename) for codename in PAGE_PERMISSIONS):
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    collection = site_collection(site)
    for permission in _permissions(COLLECTION_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
    # Their own moderation, not Wagtail's default workflow at the tree's root (approved by Wagtail's "Moderators").
    moderation_workflow(site.site_name or site.hostname, homes, [group])
    return group


def load_demo_editor(site):
    """Demo: the group and its account `tinh-bientap` (the demo password, local use only, README.md)."""
    group = setup_province_editors(site)
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_USERNAME,
        defaults={"first_name": "Ksor", "last_name": "H'Mai", "email": "bientap@tinh.example.invalid"},
    )
    if created:
        user.set_password(ADMIN_PASSWORD)
        user.save()
    user.groups.add(group)
    return user
