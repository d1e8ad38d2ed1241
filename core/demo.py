"""Demo content shared by every app: the communes (sites), their identity, home pages, locales.

Every step is get-or-create keyed on something stable (hostname, slug, title), so running
`load_demo` again changes nothing.
"""

import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from core.cache import bump_site_generation
from core.documents import file_media_by_site

from .models import CommuneProfile, PortalSettings

logger = logging.getLogger("portal.demo")

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "iako-demo-2026"  # local demo only; stated in README.md


@dataclass
class DemoCommune:
    key: str
    hostname: str
    port: int
    is_default: bool
    home_slug: str
    home_title: str
    profile: dict
    profile_en: dict
    settings: dict
    description: str = ""  # the home page's search description: every page without its own falls back to it
    description_en: str = ""
    # The address an older demo gave the site; moved to the local one above when found.
    old_address: tuple | None = None
    # A generated commune has a home, news and indicators only: enough for the province hub to compare.
    generated: bool = False
    # Filled while loading
    site: Site | None = None
    home: Page | None = None
    extras: dict = field(default_factory=dict)


# Each site answers on a host `make run` serves (runserver on 127.0.0.1:8000), so every absolute URL
# (canonical, hreflang, feeds, sitemap) works on the machine running the demo. Real hostnames:
# `manage.py set_site_address 127.0.0.1:8000 https://iako.gialai.gov.vn` (see README).
COMMUNES = [
    DemoCommune(
        key="ia-ko",
        hostname="127.0.0.1",
        port=8000,
        is_default=True,
        home_slug="ia-ko",
        home_title="Trang chủ",
        profile={
            "unit_name": "Ủy ban nhân dân xã Ia Ko",
            "portal_name": "Cổng thông tin điện tử xã Ia Ko",
            "parent_unit": "Tỉnh Gia Lai",
            "responsible_person": "Ông Võ Công Hòa – Phó Bí thư Đảng ủy, Chủ tịch UBND xã",
            "address": "Thôn Tứ Kỳ, xã Ia Ko, tỉnh Gia Lai",
        },
        profile_en={
            "unit_name": "People's Committee of Ia Ko commune",
            "portal_name": "Ia Ko commune information portal",
            "parent_unit": "Gia Lai province",
            "responsible_person": "Mr Võ Công Hòa – Deputy Party Secretary, Chairman of the People's Committee",
            "address": "Tứ Kỳ village, Ia Ko commune, Gia Lai province",
        },
        settings={"phone": "0269 3851 234", "email": "ubndiako@gialai.gov.vn"},
        description="Cổng thông tin điện tử xã Ia Ko, tỉnh Gia Lai: tin tức, văn bản, lịch công tác, các chỉ số, "
        "dịch vụ công trực tuyến và hỏi đáp của chính quyền xã.",
        description_en="The Ia Ko commune portal (Gia Lai province): news, documents, the work calendar, "
        "indicators, online public services and questions to the commune.",
        old_address=("iako.gialai.gov.vn", 80),
    ),
    DemoCommune(
        key="ia-pal",
        hostname="localhost",
        port=8000,
        is_default=False,
        home_slug="ia-pal",
        home_title="Trang chủ",
        profile={
            "unit_name": "Ủy ban nhân dân xã Ia Pal",
            "portal_name": "Cổng thông tin điện tử xã Ia Pal",
            "parent_unit": "Tỉnh Gia Lai",
            "responsible_person": "Bà Rah Lan H'Nhi – Chủ tịch UBND xã",
            "address": "Làng Tơ Ngheo, xã Ia Pal, tỉnh Gia Lai",
        },
        profile_en={
            "unit_name": "People's Committee of Ia Pal commune",
            "portal_name": "Ia Pal commune information portal",
            "parent_unit": "Gia Lai province",
            "responsible_person": "Ms Rah Lan H'Nhi – Chairwoman of the People's Committee",
            "address": "Tơ Ngheo village, Ia Pal commune, Gia Lai province",
        },
        settings={"phone": "0269 3852 567", "email": "ubndiapal@gialai.gov.vn"},
        description="Cổng thông tin điện tử xã Ia Pal, tỉnh Gia Lai: tin tức, văn bản, lịch công tác và dịch vụ "
        "công trực tuyến của chính quyền xã.",
        description_en="The Ia Pal commune portal (Gia Lai province): news, documents, the work calendar and "
        "online public services.",
    ),
]


