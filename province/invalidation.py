"""Keep the province's cached pages fresh when any commune changes.

The province hub shows other sites' content (communes, their articles), but a change bumps the generation of
the site it belongs to, and the page cache keys each copy on its own site's generation. So the province
sites are named to core through the `portal_aggregating_site_ids` hook (province/wagtail_hooks.py): core's
invalidation then bumps them with any site, on the same commit. Caching stays on (the hub is the page every
commune links to), and a commune's new article shows on the next province view.
"""

import pickle

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Site

_memo = (None, [])  # (the site list it was read from, province site ids)


def province_site_ids():
    """Sites rooted at a province home. This runs on every commit that changes anything, so it reads core's
    cached site list (no query while it is current) and the database only while the cache is unavailable."""
    global _memo
    from core.routing import site_rows

    from .models import ProvinceHomePage

    content_type_id = ContentType.objects.get_for_model(ProvinceHomePage).pk  # memoised by Django
    rows = site_rows()
    if rows is None:
        return list(Site.objects.filter(root_page__content_type_id=content_type_id).values_list("pk", flat=True))
    if _memo[0] is not rows:
        sites = (pickle.loads(row[3]) for row in rows)
        _memo = (rows, [site.pk for site in sites if site.root_page.content_type_id == content_type_id])
    return _memo[1]
