from django.db.models import Q
from wagtail import hooks

from .models import FeaturedNewsPin


@hooks.register("featured_article_keys")
def pinned_article_keys(home, today):
    """For news' "Featured news" widget: the articles pinned on this home page, still within their dates."""
    still_featured = Q(featured_until__isnull=True) | Q(featured_until__gte=today)
    pins = FeaturedNewsPin.objects.filter(page=home).filter(still_featured)
    return list(pins.order_by("sort_order").values_list("article__translation_key", flat=True))
