"""Translation catalogs: extract, check and compile without GNU gettext at run time.

    python scripts/catalogs.py extract   # makemessages for every app + portal/ (needs gettext)
    python scripts/catalogs.py compile   # .po -> .mo with polib (no gettext needed)
    python scripts/catalogs.py missing   # list untranslated or fuzzy Vietnamese entries

Each app owns its catalog in <app>/locale/; project templates use portal/locale/.
English msgids are the source; the English catalog copies them so it is complete too.
"""

import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["vi", "en", "jra"]


def catalog_dirs():
    return sorted(
        path.parent
        for path in ROOT.glob("*/locale")
        if (path.parent / "__init__.py").exists() or path.parent.name == "portal"
    )


def po_files(language=None):
    pattern = f"*/locale/{language or '*'}/LC_MESSAGES/django.po"
    return sorted(p for p in ROOT.glob(pattern) if ".venv" not in p.parts)


def extract():
    django_admin = Path(sys.executable).with_name("django-admin")
    for directory in catalog_dirs():
        args = [str(django_admin), "makemessages", "--no-location", "--no-obsolete", "-v0"]
        args += [arg for code in LANGUAGES for arg in ("-l", code)]
        subprocess.run(args, cwd=directory, check=True)
    for path in po_files("en"):  # English msgids are the English text
        catalog = polib.pofile(str(path))
        for entry in catalog:
            if not entry.msgstr and not entry.msgid_plural:
                entry.msgstr = entry.msgid
            elif entry.msgid_plural and not any(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        catalog.save()


def missing():
    problems = []
    for path in po_files("vi"):
        catalog = polib.pofile(str(path))
        for entry in catalog:
            if entry.obsolete:
                continue
            untranslated = not entry.translated() or "fuzzy" in entry.flags
            if untranslated:
                problems.append(f"{path.relative_to(ROOT)}: {entry.msgid!r}")
    return problems


PLURAL_FORMS = {"en": "nplurals=2; plural=(n != 1);"}
DEFAULT_PLURAL_FORMS = "nplurals=1; plural=0;"  # Vietnamese and Jrai have no plural inflection


def compile_all():
    for path in po_files():
        catalog = polib.pofile(str(path))
        # makemessages leaves a template header for new languages; gettext then fails on activation.
        if "INTEGER" in catalog.metadata.get("Plural-Forms", "INTEGER"):
            language = path.parts[-3]
            catalog.metadata["Plural-Forms"] = PLURAL_FORMS.get(language, DEFAULT_PLURAL_FORMS)
            catalog.save()
        catalog.save_as_mofile(str(path.with_suffix(".mo")))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "missing"
    if command == "extract":
        extract()
    elif command == "compile":
        compile_all()
    elif command == "missing":
        problems = missing()
        print("\n".join(problems) or "Vietnamese catalogs are complete.")
        sys.exit(1 if problems else 0)
    else:
        sys.exit(__doc__)
