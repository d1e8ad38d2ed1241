"""The "today's work calendar" widget (lịch công tác hôm nay)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Site


def todays_entries(site, request=None):
    from .models import CalendarEntry, WorkCalendarPage

    page = WorkCalendarPage.objects.live().public().filter(path__startswith=site.root_page.path).first()
    entries = CalendarEntry.objects.filter(site=site, date=timezone.localdate())
    return {
        "calendar_url": page.localized.get_url(request) if page else "",
        "entries": [
            {
                "start": entry.start_time,
                "end": entry.end_time,
                "content": entry.content,
                "chair": entry.chair,
                "venue": entry.venue,
            }
            for entry in entries
        ],
    }


class TodayCalendarBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, help_text=_("Empty: “Today's work calendar”."))

    class Meta:
        icon = "date"
        label = _("Today's work calendar")
        template = "workcalendar/blocks/today.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        site = Site.find_for_request(request) if request else None
        if site is None:
            context["widget"] = {"calendar_url": "", "entries": []}
        else:
            context["widget"] = todays_entries(site, request)  # cached with the home widgets / sidebar (by day)
        context["today"] = timezone.localdate()
        return context
