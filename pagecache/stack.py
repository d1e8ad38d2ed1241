"""Where the production middleware goes in the base stack (used by production settings and tests)."""

CSP = "pagecache.csp.ContentSecurityPolicyMiddleware"
PAGE_CACHE = "pagecache.middleware.PageCacheMiddleware"
THROTTLE = "pagecache.login_throttle.LoginThrottleMiddleware"


def with_production_middleware(middleware):
    """CSP outermost (it also covers cache hits); the page cache right after WhiteNoise, so hits skip the
    session/CSRF/auth/messages middleware and stores see their cookies; sign-in throttling after auth."""
    result = [name for name in middleware if name not in (CSP, PAGE_CACHE, THROTTLE)]
    result.insert(result.index("django.middleware.security.SecurityMiddleware") + 1, CSP)
    result.insert(result.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1, PAGE_CACHE)
    result.insert(result.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1, THROTTLE)
    return result
