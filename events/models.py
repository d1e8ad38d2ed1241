"""Events (sự kiện): the events index (upcoming, past, by month, iCalendar feed) and the event page."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Site

from core.models import BasePage

PAGE_SIZE = 20
FEED_SIZE = 200
MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_month(value):
    """(first moment, first moment of the next month) for "2026-12" in the current time zone, else None."""
    match = MONTH.match(value or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 2000 <= year <= 2100:
        return None
    start = datetime.date(year, month, 1)
    end = datetime.date(year + (month == 12), month % 12 + 1, 1)
    tz = timezone.get_current_timezone()
    as_dt = lambda day: datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)  # noqa: E731
    return start, as_dt(start), as_dt(end)


def ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response


class EventIndexPage(RoutablePageMixin, BasePage):
    """Upcoming events (soonest first), past events (newest first), a month filter and an iCalendar feed."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    def serve(self, request, *args, **kwargs):
        return self.with_cache_headers(request, super().serve(request, *args, **kwargs))

    def events(self):
        return EventPage.objects.child_of(self).live().public().select_related("image")

    def months(self):
        """The months that have events, newest first, for the month filter."""
        return self.events().dates("starts_at", "month", order="DESC")

    def listing(self, request, past):
        now = timezone.now()
        events = self.events()
        month = parse_month(request.GET.get("month"))
        if month is not None:
            start, end = month[1], month[2]
            events = events.filter(starts_at__lt=end, ends_at__gte=start)
        if past:
            events = events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
        else:
            events = events.filter(ends_at__gte=now).order_by("starts_at", "pk")
        events = events.prefetch_related("image__renditions")
        page_obj = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "events": page_obj,
                "past": past,
                "month": month[0] if month else None,
                "months": list(self.months()),
                "query_string": f"month={request.GET['month']}" if month else "",
            },
        )

    @path("")
    def upcoming(self, request):
        return self.listing(request, past=False)

    @path("da-dien-ra/", name="past")
    def past(self, request):
        return self.listing(request, past=True)

    @path("lich/", name="ical")
    def ical(self, request):
        from .ical import calendar

        site = Site.find_for_request(request) or self.get_site()
        events = self.events().select_related("locale").order_by("-starts_at", "pk")[:FEED_SIZE]
        return ics_response(calendar(events, site, request, name=self.title), "su-kien.ics")


class EventPage(RoutablePageMixin, BasePage):
    summary = models.TextField(_("summary"))
    body = RichTextField(
        _("body"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "image"], blank=True
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates count; the times are not shown.")
    )
    venue = models.CharField(_("venue"), max_length=200, help_text=_("E.g. Hội trường UBND xã"))
    venue_address = models.CharField(_("venue address"), max_length=300, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("all_day")],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("venue_address")], heading=_("Where")),
        FieldPanel("organiser"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["starts_at"], name="event_starts_at")]

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end is before the start.")})

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at)

    @property
    def one_day(self):
        return self.local_start.date() == self.local_end.date()

    def serve(self, request, *args, **kwargs):
        return self.with_cache_headers(request, super().serve(request, *args, **kwargs))

    @path("")
    def event(self, request):
        return self.render(request)

    @path("them-vao-lich/", name="ical")
    def ical(self, request):
        from .ical import calendar

        site = Site.find_for_request(request) or self.get_site()
        return ics_response(calendar([self], site, request, name=self.title), f"{self.slug[:60]}.ics")
