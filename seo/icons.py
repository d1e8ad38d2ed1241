"""The commune's icons (favicon, touch icon, web app manifest icons): renditions of its emblem when one is
set in the portal settings, else the emblem shipped with the portal."""

import logging

from django.templatetags.static import static

from core.cache import cached
from core.models import PortalSettings

logger = logging.getLogger("portal.seo")

# name -> (rendition filter, size, shipped default)
ICONS = {
    "favicon": ("fill-48x48|format-png", 48, "seo/favicon.ico"),
    "apple_touch_icon": ("fill-180x180|format-png", 180, "seo/apple-touch-icon.png"),
    "icon_192": ("fill-192x192|format-png", 192, "seo/icon-192.png"),
    "icon_512": ("fill-512x512|format-png", 512, "seo/icon-512.png"),
}
MASKABLE_ICON = "seo/icon-maskable-512.png"


def _emblem_urls(logo):
    if logo.is_svg():  # vector emblems are not rasterised: browsers take the SVG itself as an icon
        return {name: logo.file.url for name in ICONS if name != "apple_touch_icon"}
    urls = {}
    for name, (spec, _size, _default) in ICONS.items():
        try:
            urls[name] = logo.get_rendition(spec).url
        except Exception:  # a missing or unreadable file: the shipped icon is better than a 404
            logger.warning("no %s rendition of emblem %s", name, logo.pk, exc_info=True)
    return urls


def _site_icons(site):
    logo = PortalSettings.for_site(site).logo
    found = _emblem_urls(logo) if logo is not None else {}
    icons = {}
    for name, (_spec, size, default) in ICONS.items():
        url = found.get(name) or static(default)
        kind = "image/svg+xml" if url.endswith(".svg") else ("image/x-icon" if url.endswith(".ico") else "image/png")
        icons[name] = {"url": url, "size": size, "type": kind, "from_emblem": name in found}
    return icons


def site_icons(site):
    """{name: {url, size, type, from_emblem}}, cached per site generation (saving the settings bumps it)."""
    return cached(site.id, "site-icons", [], lambda: _site_icons(site))


def manifest_icons(site):
    icons = site_icons(site)
    entries = [
        {
            "src": icons[name]["url"],
            "sizes": "any" if icons[name]["type"] == "image/svg+xml" else f"{size}x{size}",
            "type": icons[name]["type"],
        }
        for name, size in (("icon_192", 192), ("icon_512", 512))
    ]
    entries.append({"src": static(MASKABLE_ICON), "sizes": "512x512", "type": "image/png", "purpose": "maskable"})
    return entries
