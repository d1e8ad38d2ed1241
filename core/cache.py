"""Per-site cache generations: widgets key their output on the site's generation, and publishing
anything on a site bumps it, so every widget of that site (in every locale) is fresh at once."""

import logging

from django.core.cache import cache
from django.utils.translation import get_language

logger = logging.getLogger("portal.cache")

GENERATION_KEY = "site-generation:{site_id}"


def site_generation(site_id):
    key = GENERATION_KEY.format(site_id=site_id)
    try:
        generation = cache.get(key)
        if generation is None:
            generation = 1
            cache.add(key, generation, timeout=None)
        return generation
    except Exception:  # cache server down: render uncached rather than fail
        logger.exception("cache unavailable while reading site generation")
        return None


def bump_site_generation(site_id):
    key = GENERATION_KEY.format(site_id=site_id)
    try:
        try:
            cache.incr(key)
        except ValueError:  # key missing: any new value differs from cached fragments' keys
            cache.set(key, 2, timeout=None)
    except Exception:
        logger.exception("cache unavailable while bumping site generation")


def widget_key(site_id, name, *parts):
    """Cache key for a widget on one site in the active language, or None if caching is off."""
    generation = site_generation(site_id)
    if generation is None:
        return None
    suffix = ":".join(str(part) for part in parts)
    return f"widget:{site_id}:{generation}:{get_language()}:{name}:{suffix}"


def cached(site_id, name, parts, compute, timeout=600):
    """Return compute() through the site's widget cache; degrade to compute() if the cache fails."""
    key = widget_key(site_id, name, *parts)
    if key is None:
        return compute()
    try:
        value = cache.get(key)
    except Exception:
        logger.exception("cache unavailable while reading %s", key)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.exception("cache unavailable while writing %s", key)
    return value
