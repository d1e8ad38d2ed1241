"""The communes of the province: every other site whose home page a reader may see, in a fixed number of
queries whatever the number of communes."""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

from core.cache import cached_for_page_view
from core.models import CommuneProfile, PortalSettings
from core.queries import visible
from core.text import fold


@dataclass
class Commune:
    site: Site
    name: str
    url: str
    root_path: str  # the commune's home in the reader's language (its articles are below it)
    logo: object = None  # wagtail image or None (the shipped emblem is shown instead)
    search_text: str = ""  # folded names a reader may type: portal name, unit name ("xã Ia Ko"), site name
    home_url_path: str = "/"
    language_code: str = ""
    short_name: str = ""  # the name without the words every commune's name shares (tables and charts)

    def url_of(self, page):
        """The page's absolute URL on this commune's site, built as Wagtail builds it (language prefix and
        all), but without Wagtail's site root paths, which cost a query per site whenever they are not cached."""
        with translation.override(self.language_code):
            path = reverse("wagtail_serve", args=(page.url_path[len(self.home_url_path) :],))
        return self.site.root_url + path

    @property
    def slug(self):
        return self.site.root_page.slug


def _commune_home_type():
    """The page type of a commune's home (settings.PORTAL_HOME_PAGE_MODEL): a site rooted elsewhere (the
    province itself, Wagtail's welcome page) is no commune."""
    return ContentType.objects.get_for_model(apps.get_model(settings.PORTAL_HOME_PAGE_MODEL))


def visible_communes(locale=None):
    """Commune sites with a live, public home page in `locale`, by name, in a constant number of queries."""
    locale = locale or Locale.get_active()
    sites = list(Site.objects.select_related("root_page").filter(root_page__content_type=_commune_home_type()))
    keys = {site.root_page.translation_key: site for site in sites}
    homes = visible(Page.objects.filter(translation_key__in=keys, locale=locale, depth=2))
    home_by_site = {keys[home.translation_key].pk: home for home in homes}
    profiles = {}
    for profile in CommuneProfile.objects.filter(site__in=home_by_site).order_by("pk"):
        # The reader's language first, else any (the site's own language comes first by id).
        if profile.site_id not in profiles or profile.locale_id == locale.pk:
            profiles[profile.site_id] = profile
    logos = {
        row.site_id: row.logo
        for row in PortalSettings.objects.filter(site__in=home_by_site, logo__isnull=False)
        .select_related("logo")
        .prefetch_related("logo__renditions")
    }
    communes = []
    for site in sites:
        home = home_by_site.get(site.pk)
        if home is None:
            continue
        profile = profiles.get(site.pk)
        name = profile.portal_name if profile else (site.site_name or site.hostname)
        names = [name, profile.unit_name if profile else "", site.site_name or ""]
        commune = Commune(site, name, "", home.path, logos.get(site.pk), fold(" | ".join(names)), home.url_path)
        commune.language_code = locale.language_code
        commune.url = commune.url_of(home)
        communes.append(commune)
    communes = sorted(communes, key=lambda commune: fold(commune.name))
    for commune, short in zip(communes, short_names([commune.name for commune in communes]), strict=True):
        commune.short_name = short
    return communes


def province_communes(request, locale=None):
    """visible_communes() through the province site's cache. Its generation moves with any site's change
    (province/invalidation.py), so a commune published, hidden or renamed shows on the next view; until then
    the views that no page-cache copy answers (search, filters, feeds) skip rebuilding 100 communes."""
    locale = locale or Locale.get_active()
    return cached_for_page_view(request, "province-communes", [locale.pk], lambda: visible_communes(locale))


def short_names(names):
    """Each name without the leading and trailing words all of them share: "Cổng thông tin điện tử xã Ia Ko"
    and "... xã Kbang" give "Ia Ko" and "Kbang" ("Ia Ko commune portal" alike). Narrow phones and charts need
    the part that differs. A shared capitalised word is part of a place name ("Ia Ko", "Ia Pal" share "Ia"):
    it stays. A single commune keeps its full name."""
    words = [name.split() for name in names]
    if len(words) < 2:
        return list(names)

    def shared(lists):
        count = 0
        for column in zip(*lists, strict=False):
            if any(word != column[0] for word in column):
                break
            count += 1
        return count

    first = words[0]
    head = shared(words)
    while head and first[head - 1][:1].isupper():
        head -= 1
    tail = shared([list(reversed(split[head:])) for split in words])
    while tail and first[len(first) - tail][:1].isupper():
        tail -= 1
    return [" ".join(split[head : len(split) - tail]) or name for name, split in zip(names, words, strict=True)]


def matching(communes, query):
    """The communes whose name contains every word of `query`, diacritics and case ignored."""
    words = fold(query)[:100].split()
    return [commune for commune in communes if all(word in commune.search_text for word in words)]
