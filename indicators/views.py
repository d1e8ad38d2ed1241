"""Admin CSV import/export of observations, and the public open-data files."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.models import Locale, Site

from core.permissions import site_ids_for_user

from . import csvio
from .forms import ExportForm, ImportForm
from .models import Indicator, Observation
from .numbers import NumberFormat, write_number

IMPORT_PERMISSIONS = ("indicators.add_observation", "indicators.change_observation")


def _check_site(request, form):
    """403 for a site the user does not manage (a forged POST): the form only offers their own."""
    site_id = form.data.get(form.add_prefix("site"))
    if site_id and str(site_id).isdigit() and int(site_id) not in site_ids_for_user(request.user):
        raise PermissionDenied


def import_observations(request):
    if not request.user.has_perms(IMPORT_PERMISSIONS):
        return permission_denied(request)
    context = {"errors": [], "rows": None, "export_form": ExportForm(user=request.user, prefix="export")}
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, user=request.user)
        _check_site(request, form)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload is not None:
                if upload.size > csvio.MAX_BYTES:
                    data = None
                    context["errors"] = [_("The file is larger than %(size)s KB.") % {"size": csvio.MAX_BYTES // 1024}]
                else:
                    data = upload.read()
            else:
                data = form.cleaned_data["content"].encode()
            if data is not None:
                try:
                    rows = csvio.parse(data, form.cleaned_data["site"], form.cleaned_data["number_format"])
                except csvio.ImportRejected as rejected:
                    context["errors"] = rejected.errors
                else:
                    if request.POST.get("action") == "confirm" and upload is None:
                        created, updated = csvio.apply(rows)
                        messages.success(
                            request,
                            _("Imported %(created)s new and %(updated)s updated values.")
                            % {"created": created, "updated": updated},
                        )
                        return redirect("wagtailsnippets_indicators_observation:list")
                    context["rows"] = rows
                    context["confirm_form"] = ImportForm(
                        initial={
                            "site": form.cleaned_data["site"].pk,
                            "number_format": form.cleaned_data["number_format"],
                            "content": data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data,
                        },
                        user=request.user,
                    )
    else:
        form = ImportForm(user=request.user)
    context["form"] = form
    return TemplateResponse(request, "indicators/admin/import.html", context, status=400 if context["errors"] else 200)


def export_observations(request):
    if not request.user.has_perm("indicators.view_observation") and not request.user.has_perms(IMPORT_PERMISSIONS):
        return permission_denied(request)
    form = ExportForm(request.GET, user=request.user, prefix="export")
    _check_site(request, form)
    if not form.is_valid():
        return redirect("indicators_import")
    site = form.cleaned_data["site"]
    response = HttpResponse(
        csvio.export(site, form.cleaned_data["number_format"]), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="indicators-{site.pk}.csv"'
    return response


# Open data ---------------------------------------------------------------------------------------

OPEN_DATA_CACHE = {"public": True, "max_age": 300, "s_maxage": 600}


def _open_data(request):
    site = Site.find_for_request(request)
    if site is None:
        return None, []
    default = Locale.get_default()
    indicators = list(Indicator.objects.filter(site=site, locale=default).order_by("sort_order", "code"))
    by_id = {indicator.pk: {"indicator": indicator, "observations": []} for indicator in indicators}
    for observation in Observation.objects.filter(indicator__in=indicators).order_by("period_kind", "period_start"):
        by_id[observation.indicator_id]["observations"].append(observation)
    return site, list(by_id.values())


def observation_json(observation):
    return {
        "period": observation.period_code,
        "period_kind": observation.period_kind,
        "period_start": observation.period_start.isoformat(),
        "value": write_number(observation.value, NumberFormat.PLAIN),
        "rank": observation.rank,
        "rank_of": observation.rank_of,
        "note": observation.note,
    }


def indicator_json(indicator, observations):
    """One indicator of the open data, with `observations` (also the province's comparison's shape)."""
    return {
        "code": indicator.code,
        "name": indicator.name,
        "group": indicator.group,
        "unit": indicator.unit,
        "decimal_places": indicator.decimal_places,
        "higher_is_better": indicator.higher_is_better,
        "issuing_body": indicator.issuing_body,
        "source_url": indicator.source_url,
        "observations": [observation_json(observation) for observation in observations],
    }


def open_data_json(request):
    site, entries = _open_data(request)
    payload = {
        "site": site.hostname if site else None,
        "language": Locale.get_default().language_code,
        "indicators": [indicator_json(entry["indicator"], entry["observations"]) for entry in entries],
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 1})
    patch_cache_control(response, **OPEN_DATA_CACHE)
    return response


def csv_header():
    return ["code", "name", "group", "unit", "period", "value", "rank", "rank_of", "note"]


def csv_cells(indicator, observation):
    """One row of the open-data CSV (also the province's comparison's columns)."""
    return [
        indicator.code,
        indicator.name,
        indicator.group,
        indicator.unit,
        observation.period_code,
        write_number(observation.value, NumberFormat.PLAIN),
        "" if observation.rank is None else observation.rank,
        "" if observation.rank_of is None else observation.rank_of,
        observation.note,
    ]


def open_data_csv(request):
    import csv
    import io

    site, entries = _open_data(request)
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(csv_header())
    for entry in entries:
        for observation in entry["observations"]:
            writer.writerow(csv_cells(entry["indicator"], observation))
    response = HttpResponse(output.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="indicators.csv"'
    patch_cache_control(response, **OPEN_DATA_CACHE)
    return response
