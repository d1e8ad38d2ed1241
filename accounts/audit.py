"""Wagtail's audit log for accounts: sign-ins, failures, lockouts, second factors and permission changes.

Each entry is logged against the commune (Site) it concerns, once per commune: a user's events go to the
communes of their groups (or, for users without a commune, such as province admins, to the site whose
host they used, else the default site); a group's permission changes go to that group's communes. Site
admins export their commune's entries (accounts/reports.py). Entries carry the username and the client IP in
`data`, never a password.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, get_active_log_context, log
from wagtail.models import Site

from .communes import site_id_for_request, site_ids_for_group, site_ids_for_member
from .permission_words import in_words
from .throttle import client_ip

SIGN_IN = "accounts.sign_in"
SIGN_IN_FAILED = "accounts.sign_in_failed"
SIGN_IN_REFUSED_DORMANT = "accounts.sign_in_refused_dormant"
SIGN_OUT = "accounts.sign_out"
LOCKED_OUT = "accounts.locked_out"
UNLOCKED = "accounts.unlocked"
SECOND_FACTOR_OK = "accounts.two_factor_verified"
SECOND_FACTOR_FAILED = "accounts.two_factor_failed"
RECOVERY_CODE_USED = "accounts.recovery_code_used"
TWO_FACTOR_ENROLLED = "accounts.two_factor_enrolled"
TWO_FACTOR_REMOVED = "accounts.two_factor_removed"
GROUPS_CHANGED = "accounts.groups_changed"
GROUP_PERMISSIONS_CHANGED = "accounts.group_permissions_changed"
ACCOUNT_FLAGS_CHANGED = "accounts.account_flags_changed"

LABELS = {
    SIGN_IN: _("Sign-in"),
    SIGN_IN_FAILED: _("Failed sign-in"),
    SIGN_IN_REFUSED_DORMANT: _("Sign-in refused: account unused too long"),
    SIGN_OUT: _("Sign-out"),
    LOCKED_OUT: _("Sign-in locked out (too many failures)"),
    UNLOCKED: _("Account unlocked"),
    SECOND_FACTOR_OK: _("Two-step verification passed"),
    SECOND_FACTOR_FAILED: _("Wrong two-step verification code"),
    RECOVERY_CODE_USED: _("Recovery code used"),
    TWO_FACTOR_ENROLLED: _("Two-step verification set up"),
    TWO_FACTOR_REMOVED: _("Two-step verification removed"),
    GROUPS_CHANGED: _("Group membership changed"),
    GROUP_PERMISSIONS_CHANGED: _("Group permissions changed"),
    ACCOUNT_FLAGS_CHANGED: _("Account status changed"),
}
ACTIONS = tuple(LABELS)


class AccountLogFormatter(LogFormatter):
    def format_message(self, log_entry):
        data = log_entry.data or {}
        parts = [str(self.label)]
        if data.get("username"):
            parts.append(str(_("account: %(username)s")) % {"username": data["username"]})
        if data.get("group"):
            parts.append(str(_("group: %(group)s")) % {"group": data["group"]})
        if data.get("detail"):
            parts.append(in_words(data["detail"]) if log_entry.action == GROUP_PERMISSIONS_CHANGED else data["detail"])
        if data.get("ip"):
            parts.append(str(_("IP: %(ip)s")) % {"ip": data["ip"]})
        return " · ".join(parts)


def register_actions(actions):
    for action, label in LABELS.items():
        formatter = type(f"Formatter_{action.replace('.', '_')}", (AccountLogFormatter,), {"label": label})
        actions.register_action(action)(formatter)


def _sites(site_ids):
    return list(Site.objects.filter(pk__in=site_ids).order_by("pk"))


def _user_sites(user, request):
    """The communes of the user's groups; else the site of the request's host; else the default site."""
    site_ids = site_ids_for_member(user) if user is not None and user.pk else set()
    if not site_ids:
        request_site = site_id_for_request(request)
        site_ids = (
            {request_site}
            if request_site
            else set(Site.objects.filter(is_default_site=True).values_list("pk", flat=True))
        )
    return _sites(site_ids)


def log_account_event(action, request=None, user=None, username=None, actor=None, **data):
    """Log `action` about `user` (or an unknown `username`) on each of its communes."""
    entry_data = {"username": username or (user.get_username() if user else ""), **data}
    if request is not None:
        entry_data["ip"] = client_ip(request)
    actor = actor if actor is not None else (user if user is not None and user.pk else None)
    for site in _user_sites(user, request):
        log(site, action, user=actor, data=entry_data)


def log_group_event(action, group, actor=None, **data):
    actor = actor or get_active_log_context().user
    for site in _sites(site_ids_for_group(group)):
        log(site, action, user=actor, data={"group": group.name, **data})


def find_user(username):
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
