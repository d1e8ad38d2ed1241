"""Sign-in throttle on django-axes: 5 failures per account on one IP, 50 per IP, within 15 minutes.

Counters are AccessAttempt rows in the database, shared by every app process and out of reach of cache
eviction or a Redis flush. Locked-out sign-ins get a translated 429 page with Retry-After, even with the
right password. Lockouts are listed and lifted in the admin (Reports -> Sign-in lockouts).
"""

import logging

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render

from core.spam import client_ip as request_client_ip

logger = logging.getLogger("portal.security")


def client_ip(request):
    """AXES_CLIENT_IP_CALLABLE: the address the reverse proxy reports (LOGIN_THROTTLE_IP_HEADER)."""
    return request_client_ip(request) or "0.0.0.0"


def retry_after_seconds(request=None):
    cool_off = get_cool_off(request)
    return int(cool_off.total_seconds()) if cool_off else 0


class SignInThrottleHandler(AxesDatabaseHandler):
    """Two limits with one axes threshold.

    AXES_LOCKOUT_PARAMETERS is [[username, ip_address], ip_address]; axes compares one number with
    AXES_FAILURE_LIMIT, so the per-IP count is expressed in units of the per-account limit
    (50 failures from one IP count as 5). A successful sign-in clears only that account's own counter on
    that IP: signing in to one's own account must not wipe what an IP did against other accounts.
    """

    def get_failures(self, request, credentials=None):
        per_account, per_ip = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        limit = get_failure_limit(request, credentials)
        ip_limit = getattr(settings, "ACCOUNTS_FAILURES_PER_IP", 50)
        return max(per_account, per_ip * limit // ip_limit)

    def reset_user_attempts(self, request, credentials=None):
        account_attempts = self.filter_user_attempts(request, credentials)[0]
        count, _ = account_attempts.delete()
        return count


def lockout_response(request, response=None, credentials=None, *args, **kwargs):
    """AXES_LOCKOUT_CALLABLE: the translated "too many attempts" page."""
    seconds = retry_after_seconds(request)
    logger.warning("sign-in locked out for %s", client_ip(request))
    page = render(
        request,
        "accounts/locked_out.html",
        {"minutes": max(1, seconds // 60)},
        status=429,
    )
    page["Retry-After"] = str(seconds)
    page["Cache-Control"] = "no-store"
    return page
