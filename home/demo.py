"""Demo home pages and sidebars: runs after the other apps, so the widgets point at their content."""

from .models import FeaturedNewsPin, SidebarSettings

LOADS_GENERATED = True  # every commune of the demo gets its home widgets

QUICK_LINKS = [
    {"label": "Dịch vụ công trực tuyến", "url": "https://dichvucong.gov.vn/", "icon": "services"},
    {"label": "Dịch vụ công tỉnh Gia Lai", "url": "https://dichvucong.gialai.gov.vn/", "icon": "document"},
    {"label": "Cổng Dịch vụ công Bộ Công an", "url": "https://dichvucong.bocongan.gov.vn/", "icon": "services"},
]


def indicators_have_data(site):
    """The indicators widget goes in only if the commune has indicators to show."""
    from indicators.models import Indicator

    return Indicator.objects.filter(site=site).exists()


def home_blocks(commune):
    news_index = commune.extras.get("news_index")
    blocks = [
        (
            "announcement",
            {
                "title": "Thông báo",
                "text": "<p>Bộ phận Một cửa xã tiếp nhận hồ sơ từ thứ Hai đến thứ Sáu, sáng 7 giờ – 11 giờ 30, "
                "chiều 13 giờ 30 – 17 giờ. Người dân có thể nộp hồ sơ trực tuyến tại Cổng Dịch vụ công quốc gia.</p>",
                "importance": "info",
                "link_label": "Nộp hồ sơ trực tuyến",
                "link_url": "https://dichvucong.gov.vn/",
            },
        ),
        ("featured_news", {"count": 4, "show_images": True}),
        ("latest_news", {"sections": [news_index.id] if news_index else [], "count": 6}),
    ]
    if indicators_have_data(commune.site):
        blocks.append(("indicators", {"count": 4, "indicators": []}))
    if not commune.generated:  # a generated commune has no documents, calendar, consultations or events
        blocks.append(("latest_documents", {"heading": "", "count": 5}))
        blocks.append(("today_calendar", {"heading": ""}))
        blocks.append(("open_consultations", {"title": "", "count": 3}))
        blocks.append(("upcoming_events", {"title": "", "count": 4}))
    links = list(QUICK_LINKS)
    if news_index:
        links.append({"label": news_index.title, "page": news_index.id, "url": "", "icon": "document"})
    blocks.append(("quick_links", {"title": "Dịch vụ công trực tuyến", "links": links}))
    return [{"type": name, "value": value} for name, value in blocks]


def sidebar_blocks(site):
    """Like the seed article's page: "Các chỉ số", then "Tin nổi bật"."""
    blocks = []
    if indicators_have_data(site):
        blocks.append({"type": "indicators", "value": {"count": 4, "indicators": []}})
    blocks.append({"type": "featured_news", "value": {"count": 5, "show_images": True}})
    return blocks


def compose_home(home, body, pinned):
    """Give the home page its widgets and pins once; an editor's later changes are kept."""
    if home.body or home.featured_pins.exists():
        return home
    home.body = body
    # The home body already carries the sidebar's widgets: showing both would repeat every heading.
    home.show_sidebar = False
    for position, article in enumerate(pinned):
        home.featured_pins.add(FeaturedNewsPin(article=article, sort_order=position))
    home.save_revision().publish()
    home.refresh_from_db()
    return home


def load(communes, locales):
    for commune in communes:
        home = commune.home.specific
        seed = commune.extras.get("seed_article")
        pinned = [seed] if seed else []
        pinned += [article for article in commune.extras.get("pinned_articles", []) if article not in pinned]
        compose_home(home, home_blocks(commune), pinned)
        translated = home.get_translation_or_none(locales["en"])
        if translated is not None:
            # wagtail-localize copies StreamFields on translation; the demo copies the same blocks.
            compose_home(translated.specific, home_blocks(commune), pinned)
        sidebar = SidebarSettings.for_site(commune.site)
        if not sidebar.widgets:
            sidebar.widgets = sidebar_blocks(commune.site)
            sidebar.save()
