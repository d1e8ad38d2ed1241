"""Admin views: run an import source (or a dry run) and read the runs' reports, on the user's own sites only."""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.permissions import site_ids_for_user

from .models import ImportRun, ImportSource
from .tasks import run_import_task


def _allowed(request, site_id):
    return request.user.has_perm("importer.change_importsource") and site_id in site_ids_for_user(request.user)


def source_runs(request, pk):
    source = get_object_or_404(ImportSource, pk=pk)
    if not _allowed(request, source.site_id):
        return HttpResponseForbidden()
    if request.method == "POST":
        dry_run = bool(request.POST.get("dry_run"))
        run_import_task.enqueue(source.pk, dry_run=dry_run)
        messages.success(request, _("The dry run has been started.") if dry_run else _("The import has been started."))
        return redirect("importer_source_runs", pk=source.pk)
    return TemplateResponse(request, "importer/source_runs.html", {"source": source, "runs": source.runs.all()[:50]})


def run_report(request, pk):
    run = get_object_or_404(ImportRun.objects.select_related("source"), pk=pk)
    if not _allowed(request, run.source.site_id):
        return HttpResponseForbidden()
    return TemplateResponse(
        request,
        "importer/run_report.html",
        {"run": run, "source": run.source, "events": run.events.select_related("page")},
    )
