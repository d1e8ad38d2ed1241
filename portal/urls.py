from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import documents, routing
from search import views as search_views
from sitemap import views as sitemap_views

# Wagtail's document URLs with its serving view behind the commune and publication checks (same name).
reader_document_urls = [
    re_path(pattern.pattern.regex.pattern, documents.serve, name=pattern.name)
    if getattr(pattern, "name", None) == "wagtaildocs_serve"
    else pattern
    for pattern in wagtaildocs_urls.urlpatterns
]

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(reader_document_urls)),  # core/documents.py: own commune, public links only
    path("sitemap.xml", sitemap_views.sitemap, name="sitemap"),
    path("", include("seo.urls")),  # robots.txt, /.well-known/security.txt, manifest, icons
    path("reader-preferences/", include("accessibility.urls")),
    path("alerts/", include("alerts.urls")),
    path("rating/", include("feedback.urls")),
    path("open-data/", include("indicators.urls")),  # stable, language-independent URLs
]

# Django's own admin is not for editors (they use Wagtail's): off unless DJANGO_ADMIN_ENABLED is set.
if settings.DJANGO_ADMIN_ENABLED:
    urlpatterns.insert(0, path("django-admin/", admin.site.urls))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's own URLs, with its page-serving view swapped for one that looks the route up in the cache first
# (same pattern, same name, so reverse("wagtail_serve") and Page.url are unchanged).
reader_wagtail_urls = [
    re_path(pattern.pattern.regex.pattern, routing.serve, name=pattern.name)
    if getattr(pattern, "name", None) == "wagtail_serve"
    else pattern
    for pattern in wagtail_urls.urlpatterns
]

# Reader-facing URLs carry the language prefix (/en/, /jra/); Vietnamese has none.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("feeds/news/", include("news.urls")),
    path("dang-ky-nhan-tin/", include("subscriptions.urls")),  # e-mail subscriptions (subscriptions/)
    path("", include(reader_wagtail_urls)),
    prefix_default_language=False,
)
