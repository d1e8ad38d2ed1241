"""Permission codenames in the audit log, said in the reader's language: "+ add_page, publish_page (Ia Ko)"
reads "+ thêm trang, xuất bản trang (Ia Ko)". The log keeps the codenames (stable data, whatever the language);
they are put in words only when shown."""

import functools
import re

from django.apps import apps
from django.utils.translation import pgettext_lazy

VERBS = {
    "add": pgettext_lazy("permission", "add"),
    "change": pgettext_lazy("permission", "edit"),
    "delete": pgettext_lazy("permission", "delete"),
    "bulk_delete": pgettext_lazy("permission", "delete in bulk"),
    "view": pgettext_lazy("permission", "view"),
    "publish": pgettext_lazy("permission", "publish"),
    "lock": pgettext_lazy("permission", "lock"),
    "unlock": pgettext_lazy("permission", "unlock"),
    "choose": pgettext_lazy("permission", "choose"),
}
WHOLE = {"access_admin": pgettext_lazy("permission", "open the admin")}
CODENAME = re.compile(r"\b(?:(?P<whole>access_admin)|(?P<verb>bulk_delete|[a-z]+)_(?P<model>[a-z0-9]+))\b")


@functools.cache
def _model_names():
    names = {}
    for model in apps.get_models():
        names.setdefault(model._meta.model_name, model._meta.verbose_name)
    return names


def in_words(detail):
    """`detail` with each permission codename it holds replaced by its verb and its model's name."""
    models = _model_names()

    def say(match):
        if match["whole"]:
            return str(WHOLE[match["whole"]])
        verb, model = VERBS.get(match["verb"]), models.get(match["model"])
        return f"{verb} {model}" if verb is not None and model is not None else match[0]

    return CODENAME.sub(say, detail)
