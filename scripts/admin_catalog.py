"""The Vietnamese catalog of the admin: Wagtail's and wagtail-localize's own messages, kept in the project.

Wagtail's `vi` catalog translates about a fifth of its messages and wagtail-localize's almost none, so the
project ships its own in portal/admin_locale/ (listed in LOCALE_PATHS, so Django merges it ahead of the
packages' catalogs, for the `django` and the JavaScript `djangojs` domains alike).

    python scripts/admin_catalog.py refresh    # after upgrading Wagtail/wagtail-localize: add new msgids
    python scripts/admin_catalog.py compile    # .po -> .mo
    python scripts/admin_catalog.py coverage   # share of the packages' messages translated (merged catalogs)

`refresh` keeps every translation already made, adds the new messages untranslated (prefilled from the
package's own `vi` catalog when it has one, marked fuzzy for review against GLOSSARY.md) and drops
messages the packages no longer have. Offer translations upstream through Wagtail's Transifex project
(https://explore.transifex.com/torchbox/wagtail/) and wagtail-localize's; the .po files here are in the same
format.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOG_DIR = ROOT / "portal" / "admin_locale" / "vi" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")
# The packages whose messages the project's admin can show (the Wagtail apps in INSTALLED_APPS, and taggit).
PACKAGES = (
    "wagtail",
    "wagtail.admin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.documents",
    "wagtail.embeds",
    "wagtail.images",
    "wagtail.search",
    "wagtail.sites",
    "wagtail.snippets",
    "wagtail.users",
    "wagtail_localize",
    "wagtail_localize.locales",
    "taggit",  # the tag field of the article editor
    "django.conf",  # only the messages below: Django's own vi lacks the "5 minutes" of "5 minutes ago"
)
# For packages whose catalog the admin shows only in part: the source file their messages must come from.
ONLY_FROM = {"django.conf": "utils/timesince.py"}


def package_dir(name):
    module = __import__(name, fromlist=["__path__"])
    return Path(module.__path__[0])


def source_entries(domain):
    """Every message of the packages for one domain, keyed by (context, msgid), in a stable order."""
    entries = {}
    for name in PACKAGES:
        english = package_dir(name) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if not english.exists():
            continue
        upstream = package_dir(name) / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.po"
        known = {}
        if upstream.exists():
            known = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(upstream)) if e.translated()}
        for entry in polib.pofile(str(english)):
            key = (entry.msgctxt, entry.msgid)
            if entry.obsolete or not entry.msgid or key in entries:
                continue
            if name in ONLY_FROM and not any(ONLY_FROM[name] in path for path, _line in entry.occurrences):
                continue
            entries[key] = (entry, known.get(key), name)
    return entries


def catalog_path(domain):
    return CATALOG_DIR / f"{domain}.po"


def refresh():
    CATALOG_DIR.mkdir(parents=True, exist_ok=True)
    for domain in DOMAINS:
        path = catalog_path(domain)
        old = {}
        if path.exists():
            old = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path))}
        catalog = polib.POFile(wrapwidth=0)
        catalog.metadata = {
            "Project-Id-Version": "commune-portal admin (Wagtail, wagtail-localize)",
            "Language": "vi",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
        for key, (entry, upstream, package) in source_entries(domain).items():
            kept = old.get(key)
            new = polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgid_plural=entry.msgid_plural)
            new.occurrences = [(package, "")]
            new.flags = [f for f in entry.flags if f.endswith("-format")]
            if kept is not None:
                new.msgstr, new.msgstr_plural = kept.msgstr, dict(kept.msgstr_plural)
                new.flags += [f for f in kept.flags if f == "fuzzy"]
            elif upstream is not None:
                new.msgstr = upstream.msgstr
                new.msgstr_plural = {0: upstream.msgstr_plural.get(0, "")} if entry.msgid_plural else {}
                new.flags.append("fuzzy")
            elif entry.msgid_plural:
                new.msgstr_plural = {0: ""}
            catalog.append(new)
        catalog.save(str(path))
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages, {len(catalog.untranslated_entries())} untranslated")


def compile_catalogs():
    for domain in DOMAINS:
        path = catalog_path(domain)
        catalog = polib.pofile(str(path))
        catalog.save_as_mofile(str(path.with_suffix(".mo")))


def merged_catalog(domain):
    """Django's Vietnamese catalog for `domain` as the admin gets it: LOCALE_PATHS first, then the apps."""
    from django.utils.translation import trans_real

    if domain == "django":
        return trans_real.translation("vi")
    localedirs = [str(package_dir(name) / "locale") for name in PACKAGES]
    return trans_real.DjangoTranslation("vi", domain=domain, localedirs=localedirs)


def coverage(domain):
    """(translated, total, missing (context, msgid) pairs): the packages' messages that the merged
    catalogs translate. Needs Django set up."""
    catalog = merged_catalog(domain)._catalog
    entries = source_entries(domain)
    missing = []
    for context, msgid in entries:
        key = f"{context}\x04{msgid}" if context else msgid
        value = catalog.get(key)
        if value is None:
            value = catalog.get((key, 0))
        if not value:
            missing.append((context, msgid))
    return len(entries) - len(missing), len(entries), missing


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "coverage"
    if command == "refresh":
        refresh()
    elif command == "compile":
        compile_catalogs()
    elif command == "coverage":
        import os

        import django

        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
        django.setup()
        for domain in DOMAINS:
            done, total, missing = coverage(domain)
            print(f"{domain}: {done}/{total} = {100 * done / total:.1f}%")
            for context, msgid in missing[:40]:
                print(f"  missing: {context + ' | ' if context else ''}{msgid!r}")
    else:
        sys.exit(__doc__)
