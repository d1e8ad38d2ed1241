from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from core.permissions import site_ids_for_user

from .numbers import NumberFormat

NUMBER_FORMAT_CHOICES = [
    (NumberFormat.VIETNAMESE, _("Vietnamese: 1.234,5 (dot for thousands, comma for decimals)")),
    (NumberFormat.PLAIN, _("Plain: 1234.5 (no thousands separator, dot for decimals)")),
]


class SiteChoiceForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Commune (site)"), queryset=Site.objects.none())
    number_format = forms.ChoiceField(label=_("Number format"), choices=NUMBER_FORMAT_CHOICES, widget=forms.RadioSelect)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        sites = Site.objects.filter(id__in=site_ids_for_user(user)).order_by("site_name")
        self.fields["site"].queryset = sites
        if len(sites) == 1:
            self.fields["site"].initial = sites[0].pk


class ImportForm(SiteChoiceForm):
    file = forms.FileField(label=_("CSV file"), required=False)
    content = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)


class ExportForm(SiteChoiceForm):
    pass
