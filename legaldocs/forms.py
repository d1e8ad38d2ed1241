"""The documents list's filter form: every value comes from GET and is validated, bad ones are ignored."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import DocumentType


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    type = forms.ChoiceField(label=pgettext_lazy("legal document", "Type"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    field = forms.ChoiceField(label=pgettext_lazy("legal document", "Field"), required=False)
    issuer = forms.ChoiceField(label=_("Issuing body"), required=False)

    def __init__(self, data=None, *, documents):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["type"].choices = everything + list(DocumentType.choices)
        years = [str(day.year) for day in documents.dates("issue_date", "year", order="DESC")]
        self.fields["year"].choices = everything + [(year, year) for year in years]
        fields = documents.exclude(field="").order_by("field").values_list("field", flat=True).distinct()
        self.fields["field"].choices = everything + [(value, value) for value in fields]
        issuers = documents.order_by("issuer").values_list("issuer", flat=True).distinct()
        self.fields["issuer"].choices = everything + [(value, value) for value in issuers]

    def filters(self):
        """The valid filters only: a forged value in one field never breaks the others."""
        cleaned = self.cleaned_data if self.is_bound and self.is_valid() else getattr(self, "cleaned_data", {})
        return {
            "query": cleaned.get("q") or "",
            "doc_type": cleaned.get("type") or "",
            "year": cleaned.get("year"),
            "field": cleaned.get("field") or "",
            "issuer": cleaned.get("issuer") or "",
        }

    def query_string(self):
        """The active filters for pagination links (without page)."""
        filters = self.filters()
        pairs = {
            "q": filters["query"],
            "type": filters["doc_type"],
            "year": filters["year"] or "",
            "field": filters["field"],
            "issuer": filters["issuer"],
        }
        return urlencode({key: value for key, value in pairs.items() if value})
