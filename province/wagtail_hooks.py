from wagtail import hooks

from .invalidation import province_site_ids


@hooks.register("portal_aggregating_site_ids")
def province_sites():
    """The province sites show every commune's content: core refreshes them with any site (core.invalidation)."""
    return province_site_ids()
