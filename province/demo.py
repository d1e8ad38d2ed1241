"""The demo's province hub: Gia Lai over the demo communes (Ia Ko, Ia Pal), on http://tinh.localhost:8000/
(browsers resolve every *.localhost name to this machine, so `make run` serves it as it is)."""

import datetime

from django.utils import timezone
from wagtail.models import Page, Site

from alerts.models import AlertBanner, Severity
from core.demo import publish, translate_page
from core.models import CommuneProfile

from .editors import load_demo_editor
from .models import ProvinceHomePage

HOSTNAME, PORT = "tinh.localhost", 8000
SLUG = "gia-lai"
ALERT_TITLE = "Dự báo mưa lớn diện rộng trên địa bàn tỉnh"


def load(communes, locales):
    home = ProvinceHomePage.objects.filter(slug=SLUG, depth=2).first()
    if home is None:
        home = ProvinceHomePage(
            title="Tỉnh Gia Lai",
            slug=SLUG,
            locale=locales["vi"],
            intro="Cổng thông tin của tỉnh Gia Lai: các xã, phường và tin tức mới nhất của từng xã.",
        )
        Page.get_first_root_node().add_child(instance=home)
        publish(home)
    translate_page(
        home,
        locales["en"],
        title="Gia Lai province",
        intro="The Gia Lai province portal: its communes and the newest news of each of them.",
    )
    # Found by its home page: an operator may have moved it to its real address (set_site_address).
    site = Site.objects.filter(root_page=home).first() or Site.objects.create(
        hostname=HOSTNAME, port=PORT, root_page=home, is_default_site=False, site_name="Cổng thông tin tỉnh Gia Lai"
    )
    profile = CommuneProfile.objects.filter(site=site, locale=locales["vi"]).first()
    if profile is None:
        profile = CommuneProfile.objects.create(
            site=site,
            locale=locales["vi"],
            unit_name="Ủy ban nhân dân tỉnh Gia Lai",
            portal_name="Cổng thông tin điện tử tỉnh Gia Lai",
            address="Thành phố Pleiku, tỉnh Gia Lai",
        )
    if not CommuneProfile.objects.filter(site=site, locale=locales["en"]).exists():
        translated = profile.copy_for_translation(locales["en"])
        translated.unit_name = "People's Committee of Gia Lai province"
        translated.portal_name = "Gia Lai province information portal"
        translated.address = "Pleiku city, Gia Lai province"
        translated.save()
    load_demo_editor(site)  # the province editors group and its demo account (province/editors.py)
    load_province_wide_alert(site, locales)


def load_province_wide_alert(site, locales):
    """A weather warning of the province shown on every commune's site (alerts' show_on_communes)."""
    if AlertBanner.objects.filter(site=site, title=ALERT_TITLE).exists():
        return
    now = timezone.now()
    alert = AlertBanner.objects.create(
        site=site,
        locale=locales["vi"],
        title=ALERT_TITLE,
        message=(
            "Từ nay đến hết tuần, mưa to đến rất to ở các xã phía đông; người dân không qua suối, tràn khi nước lên."
        ),
        severity=Severity.INFO,
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(days=5),
        show_on_communes=True,
    )
    english = alert.copy_for_translation(locales["en"])
    english.title = "Heavy rain forecast across the province"
    english.message = (
        "Heavy to very heavy rain in the eastern communes this week; do not cross streams when water rises."
    )
    english.save()
