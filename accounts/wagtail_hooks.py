from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import audit, views
from .communes import administered_site_ids
from .reports import AuditLogView, LockoutsView, can_manage_accounts


@hooks.register("register_admin_urls")
def account_urls():
    return [
        path("two-factor/verify/", views.verify, name="accounts_2fa_verify"),
        path("two-factor/setup/", views.enrol, name="accounts_2fa_enrol"),
        path("account/two-factor/", views.manage, name="accounts_2fa_manage"),
        path("reports/sign-in-lockouts/", LockoutsView.as_view(), name="accounts_lockouts"),
        path("reports/security-log/", AuditLogView.as_view(), name="accounts_audit_log"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_2fa_manage"),
        "label": _("Two-step verification"),
        "help_text": _("Codes from an app on your phone after your password, and recovery codes."),
    }


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_accounts(request.user)


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(administered_site_ids(request.user))


@hooks.register("register_reports_menu_item")
def lockouts_menu_item():
    return LockoutsMenuItem(_("Sign-in lockouts"), reverse("accounts_lockouts"), icon_name="lock", order=950)


@hooks.register("register_reports_menu_item")
def audit_log_menu_item():
    return AuditLogMenuItem(_("Security log"), reverse("accounts_audit_log"), icon_name="history", order=960)


@hooks.register("register_log_actions")
def account_log_actions(actions):
    audit.register_actions(actions)
