"""Admin reports: sign-in lockouts and dormant accounts (unlock), and each commune's security log (CSV)."""

import csv

from axes.models import AccessAttempt
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Site

from . import audit, dormancy
from .communes import administered_site_ids
from .throttle import retry_after_seconds

AUDIT_ROWS_SHOWN = 200


def can_manage_accounts(user):
    return user.is_superuser or user.has_perm("auth.change_user")


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/lockouts.html"
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_accounts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        since = timezone.now() - timezone.timedelta(seconds=retry_after_seconds())
        attempts = AccessAttempt.objects.filter(attempt_time__gte=since).order_by("-attempt_time")[:500]
        return super().get_context_data(
            attempts=attempts, dormant=dormancy.dormant_users()[:500], days=dormancy.lock_days(), **kwargs
        )

    def post(self, request):
        if "attempt" in request.POST:
            attempt = get_object_or_404(AccessAttempt, pk=request.POST["attempt"])
            AccessAttempt.objects.filter(Q(username=attempt.username) | Q(ip_address=attempt.ip_address)).delete()
            audit.log_account_event(
                audit.UNLOCKED,
                request,
                user=audit.find_user(attempt.username),
                username=attempt.username,
                actor=request.user,
                detail=attempt.ip_address,
            )
            messages.success(request, _("The sign-in lockout of “%(name)s” is lifted.") % {"name": attempt.username})
        elif "user" in request.POST:
            user = get_object_or_404(get_user_model(), pk=request.POST["user"])
            dormancy.unlock(user)
            audit.log_account_event(audit.UNLOCKED, request, user=user, actor=request.user)
            messages.success(request, _("The account “%(name)s” is unlocked.") % {"name": user.get_username()})
        return redirect("accounts_lockouts")


def site_entries(site):
    """The commune's security log: account events logged against the site, and its pages' history."""
    account_entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Site), object_id=str(site.pk), action__in=audit.ACTIONS
    )
    homes = Page.objects.filter(translation_key=site.root_page.translation_key)
    tree = Q()
    for home in homes:
        tree |= Q(page__path__startswith=home.path)
    page_entries = PageLogEntry.objects.filter(tree) if homes else PageLogEntry.objects.none()
    return account_entries.select_related("user"), page_entries.select_related("user", "page")


def merged(account_entries, page_entries, limit=None):
    rows = sorted(
        [*account_entries.order_by("-timestamp")[:limit], *page_entries.order_by("-timestamp")[:limit]],
        key=lambda entry: entry.timestamp,
        reverse=True,
    )
    return rows[:limit] if limit else rows


def describe(entry):
    formatter = log_registry.get_formatter(entry)
    try:
        message = formatter.format_message(entry) if formatter else entry.action
    except Exception:  # a formatter of an app that is gone, or data from an older version
        message = entry.action
    return {
        "timestamp": timezone.localtime(entry.timestamp),
        "action": entry.action,
        "message": str(message),
        "user": entry.user.get_username() if entry.user_id and entry.user else "",
        "object": entry.label,
        "ip": (entry.data or {}).get("ip", ""),
    }


class AuditLogView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/audit_log.html"
    page_title = gettext_lazy("Security log")
    header_icon = "history"

    def dispatch(self, request, *args, **kwargs):
        self.sites = list(Site.objects.filter(pk__in=administered_site_ids(request.user)).order_by("site_name"))
        if not self.sites:
            raise PermissionDenied
        chosen = request.GET.get("site", "")
        self.site = next((site for site in self.sites if str(site.pk) == chosen), self.sites[0])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        rows = [describe(entry) for entry in merged(*site_entries(self.site), limit=AUDIT_ROWS_SHOWN)]
        return super().get_context_data(sites=self.sites, site=self.site, rows=rows, **kwargs)

    def csv_response(self):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"nhat-ky-bao-mat-site-{self.site.pk}-{timezone.localdate():%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "no-store"
        response.write("\ufeff")  # so spreadsheet programs read UTF-8 (Vietnamese) correctly
        writer = csv.writer(response)
        writer.writerow(["timestamp", "action", "message", "user", "object", "ip"])
        for entry in merged(*site_entries(self.site)):
            row = describe(entry)
            writer.writerow(
                [row["timestamp"].isoformat(), row["action"], row["message"], row["user"], row["object"], row["ip"]]
            )
        return response
