"""The leaders' weekly work calendar (lịch công tác): entries owned by one site, shown a week at a time."""

import datetime
import re

from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Site

from core.models import BasePage
from core.permissions import SiteScopedForm

WEEK_PATTERN = re.compile(r"(\d{4})-W(\d{1,2})", re.ASCII)


class CalendarEntry(models.Model):
    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    content = models.TextField(_("content"), max_length=2000)
    chair = models.CharField(_("chaired by"), max_length=200, blank=True)
    participants = models.TextField(_("participants"), max_length=1000, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), max_length=1000, blank=True)

    base_form_class = SiteScopedForm
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("content"),
        FieldPanel("chair"),
        FieldPanel("participants"),
        FieldPanel("venue"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("work calendar entry")
        verbose_name_plural = _("work calendar entries")
        ordering = ["date", "start_time", "id"]
        indexes = [models.Index(fields=["site", "date", "start_time"], name="calendar_site_date")]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} – {self.content[:60]}"

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.end_time and self.start_time and self.end_time < self.start_time:
            raise ValidationError({"end_time": _("The end time is before the start time.")})


def parse_week(value, today=None):
    """Monday of the ISO week "2026-W48"; anything else (or an absurd year) gives the current week."""
    today = today or timezone.localdate()
    match = WEEK_PATTERN.fullmatch(value or "")
    if match:
        year, week = int(match.group(1)), int(match.group(2))
        if 2000 <= year <= 2100:
            try:
                return datetime.date.fromisocalendar(year, week, 1)
            except ValueError:
                pass
    return today - datetime.timedelta(days=today.weekday())


def week_param(monday):
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def entries_by_day(site, monday):
    """Seven (day, entries) pairs, Monday to Sunday, in one query."""
    sunday = monday + datetime.timedelta(days=6)
    days = {monday + datetime.timedelta(days=offset): [] for offset in range(7)}
    for entry in CalendarEntry.objects.filter(site=site, date__gte=monday, date__lte=sunday):
        days[entry.date].append(entry)
    return list(days.items())


class WorkCalendarPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    subpage_types = []

    class Meta:
        verbose_name = _("work calendar page")
        verbose_name_plural = _("work calendar pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        monday = parse_week(request.GET.get("week"), today)
        site = Site.find_for_request(request) or self.get_site()
        days = entries_by_day(site, monday)
        context.update(
            {
                "monday": monday,
                "sunday": monday + datetime.timedelta(days=6),
                "week_number": monday.isocalendar()[1],
                "days": days,
                "has_entries": any(entries for _, entries in days),
                "today": today,
                "previous_week": week_param(monday - datetime.timedelta(days=7)),
                "next_week": week_param(monday + datetime.timedelta(days=7)),
                "is_current_week": monday <= today <= monday + datetime.timedelta(days=6),
            }
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # "This week" changes at midnight on Monday: keep shared copies short.
        if "public" in response.get("Cache-Control", ""):
            patch_cache_control(response, max_age=60, s_maxage=120)
        return response
