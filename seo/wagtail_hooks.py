from wagtail import hooks

from .content_language import redirect_to_content_language


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    return redirect_to_content_language(page, request)
