"""Admin requests of a signed-in user without the second factor go to the code (or enrolment) screen."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

from . import two_factor

# Reachable between the password and the second factor.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "accounts_2fa_verify",
    "accounts_2fa_enrol",
}


def guarded_prefixes():
    return (reverse("wagtailadmin_home"), "/django-admin/")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect = self.second_factor_redirect(request)
        return redirect or self.get_response(request)

    def second_factor_redirect(self, request):
        if not request.path_info.startswith(guarded_prefixes()):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        try:
            if resolve(request.path_info).url_name in OPEN_URL_NAMES:
                return None
        except Resolver404:
            return None
        if two_factor.has_device(user):
            target = "accounts_2fa_verify"
        elif two_factor.is_required(user):
            target = "accounts_2fa_enrol"
        else:
            return None
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(target)}?{query}")
