"""The XML sitemap: every locale's tree of the current site, each URL with its hreflang alternates."""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.queries import visible


class LocalizedSitemap(Sitemap):
    """Wagtail's sitemap lists only the site's default-locale tree; this one lists all of them."""

    def items(self):
        site = self.get_wagtail_site()
        homes = Page.objects.filter(translation_key=site.root_page.translation_key)
        tree = Page.objects.none()
        for home in homes:
            tree |= Page.objects.descendant_of(home, inclusive=True)
        return visible(tree).order_by("path").defer_streamfields().select_related("locale").specific()

    def _urls(self, page, protocol, domain):
        # Alternates come from the same sitemap page (50,000 URLs): translations sit next to each other.
        items = list(self.paginator.page(page).object_list)
        urls = []
        by_key = defaultdict(list)
        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                urls.append(url_info)
                by_key[item.translation_key].append((item.locale.language_code, url_info))
        default_language = settings.LANGUAGE_CODE
        for group in by_key.values():
            if len(group) < 2:
                continue
            alternates = [{"lang_code": code, "location": info["location"]} for code, info in group]
            default = next((alt for alt in alternates if alt["lang_code"] == default_language), None)
            if default:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            for _code, info in group:
                info["alternates"] = alternates
        last_mods = {info.get("lastmod") for info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