def generated_commune(key, name, colour_phone):
    """A lighter commune of the province (home, news, indicators), on http://<key>.localhost:8000/."""
    host = key.replace("-", "")
    return DemoCommune(
        key=key,
        hostname=f"{host}.localhost",
        port=8000,
        is_default=False,
        home_slug=key,
        home_title="Trang chủ",
        profile={
            "unit_name": f"Ủy ban nhân dân xã {name}",
            "portal_name": f"Cổng thông tin điện tử xã {name}",
            "parent_unit": "Tỉnh Gia Lai",
            "address": f"Xã {name}, tỉnh Gia Lai",
        },
        profile_en={
            "unit_name": f"People's Committee of {name} commune",
            "portal_name": f"{name} commune information portal",
            "parent_unit": "Gia Lai province",
            "address": f"{name} commune, Gia Lai province",
        },
        settings={"phone": f"0269 38{colour_phone}", "email": f"ubnd{host}@gialai.gov.vn"},
        description=f"Cổng thông tin điện tử xã {name}, tỉnh Gia Lai: tin tức và các chỉ số của xã.",
        description_en=f"The {name} commune portal (Gia Lai province): news and the commune's indicators.",
        generated=True,
    )


# Real communes of Gia Lai, so the province hub's directory, comparison and search have more than two.
GENERATED_COMMUNES = [
    generated_commune("dak-po", "Đắk Pơ", "53 101"),
    generated_commune("chu-se", "Chư Sê", "54 202"),
    generated_commune("kbang", "Kbang", "55 303"),
]


def ensure_locales():
    locales = {}
    for code in ("vi", "en"):
        locales[code], _ = Locale.objects.get_or_create(language_code=code)
    return locales


