"""The editors' view of subscriptions: counts per commune for everyone with admin access; the addresses
only for holders of `subscriptions.view_subscriber_addresses`, and only of their own communes."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from core.permissions import site_ids_for_user

from .models import Frequency, Subscriber

ADDRESS_PERMISSION = "subscriptions.view_subscriber_addresses"


def counts_by_site(site_ids):
    """One row per site (even without subscribers), in two queries whatever the number of subscribers."""
    confirmed = Q(confirmed_at__isnull=False)
    aggregates = {
        "confirmed": Count("id", filter=confirmed),
        "pending": Count("id", filter=Q(confirmed_at__isnull=True)),
        **{value: Count("id", filter=confirmed & Q(frequency=value)) for value in Frequency.values},
        "news": Count("id", filter=confirmed & Q(news=True)),
        "consultations": Count("id", filter=confirmed & Q(consultations=True)),
        "events": Count("id", filter=confirmed & Q(events=True)),
    }
    rows = Subscriber.objects.filter(site_id__in=site_ids).values("site_id").annotate(**aggregates).order_by()
    by_site = {row["site_id"]: row for row in rows}
    empty = dict.fromkeys(aggregates, 0)
    sites = Site.objects.filter(pk__in=site_ids).order_by("site_name", "hostname")
    return [{"site": site, **by_site.get(site.pk, empty)} for site in sites]


class SubscriptionReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "subscriptions/admin/report.html"
    page_title = gettext_lazy("E-mail subscriptions")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = counts_by_site(site_ids_for_user(self.request.user))
        context["may_see_addresses"] = self.request.user.has_perm(ADDRESS_PERMISSION)
        return context


class SubscriberAddressesView(WagtailAdminTemplateMixin, ListView):
    """Addresses of the user's communes, 50 a page, in a fixed number of queries."""

    template_name = "subscriptions/admin/addresses.html"
    page_title = gettext_lazy("Subscribers' addresses")
    header_icon = "mail"
    paginate_by = 50
    context_object_name = "subscribers"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ADDRESS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            Subscriber.objects.filter(site_id__in=site_ids_for_user(self.request.user))
            .select_related("site")
            .annotate(category_count=Count("categories"))
            .order_by("site__site_name", "email")
        )
