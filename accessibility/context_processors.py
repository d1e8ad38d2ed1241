from .preferences import COOKIE_NAME, ReaderPreferences


def reader_preferences(request):
    return {"reader_prefs": ReaderPreferences.from_cookie(request.COOKIES.get(COOKIE_NAME))}
