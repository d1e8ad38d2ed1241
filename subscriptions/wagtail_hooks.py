from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import SubscriberAddressesView, SubscriptionReportView


@hooks.register("register_admin_urls")
def subscription_report_urls():
    return [
        path("reports/subscriptions/", SubscriptionReportView.as_view(), name="subscriptions_report"),
        path("reports/subscriptions/addresses/", SubscriberAddressesView.as_view(), name="subscriptions_addresses"),
    ]


@hooks.register("register_reports_menu_item")
def subscription_report_menu_item():
    return MenuItem(_("E-mail subscriptions"), reverse("subscriptions_report"), icon_name="mail", order=910)


@hooks.register("register_permissions")
def address_permission():
    # Offered in Settings → Groups, so a commune can name who may read its subscribers' addresses.
    return Permission.objects.filter(content_type__app_label="subscriptions", codename="view_subscriber_addresses")
