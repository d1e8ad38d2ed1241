"""What invalidates this app's cached output is declared in core/invalidation.py (REGISTRY): an indicator or
an observation refreshes its own site. Ranks are also computed across the communes sharing a code
(indicators/ranks.py), so one commune's figure moves its sisters' ranks: a change refreshes every site with an
indicator of that code too, on the same commit (one bump per site however many rows a CSV import writes)."""

from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from core.invalidation import invalidate_sites

from .models import Indicator, Observation


def _sister_sites(code, own_site_id, using):
    """Other sites with an indicator of this code (the own site is refreshed by the REGISTRY entry)."""
    sisters = Indicator.objects.using(using).filter(code=code).exclude(site_id=own_site_id)
    return sisters.values_list("site_id", flat=True).distinct()


@receiver(post_save, sender=Indicator, dispatch_uid="indicators-sisters-indicator-save")
@receiver(post_delete, sender=Indicator, dispatch_uid="indicators-sisters-indicator-delete")
def indicator_changed(sender, instance, using=DEFAULT_DB_ALIAS, raw=False, **kwargs):
    if not raw:
        invalidate_sites(_sister_sites(instance.code, instance.site_id, using), using)


@receiver(post_save, sender=Observation, dispatch_uid="indicators-sisters-observation-save")
@receiver(post_delete, sender=Observation, dispatch_uid="indicators-sisters-observation-delete")
def observation_changed(sender, instance, using=DEFAULT_DB_ALIAS, raw=False, **kwargs):
    if not raw:
        own = Indicator.objects.using(using).filter(pk=instance.indicator_id).values_list("code", "site_id").first()
        if own is not None:
            invalidate_sites(_sister_sites(*own, using), using)


def _sites_sharing_codes(site_ids, using):
    """Other sites with an indicator of a code that any of `site_ids` has."""
    codes = Indicator.objects.using(using).filter(site_id__in=site_ids).values("code")
    sisters = Indicator.objects.using(using).filter(code__in=codes).exclude(site_id__in=site_ids)
    return sisters.values_list("site_id", flat=True).distinct()


def _sites_of_home(home, using):
    """The sites rooted at `home` or at another language's copy of it (a commune's home is at depth 2)."""
    from wagtail.models import Site

    if home.depth != 2:
        return []
    return list(
        Site.objects.using(using).filter(root_page__translation_key=home.translation_key).values_list("pk", flat=True)
    )


# A commune's figures rank only while its home is visible: showing or hiding the home moves its sisters' ranks.
# Its own site is refreshed by core's page events; a home republished with no change of visibility refreshes
# no other site (pre_save notes whether the home was live before).
@receiver(pre_save, dispatch_uid="indicators-sisters-home-was-live")
def note_whether_home_was_live(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    if raw or not isinstance(instance, Page) or instance.depth != 2 or instance.pk is None:
        return
    instance._was_live = Page.objects.using(using).filter(pk=instance.pk).values_list("live", flat=True).first()


@receiver(page_published, dispatch_uid="indicators-sisters-home-published")
def home_published(sender, instance, **kwargs):
    if getattr(instance, "_was_live", True) is False:
        site_ids = _sites_of_home(instance, DEFAULT_DB_ALIAS)
        if site_ids:
            invalidate_sites(_sites_sharing_codes(site_ids, DEFAULT_DB_ALIAS))


@receiver(page_unpublished, dispatch_uid="indicators-sisters-home-unpublished")
def home_unpublished(sender, instance, **kwargs):
    site_ids = _sites_of_home(instance, DEFAULT_DB_ALIAS)
    if site_ids:
        invalidate_sites(_sites_sharing_codes(site_ids, DEFAULT_DB_ALIAS))


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="indicators-sisters-home-restricted")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="indicators-sisters-home-unrestricted")
def home_restricted(sender, instance, using=DEFAULT_DB_ALIAS, raw=False, **kwargs):
    page = Page.objects.using(using).filter(pk=instance.page_id).only("depth", "translation_key").first()
    site_ids = _sites_of_home(page, using) if page is not None and not raw else []
    if site_ids:
        invalidate_sites(_sites_sharing_codes(site_ids, using), using)
