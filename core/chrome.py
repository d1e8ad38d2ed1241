"""The site chrome (header, menu, footer data) for the current site and language, cached.

Computed once per site generation and language, so a page view costs no queries for it.
"""

from dataclasses import dataclass, field

from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from .cache import cached
from .models import CommuneProfile, PortalSettings


@dataclass
class MenuItem:
    title: str
    url: str
    page_id: int


@dataclass
class Chrome:
    site_id: int
    home_url: str
    home_page_id: int | None
    profile: CommuneProfile | None
    settings: PortalSettings | None
    menu: list[MenuItem] = field(default_factory=list)
    search_url: str = ""  # the header search form's target; empty: the site search (search:search)
    subscriptions: bool = True  # the footer's "subscribe by e-mail" link (a home may publish no news of its own)


def localized_root(site):
    """The site's home page in the active language, or the default-language one."""
    root = site.root_page
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return root
    if root.locale_id == locale.id:
        return root
    translated = Page.objects.filter(translation_key=root.translation_key, locale=locale).live().first()
    return translated or root


def profile_for(site):
    profiles = {p.locale.language_code: p for p in CommuneProfile.objects.filter(site=site).select_related("locale")}
    return (
        profiles.get(get_language())
        or profiles.get(site.root_page.locale.language_code)
        or next(iter(profiles.values()), None)
    )


def build_chrome(site, request=None):
    home = localized_root(site)
    menu = [
        MenuItem(title=child.title, url=child.get_url(request), page_id=child.id)
        for child in home.get_children().live().public().in_menu().specific(defer=True)
    ]
    # A home whose sections are its own views (the province hub's routes) lists them itself.
    own_sections = getattr(home.specific_class, "menu_sections", None)
    if own_sections is not None:
        menu += [MenuItem(title, url, None) for title, url in own_sections(home.specific, request)]
    # A home with a search of its own (the province hub's search over all communes) names its URL.
    own_search = getattr(home.specific_class, "search_path", None)
    search_url = own_search(home.specific, request) if own_search is not None else ""
    return Chrome(
        site_id=site.id,
        home_url=home.get_url(request) or "/",
        home_page_id=home.id,
        profile=profile_for(site),
        settings=PortalSettings.for_site(site),
        menu=menu,
        search_url=search_url,
        subscriptions=getattr(home.specific_class, "offers_subscriptions", True),
    )


def get_chrome(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return cached(site.id, "chrome", [], lambda: build_chrome(site, request))
