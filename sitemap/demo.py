"""Demo: a "Sơ đồ cổng" page under each commune home (and its English translation)."""

from core.demo import get_or_add_child, translate_page

from .models import SitemapPage


def load(communes, locales):
    for commune in communes:
        page = get_or_add_child(
            commune.home,
            SitemapPage,
            "so-do-cong",
            title="Sơ đồ cổng",
            show_in_menus=True,
            show_sidebar=False,
            intro="Các chuyên mục của cổng thông tin điện tử xã.",
        )
        if "en" in locales:
            translate_page(page, locales["en"], title="Site map")
