"""Two-step verification screens: the code after the password, enrolment with a QR code, recovery codes."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import audit, two_factor
from .forms import CodeForm, EnrolForm

sign_in_first = login_required(login_url=reverse_lazy("wagtailadmin_login"))


def with_next(url_name, request):
    return f"{reverse(url_name)}?{urlencode({'next': next_url(request)})}"


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("code")
@sign_in_first
def verify(request):
    user = request.user
    if user.is_verified():
        return redirect(next_url(request))
    if not two_factor.has_device(user):
        return redirect(with_next("accounts_2fa_enrol", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = two_factor.remaining_recovery_codes(user)
                audit.log_account_event(audit.RECOVERY_CODE_USED, request, user=user, detail=f"{left}")
                messages.warning(
                    request,
                    _("You signed in with a recovery code; %(count)s left. Make new ones in your account settings.")
                    % {"count": left},
                )
            else:
                audit.log_account_event(audit.SECOND_FACTOR_OK, request, user=user)
            return redirect(next_url(request))
        audit.log_account_event(audit.SECOND_FACTOR_FAILED, request, user=user)
        form.add_error("code", _("This code is not valid (or has already been used). Try again."))
    return render(request, "accounts/two_factor/verify.html", {"form": form, "next": next_url(request)})


@never_cache
@sensitive_post_parameters("code")
@sign_in_first
def enrol(request):
    user = request.user
    if two_factor.has_device(user) and not user.is_verified():
        # A second authenticator needs the first one: a stolen password alone never enrols a new phone.
        return redirect(with_next("accounts_2fa_verify", request))
    device = two_factor.pending_authenticator(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.confirm_authenticator(device, form.cleaned_data["code"]):
            otp_login(request, device)
            codes = two_factor.new_recovery_codes(user)
            audit.log_account_event(audit.TWO_FACTOR_ENROLLED, request, user=user)
            return render(
                request, "accounts/two_factor/recovery_codes.html", {"codes": codes, "next": next_url(request)}
            )
        form.add_error("code", _("This code does not match. Check the time on your phone and try again."))
    context = {
        "form": form,
        "qr_svg": two_factor.qr_code_svg(device),
        "secret": two_factor.secret_for_manual_entry(device),
        "next": next_url(request),
        "required": two_factor.is_required(user),
    }
    return render(request, "accounts/two_factor/enrol.html", context)


class ManageView(WagtailAdminTemplateMixin, TemplateView):
    """Account settings -> Two-step verification: status, new recovery codes, turning it off if optional."""

    template_name = "accounts/two_factor/manage.html"
    page_title = gettext_lazy("Two-step verification")
    header_icon = "key"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            authenticator=two_factor.confirmed_authenticator(user),
            recovery_left=two_factor.remaining_recovery_codes(user),
            required=two_factor.is_required(user),
            **kwargs,
        )

    def post(self, request):
        user = request.user
        action = request.POST.get("action")
        if action == "recovery_codes" and two_factor.confirmed_authenticator(user):
            codes = two_factor.new_recovery_codes(user)
            return render(
                request,
                "accounts/two_factor/recovery_codes.html",
                {"codes": codes, "next": reverse("accounts_2fa_manage")},
            )
        if action == "remove" and not two_factor.is_required(user):
            two_factor.remove_devices(user)
            audit.log_account_event(audit.TWO_FACTOR_REMOVED, request, user=user)
            messages.success(request, _("Two-step verification is turned off for your account."))
        return redirect("accounts_2fa_manage")


manage = never_cache(ManageView.as_view())
