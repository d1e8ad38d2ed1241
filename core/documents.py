"""Documents belong to one commune and are public only once something public links them.

- **Which commune**: each commune has one collection (created with its groups, editorial/groups.py); a
  document or image in it (or below it) belongs to that site. The admin's collection permissions keep editors
  to their own commune's collection, in the listings and in the choosers alike.
- **Which host**: a commune's document is served on its own site's host only; another commune's host answers
  404. Documents outside every commune's collection (the root collection) are shared.
- **When public**: Wagtail's reference index (ReferenceIndex) says who uses a document. It is served to
  readers only when one user is public: a live page without view restrictions, a published legal document,
  or any other object that has no published state of its own (a snippet, a setting). A file attached only to
  a draft, or to a legal document not yet published, answers 404 to readers; editors who may choose it
  still get it (admin previews), never cached.
- **Cache headers**: public documents `Cache-Control: public, max-age=300` (a CDN keeps them a short while, so
  withdrawing a file takes effect within minutes); everything else `private, no-store`.

Files are served through the app (WAGTAILDOCS_SERVE_METHOD = "serve_view"); the reverse proxy must never
serve MEDIA_ROOT/documents/ itself.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.cache import patch_cache_control
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve
from wagtail.models import Collection, Page, ReferenceIndex, Site
from wagtail.permissions import policy_registry

PUBLIC_MAX_AGE = 300
STEP = Collection.steplen


def site_label(site):
    return site.site_name or site.hostname


def site_collection(site):
    """The commune's collection, directly under the root (created if missing)."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=site_label(site)).first()
    return existing or root.add_child(name=site_label(site))


def collection_site_ids():
    """{path of a commune's collection: site id}."""
    labels = {site_label(site): site.pk for site in Site.objects.all()}
    root = Collection.get_first_root_node()
    return {c.path: labels[c.name] for c in root.get_children() if c.name in labels}


def owner_site_id(obj):
    """The site whose collection holds this document or image, or None for shared media."""
    path = obj.collection.path[: 2 * STEP]
    return collection_site_ids().get(path)


def _object_is_public(obj):
    if hasattr(obj, "live"):
        return bool(obj.live)
    if hasattr(obj, "published"):
        return bool(obj.published)
    return True


def is_publicly_linked(document):
    """True when the reference index names at least one public user of the document."""
    references = ReferenceIndex.get_references_to(document).values_list("base_content_type_id", "object_id")
    by_type = {}
    for content_type_id, object_id in references:
        by_type.setdefault(content_type_id, set()).add(object_id)
    page_type = ContentType.objects.get_for_model(Page)
    for content_type_id, object_ids in by_type.items():
        if content_type_id == page_type.pk:
            if Page.objects.live().public().filter(pk__in=object_ids).exists():
                return True
            continue
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        objects = model._default_manager.filter(pk__in=object_ids) if model is not None else []
        if any(_object_is_public(obj) for obj in objects):
            return True
    return False


def may_see_unpublished(user, document):
    if not (user.is_authenticated and user.has_perm("wagtailadmin.access_admin")):
        return False
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission_for_instance(user, ["change", "choose"], document)


def serve(request, document_id, document_filename):
    """Wagtail's document view, behind the commune and publication checks above."""
    document = get_document_model().objects.filter(pk=document_id).select_related("collection").first()
    if document is None:
        raise Http404
    editor = may_see_unpublished(request.user, document)
    public = is_publicly_linked(document)
    if not editor:
        site = Site.find_for_request(request)
        owner = owner_site_id(document)
        if owner is not None and (site is None or site.pk != owner):
            raise Http404
        if not public:
            raise Http404
    response = wagtail_serve(request, document_id, document_filename)
    restricted = document.collection.get_view_restrictions().exists()
    if response.status_code == 200 and public and not restricted and not request.user.is_authenticated:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _site_of(obj, site_roots):
    if isinstance(obj, Page):
        return next((site_id for root, site_id in site_roots if obj.path.startswith(root)), None)
    return getattr(obj, "site_id", None)


def file_media_by_site():
    """Move each document and image of the root collection that only one commune uses (by the reference
    index) into that commune's collection; media used by several communes stay shared. For the demo and
    for installations that predate per-commune collections."""
    from wagtail.images import get_image_model

    root = Collection.get_first_root_node()
    collections = {site.pk: site_collection(site) for site in Site.objects.all()}
    site_by_key = dict(Site.objects.values_list("root_page__translation_key", "id"))
    site_roots = list(Page.objects.filter(translation_key__in=site_by_key).values_list("path", "translation_key"))
    site_roots = [(path, site_by_key[key]) for path, key in site_roots]
    moved = 0
    for model in (get_document_model(), get_image_model()):
        for item in model.objects.filter(collection=root):
            sites = set()
            for source, _references in ReferenceIndex.get_references_to(item).group_by_source_object():
                sites.add(_site_of(source, site_roots))
            if len(sites) == 1 and None not in sites:
                item.collection = collections[sites.pop()]
                item.save(update_fields=["collection"])
                moved += 1
    return moved
