"""What invalidates a site's caches: one declarative registry, fired after the transaction commits.

Every entry of REGISTRY names a model and which sites its rows are part of; saving or deleting a row
bumps those sites' generations (core/cache.py) once the surrounding transaction commits, and at most once
per site and transaction (a CSV import of 1,000 observations bumps its site once). Bumping on commit is
what makes a render racing with a publish harmless: whatever it read before the commit is stored under
the generation that the commit then retires.

Page events (publish, unpublish, slug change, move, delete) come from Wagtail's signals (connect()).
Things shared by every site (images, documents, tags, locales) bump the all-sites generation: one key.

To make a new model invalidate: add a line here. Inside a test case's wrapping transaction (which never
commits) invalidation runs at once; tests/core/test_cache_contract.py checks the on-commit behaviour with
real transactions.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import post_delete, post_save

ALL = "all"  # every site (and the site list)


@dataclass(frozen=True)
class Entry:
    model: str  # "app_label.ModelName"
    sites: str  # "site_id" (a field of the row), ALL, "page" (the row's page_id), or "fk:<field>:<model>"
    on_create: bool = True  # False: a new row changes nothing visible (settings rows created on first read)
    why: str = field(default="", compare=False)


REGISTRY = [
    Entry("wagtailcore.Site", ALL, why="hostnames move hosts between sites; root pages change"),
    Entry("wagtailcore.PageViewRestriction", "page", why="a page made private is refused at once"),
    Entry("wagtailcore.Locale", ALL, why="language switcher, hreflang"),
    Entry("wagtailimages.Image", ALL, why="title, alt text, focal point, file in every fragment"),
    Entry("wagtaildocs.Document", ALL, why="document links and titles"),
    Entry("taggit.Tag", ALL, why="tag names in articles and listings"),
    Entry("core.PortalSettings", "site_id", on_create=False),  # for_site() creates it on a first read
    Entry("core.CommuneProfile", "site_id", why="header, footer, contact block"),
    Entry("home.SidebarSettings", "site_id", on_create=False),
    Entry("news.NewsCategory", "site_id", why="category names in articles, listings, feeds"),
    Entry("alerts.AlertBanner", "site_id"),
    Entry("legaldocs.LegalDocument", "site_id"),
    Entry("workcalendar.CalendarEntry", "site_id"),
    Entry("feedback.Question", "site_id", why="answered questions on the Q&A page"),
    Entry("indicators.Indicator", "site_id"),
    Entry("indicators.Observation", "fk:indicator_id:indicators.Indicator", why="charts and tables"),
]


class _Pending:
    """Sites to bump when one transaction commits (one per outermost transaction and database)."""

    def __init__(self):
        self.site_ids, self.all_sites, self.sites_for = set(), False, {}

    def __call__(self):
        from .cache import bump_all_sites_now, bump_site_generation_now
        from .routing import forget_sites_now

        if self.all_sites:
            forget_sites_now()
            bump_all_sites_now()
        site_ids = self.site_ids | aggregating_site_ids() if self.site_ids else set()
        for site_id in sorted(site_ids):
            bump_site_generation_now(site_id)


def aggregating_site_ids():
    """Sites whose pages show other sites' content (the province hub over its communes), refreshed whenever
    any site is. Apps name them through the `portal_aggregating_site_ids` Wagtail hook (no arguments, an
    iterable of site ids), so core imports none of them."""
    from wagtail import hooks

    site_ids = set()
    for hook in hooks.get_hooks("portal_aggregating_site_ids"):
        site_ids.update(hook())
    return site_ids


def _pending(using):
    """The pending bump of the open transaction, registered with on_commit on first use; None when the
    change should be applied at once (no transaction, or only a test case's wrapping one)."""
    connection = connections[using]
    if not connection.in_atomic_block or getattr(connection.atomic_blocks[0], "_from_testcase", False):
        return None  # a test case's transaction never commits: apply at once (tests of on-commit use real ones)
    for _, callback, _ in connection.run_on_commit:
        if isinstance(callback, _Pending):
            return callback
    pending = _Pending()
    transaction.on_commit(pending, using=using)
    return pending


def invalidate_sites(site_ids, using=DEFAULT_DB_ALIAS):
    pending = _pending(using)
    if pending is None:
        pending = _Pending()
        pending.site_ids.update(site_id for site_id in site_ids if site_id is not None)
        pending()
    else:
        pending.site_ids.update(site_id for site_id in site_ids if site_id is not None)


def invalidate_all_sites(using=DEFAULT_DB_ALIAS):
    pending = _pending(using)
    if pending is None:
        pending = _Pending()
        pending.all_sites = True
        pending()
    else:
        pending.all_sites = True


def _site_of_page(page_id, using):
    from wagtail.models import Page, Site

    page = Page.objects.using(using).filter(pk=page_id).only("path", "depth").first()
    if page is None:
        return None
    roots = Site.objects.using(using).select_related("root_page").only("id", "root_page__path")
    matches = [site for site in roots if page.path.startswith(site.root_page.path)]
    return max(matches, key=lambda site: len(site.root_page.path)).id if matches else None


def invalidate_page(page, using=DEFAULT_DB_ALIAS):
    """A page changed: its site, or every site if it belongs to none (being deleted, moved out)."""
    site_id = _site_of_page(page.pk, using)
    if site_id is None:
        invalidate_all_sites(using)
    else:
        invalidate_sites([site_id], using)


def _resolve(entry, instance, using):
    """Site ids of the row, or ALL."""
    if entry.sites == ALL:
        return ALL
    if entry.sites == "site_id":
        return [instance.site_id]
    if entry.sites == "page":
        site_id = _site_of_page(instance.page_id, using)
        return ALL if site_id is None else [site_id]
    _, attname, label = entry.sites.split(":")
    pending = _pending(using)
    memo = pending.sites_for if pending is not None else {}
    fk = getattr(instance, attname)
    if (label, fk) not in memo:
        model = apps.get_model(label)
        memo[(label, fk)] = model.objects.using(using).filter(pk=fk).values_list("site_id", flat=True).first()
    return [memo[(label, fk)]]


def _receiver(entry):
    def changed(sender, instance, created=False, using=DEFAULT_DB_ALIAS, raw=False, **kwargs):
        if raw or (created and not entry.on_create):
            return
        sites = _resolve(entry, instance, using)
        if sites == ALL:
            invalidate_all_sites(using)
        else:
            invalidate_sites(sites, using)

    return changed


_receivers = []  # strong references: the signal keeps weak ones


def connect():
    from wagtail.documents import get_document_model_string
    from wagtail.images import get_image_model_string
    from wagtail.models import Page
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    labels = {"wagtailimages.Image": get_image_model_string(), "wagtaildocs.Document": get_document_model_string()}
    for entry in REGISTRY:
        label = labels.get(entry.model, entry.model)
        try:
            model = apps.get_model(label)
        except LookupError:  # an app not installed in this deployment
            continue
        receiver = _receiver(entry)
        _receivers.append(receiver)
        post_save.connect(receiver, sender=model, dispatch_uid=f"portal-invalidate-save-{label}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"portal-invalidate-delete-{label}")

    def page_changed(sender, instance, **kwargs):
        invalidate_page(instance)

    def page_moved_or_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            invalidate_all_sites()  # a move can cross sites; a deleted page has no site any more

    _receivers.extend([page_changed, page_moved_or_deleted])
    for signal in (page_published, page_unpublished, page_slug_changed):
        signal.connect(page_changed, dispatch_uid=f"portal-invalidate-{id(signal)}")
    post_page_move.connect(page_moved_or_deleted, dispatch_uid="portal-invalidate-page-move")
    post_delete.connect(page_moved_or_deleted, dispatch_uid="portal-invalidate-page-delete")
