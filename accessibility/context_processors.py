from .preferences import preferences_for


def reader_preferences(request):
    return {"reader_prefs": preferences_for(request)}
