"""wagtail-localize's "Translate" and "Sync" views check only the global submit_translation
permission, and then create and publish pages without page permission checks. On a multi-site
install that would let commune A's translators create (published) pages in commune B's tree.
These wrappers, registered on the same admin paths ahead of wagtail-localize's, refuse objects
outside the user's sites and then hand over to the original views."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Page, Site
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import submit_translations, update_translations

from core.permissions import site_ids_for_user


def user_manages_page(user, page):
    """Whether the page lies in the tree (any locale) of one of the user's sites."""
    if user.is_superuser:
        return True
    keys = Site.objects.filter(id__in=site_ids_for_user(user)).values_list("root_page__translation_key", flat=True)
    roots = Page.objects.filter(translation_key__in=keys).values_list("path", flat=True)
    return any(page.path.startswith(root) for root in roots)


def user_manages_instance(user, instance):
    if isinstance(instance, Page):
        return user_manages_page(user, instance)
    site_id = getattr(instance, "site_id", None)
    return user.is_superuser or site_id is None or site_id in site_ids_for_user(user)


_submit_page = submit_translations.SubmitPageTranslationView.as_view()
_submit_snippet = submit_translations.SubmitSnippetTranslationView.as_view()
_update = update_translations.UpdateTranslationsView.as_view()


def submit_page_translation(request, page_id):
    if not user_manages_page(request.user, get_object_or_404(Page, id=page_id)):
        raise PermissionDenied
    return _submit_page(request, page_id=page_id)


def submit_snippet_translation(request, app_label, model_name, pk):
    view = submit_translations.SubmitSnippetTranslationView()
    view.setup(request, app_label=app_label, model_name=model_name, pk=pk)
    if not user_manages_instance(request.user, view.get_object()):
        raise PermissionDenied
    return _submit_snippet(request, app_label=app_label, model_name=model_name, pk=pk)


def update_translations_view(request, translation_source_id):
    source = get_object_or_404(TranslationSource, id=translation_source_id)
    instance = source.get_source_instance()
    if not user_manages_instance(request.user, instance):
        raise PermissionDenied
    return _update(request, translation_source_id=translation_source_id)
