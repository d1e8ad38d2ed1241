"""Content-Security-Policy header (Django 5.2 has none built in).

Public pages get a strict policy: scripts and styles only from our own files, no inline code. The Wagtail
admin renders inline scripts and styles, so its paths get a laxer policy that still forbids plugins,
foreign frames and foreign form targets. Policies are dicts of directives in settings, so production can
add an object-storage or CDN host without code changes.
"""

from django.conf import settings

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'self'", "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

ADMIN_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

DEFAULT_ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def render(policy):
    return "; ".join(f"{name} {' '.join(sources)}".strip() for name, sources in policy.items())


def policy_for(path):
    admin_prefixes = tuple(getattr(settings, "CSP_ADMIN_PREFIXES", DEFAULT_ADMIN_PREFIXES))
    if path.startswith(admin_prefixes):
        return render(getattr(settings, "CSP_ADMIN_POLICY", ADMIN_POLICY))
    return render(getattr(settings, "CSP_PUBLIC_POLICY", PUBLIC_POLICY))


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Content-Security-Policy"):  # a view may set a tighter one itself
            response["Content-Security-Policy"] = policy_for(request.path)
        return response
