"""Where the production middleware goes in the base stack (used by production settings and tests)."""

CSP = "pagecache.csp.ContentSecurityPolicyMiddleware"
PAGE_CACHE = "pagecache.middleware.PageCacheMiddleware"


def with_production_middleware(middleware):
    """CSP outermost (it also covers cache hits); the page cache right after WhiteNoise, so hits skip the
    session/CSRF/auth/messages middleware and stores see their cookies. (Sign-in throttling: accounts/.)"""
    result = [name for name in middleware if name not in (CSP, PAGE_CACHE)]
    result.insert(result.index("django.middleware.security.SecurityMiddleware") + 1, CSP)
    result.insert(result.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1, PAGE_CACHE)
    return result
