"""Builders for commune sites. Kept small and explicit: each returns saved, published objects."""

from dataclasses import dataclass

from wagtail.models import Locale, Page, Site

from core.demo import publish
from core.models import CommuneProfile, PortalSettings
from core.signals import bump_for_page
from home.models import HomePage


@dataclass
class Commune:
    site: Site
    home: HomePage
    profile: CommuneProfile


def vi():
    return Locale.objects.get_or_create(language_code="vi")[0]


def en():
    return Locale.objects.get_or_create(language_code="en")[0]


def make_commune(slug, hostname, default=False, name=None, phone="0269 000 000"):
    name = name or f"Xã {slug}"
    home = HomePage(title="Trang chủ", slug=slug, locale=vi())
    Page.get_first_root_node().add_child(instance=home)
    publish(home)
    if default:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    site = Site.objects.create(hostname=hostname, port=80, root_page=home, is_default_site=default, site_name=name)
    profile = CommuneProfile.objects.create(
        site=site,
        locale=vi(),
        unit_name=f"Ủy ban nhân dân {name}",
        portal_name=f"Cổng thông tin điện tử {name}",
        responsible_person=f"Chủ tịch {name}",
        address=f"Trụ sở {name}",
    )
    settings = PortalSettings.for_site(site)
    settings.phone = phone
    settings.email = f"ubnd@{hostname}"
    settings.save()
    return Commune(site=site, home=home, profile=profile)


def add_page(parent, page):
    """Create `page` live. Creating is not publishing (no revision, no signal: much faster in volume), so
    tell the site's caches about the new page the way a publish would."""
    parent.add_child(instance=page)
    publish(page)
    bump_for_page(page)
    return page


def url_of(page):
    """The page's path on its own site (page.url is absolute once there are several sites)."""
    return page.get_url(current_site=page.get_site())
