"""Invalidation is declared in core/invalidation.py (REGISTRY); this connects it when core is ready."""

from .invalidation import connect

connect()


def bump_for_page(page):
    """Invalidate the page's site (on commit); kept for callers that changed a page behind Wagtail's back."""
    from .invalidation import invalidate_page

    invalidate_page(page)
