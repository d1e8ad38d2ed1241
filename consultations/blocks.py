"""The "Lấy ý kiến dự thảo" widget: the site's consultations open for comments, closing soonest first."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Page

from core.widgets import WidgetBlock


def localized_root(site, locale):
    """The site's home page in `locale` (translated home pages are siblings of the default one), or None."""
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return Page.objects.filter(translation_key=root.translation_key, locale=locale).first()


def open_consultations(site, locale, count, now=None):
    """Up to `count` consultations open right now on this site in this language, and the index to list them all."""
    from .models import ConsultationIndexPage, ConsultationPage

    root = localized_root(site, locale)
    if root is None:
        return [], None
    now = now or timezone.now()
    pages = (
        ConsultationPage.objects.live()
        .public()
        .filter(locale=locale, path__startswith=root.path, opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at", "pk")
    )
    index = ConsultationIndexPage.objects.live().public().filter(locale=locale, path__startswith=root.path)
    return list(pages[:count]), index.order_by("path").first()


class OpenConsultationsBlock(WidgetBlock):
    """Drafts open for residents' comments, with the days left."""

    count = blocks.IntegerBlock(label=_("number of consultations"), default=3, min_value=1, max_value=10)

    default_title = _("Consultations on draft documents")

    class Meta:
        icon = "comment"
        label = _("Consultations on draft documents")
        template = "consultations/blocks/open_consultations.html"

    def widget_context(self, value, site, locale, parent_context):
        if not (site and locale):
            return {"consultations": [], "index": None}
        now = timezone.now()
        pages, index = open_consultations(site, locale, value["count"], now)
        return {"consultations": [(page, page.days_left(now)) for page in pages], "index": index}
