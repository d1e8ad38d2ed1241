"""The editors' view of satisfaction ratings: count, average and distribution per rated item, per site."""

from collections import defaultdict

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, Site

from core.permissions import site_ids_for_user

from .models import Rating


def rating_summary(site_ids):
    """Rows sorted by site and number of votes, in three queries whatever the number of votes."""
    counts = (
        Rating.objects.counted()
        .filter(site_id__in=site_ids)
        .values("site_id", "item", "score")
        .annotate(votes=Count("id"))
        .order_by()
    )
    grouped = defaultdict(lambda: [0] * 5)
    for row in counts:
        grouped[(row["site_id"], row["item"])][row["score"] - 1] += row["votes"]
    page_ids = [int(item[5:]) for _, item in grouped if item.startswith("page:")]
    titles = dict(Page.objects.filter(pk__in=page_ids).values_list("id", "title"))
    sites = dict(Site.objects.filter(pk__in=site_ids).values_list("id", "site_name"))
    rows = []
    for (site_id, item), distribution in grouped.items():
        total = sum(distribution)
        if item == "portal":
            label = _("The whole portal")
        else:
            label = titles.get(int(item[5:]), _("Deleted page #%(id)s") % {"id": item[5:]})
        rows.append(
            {
                "site": sites.get(site_id, site_id),
                "item": label,
                "votes": total,
                "average": sum((score + 1) * n for score, n in enumerate(distribution)) / total,
                "distribution": [{"score": score + 1, "votes": n} for score, n in enumerate(distribution)],
            }
        )
    rows.sort(key=lambda row: (str(row["site"]), -row["votes"]))
    return rows


class RatingReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "feedback/admin/ratings_report.html"
    page_title = gettext_lazy("Satisfaction ratings")
    header_icon = "pick"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = rating_summary(site_ids_for_user(self.request.user))
        return context