def placeholder_image(title, colour=(165, 14, 36), size=(1200, 800)):
    """A generated JPEG in the Wagtail image library (get-or-create by title)."""
    ImageModel = get_image_model()
    existing = ImageModel.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    width, height = size
    for step in range(0, width, 40):  # soft diagonal stripes so renditions are not trivial
        draw.line([(step, 0), (step - height, height)], fill=tuple(min(255, c + 25) for c in colour), width=12)
    draw.ellipse([width // 2 - 120, height // 2 - 120, width // 2 + 120, height // 2 + 120], fill=(255, 205, 0))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:40]
    return ImageModel.objects.create(title=title, file=ImageFile(buffer, name=f"{slug}.jpg"))


def ensure_admin():
    User = get_user_model()
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create_superuser(ADMIN_USERNAME, "admin@example.invalid", ADMIN_PASSWORD)


def publish(page, user=None):
    """Publish the page's current state if it has unpublished changes (idempotent). A page created live
    is left as it is: load_all refreshes every site's caches once at the end instead."""
    if page.live and not page.has_unpublished_changes:
        return page
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def get_or_add_child(parent, model, slug, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page)


def translate_page(page, locale, **fields):
    """The page's translation in `locale`, created (with its parents) and published if missing."""
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    translated = page.copy_for_translation(locale, copy_parents=True, alias=False)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return publish(translated)


def home_page_model():
    """The page type of a commune's home (settings.PORTAL_HOME_PAGE_MODEL): core names no feature app."""
    from django.apps import apps
    from django.conf import settings

    return apps.get_model(settings.PORTAL_HOME_PAGE_MODEL)


def ensure_commune(commune, locales):
    HomePage = home_page_model()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(slug=commune.home_slug, depth=2).first()
    if home is None:
        home = HomePage(title=commune.home_title, slug=commune.home_slug, locale=locales["vi"])
        root.add_child(instance=home)
        publish(home)
    # Found by its home page: an operator may have given the site its real address (set_site_address).
    site = Site.objects.filter(root_page=home).first()
    if site is not None and commune.old_address and (site.hostname, site.port) == commune.old_address:
        site.hostname, site.port = commune.hostname, commune.port
        site.save()
    if site is None:
        site = Site.objects.create(
            hostname=commune.hostname,
            port=commune.port,
            root_page=home,
            is_default_site=False,
            site_name=commune.profile["portal_name"],
        )
    if commune.is_default and not site.is_default_site:
        Site.objects.filter(is_default_site=True).exclude(pk=site.pk).update(is_default_site=False)
        site.is_default_site = True
        site.save()
    profile = CommuneProfile.objects.filter(site=site, locale=locales["vi"]).first()
    if profile is None:
        profile = CommuneProfile.objects.create(site=site, locale=locales["vi"], **commune.profile)
    if not CommuneProfile.objects.filter(site=site, locale=locales["en"]).exists():
        translated = profile.copy_for_translation(locales["en"])
        for name, value in commune.profile_en.items():
            setattr(translated, name, value)
        translated.save()
    portal_settings = PortalSettings.for_site(site)
    if not portal_settings.phone:
        for name, value in commune.settings.items():
            setattr(portal_settings, name, value)
        portal_settings.save()
    describe(home, commune.description)
    describe(translate_page(home, locales["en"], title="Home"), commune.description_en)
    commune.site, commune.home = site, home
    return commune


def describe(page, description):
    """Give the page its search description (meta description, share previews) if it has none."""
    if description and not page.search_description:
        page.search_description = description
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def remove_wagtail_welcome_page():
    """Wagtail's initial migration leaves a 'Welcome' page and a localhost site; the demo replaces them."""
    HomePage = home_page_model()
    for page in Page.objects.filter(depth=2).exclude(content_type__model=HomePage._meta.model_name):
        if not HomePage.objects.filter(pk=page.pk).exists() and page.title.startswith("Welcome"):
            Site.objects.filter(root_page=page).delete()
            page.delete()


@transaction.atomic
def load_all(stdout=None):
    from django.core.management import call_command
    from wagtail.signal_handlers import disable_reference_index_auto_update

    # Wagtail updates an object's references on every save (a page is saved 3-4 times while it is made,
    # revised and published): index them once at the end instead, in a third of the time.
    with disable_reference_index_auto_update():
        communes = load_content(stdout)
    call_command("rebuild_references_index", verbosity=0)
    file_media_by_site()  # reads the reference index: only after it is rebuilt
    # Pages created live send no publish signal: refresh each site's cached widgets and routes once.
    for commune in communes:
        bump_site_generation(commune.site.pk)
    return communes


def load_content(stdout):
    from importlib import import_module

    from django.apps import apps

    locales = ensure_locales()
    ensure_admin()
    remove_wagtail_welcome_page()
    communes = [ensure_commune(commune, locales) for commune in COMMUNES + GENERATED_COMMUNES]
    full = [commune for commune in communes if not commune.generated]
    # Each app contributes its own demo content through <app>/demo.py: load(communes, locales); a module
    # with LOADS_GENERATED = True also gets the generated communes (commune.generated tells them apart).
    # "home" goes last: its widgets point at content the other apps create.
    app_configs = sorted(
        (config for config in apps.get_app_configs() if config.name != "core"), key=lambda c: c.name == "home"
    )
    for app_config in app_configs:
        try:
            module = import_module(f"{app_config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.demo":
                raise
            continue
        if stdout:
            stdout.write(f"  {app_config.name}")
        module.load(communes if getattr(module, "LOADS_GENERATED", False) else full, locales)
    return communes
