"""Vietnamese addresses (slugs): the title without diacritics, lower-case, words joined by "-".

"Thôn Đồng Tâm khánh thành nhà văn hóa mới" -> "thon-dong-tam-khanh-thanh-nha-van-hoa-moi".

Django's and Wagtail's slugify drop "đ" (it has no decomposition), and the admin's JavaScript (a port of
Django's urlify maps, which have no Vietnamese map and turn "đ" into "dj") drops ơ, ư and every letter with
two marks. The same rule therefore runs in three places, all installed from `core.apps`:
- on the server, `vietnamese_slugify` for pages saved without a slug (BasePage), snippets and tags;
- in the admin, every slug input gets regex formatters that fold Vietnamese letters before urlify runs.
"""

import unicodedata

from django.utils.text import slugify

# Letters that Unicode decomposition does not reduce to ASCII.
_UNDECOMPOSABLE = str.maketrans({"đ": "d", "Đ": "D"})


def vietnamese_slugify(value, max_length=None):
    """ASCII slug of any text: diacritics removed, đ -> d, punctuation dropped, words joined by "-"."""
    text = unicodedata.normalize("NFKD", str(value).translate(_UNDECOMPOSABLE))
    text = "".join(char for char in text if not unicodedata.combining(char))
    slug = slugify(text)
    if max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


def _letter_class(base):
    """Every precomposed Vietnamese letter (any case) whose base letter is `base`."""
    letters = set()
    for code in range(0x00C0, 0x1F00):
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        if len(decomposed) > 1 and decomposed[0].lower() == base:
            letters.add(char)
    return "".join(sorted(letters))


# Regex formatters for Wagtail's w-slug controller (run before its urlify/slugify): combining marks of
# decomposed input first, then đ, then each precomposed letter to its base.
SLUG_FORMATTERS = [
    ("[\u0300-\u036f]", ""),
    ("[đĐ]", "d"),
    *((f"[{_letter_class(base)}]", base) for base in "aeiouy"),
]


def install():
    """Use the Vietnamese rule in the admin's slug inputs and in taggit's tag slugs."""
    from django.db import models
    from taggit.models import Tag
    from wagtail.admin import widgets
    from wagtail.admin.forms import models as admin_form_models

    class VietnameseSlugInput(widgets.SlugInput):
        def __init__(self, attrs=None, formatters=None, locale=None):
            super().__init__(attrs=attrs, formatters=formatters or SLUG_FORMATTERS, locale=locale)

    # Importing wagtail.admin.forms.models above has registered Wagtail's own override; this one replaces it
    # for every model form of the admin (pages' promote tab, snippets, settings). Forms that build a SlugInput
    # themselves (the page copy form) look it up on the module at run time.
    admin_form_models.register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
    widgets.SlugInput = VietnameseSlugInput

    def tag_slugify(self, tag, i=None):
        slug = vietnamese_slugify(tag) or slugify(tag, allow_unicode=True)
        return f"{slug}_{i}" if i is not None else slug

    Tag.slugify = tag_slugify  # taggit's own strips nothing but keeps Unicode ("chuyển-đổi-số")
