"""Fixed, language-independent addresses (robots.txt, /.well-known/security.txt, the manifest, icons)."""

from django.urls import path

from . import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("manifest.webmanifest", views.manifest, name="web_manifest"),
    path("favicon.ico", views.icon, {"name": "favicon"}, name="favicon"),
    path("apple-touch-icon.png", views.icon, {"name": "apple_touch_icon"}, name="apple_touch_icon"),
    path("apple-touch-icon-precomposed.png", views.icon, {"name": "apple_touch_icon"}),
]
