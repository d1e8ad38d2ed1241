"""Check a translated part: every item translated, placeholders and HTML tags kept.

.venv/bin/python portal/admin_locale/parts/check.py django-1
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdifr]|%[sdifr]|\{[^{}]*\}|</?[a-zA-Z][^>]*>|&[a-z]+;")


def check(name):
    source = json.loads((HERE / f"{name}.source.json").read_text())
    done = json.loads((HERE / f"{name}.vi.json").read_text())
    problems = []
    for item in source:
        key = str(item["i"])
        text = done.get(key)
        if not text:
            problems.append(f"{key}: missing ({item['msgid'][:60]!r})")
            continue
        wanted = sorted(PLACEHOLDER.findall(item["msgid"]))
        if "plural" in item:
            # One Vietnamese form serves singular and plural: it must carry the plural's placeholders.
            wanted = sorted(set(PLACEHOLDER.findall(item["plural"])) | set(wanted))
            got = sorted(set(PLACEHOLDER.findall(text)))
            wanted = sorted(set(wanted))
        else:
            got = sorted(PLACEHOLDER.findall(text))
        if wanted != got:
            problems.append(f"{key}: placeholders {wanted} != {got} in {text[:80]!r}")
    print("\n".join(problems) or f"{name}: {len(source)} items OK")
    return not problems


if __name__ == "__main__":
    sys.exit(0 if all([check(name) for name in sys.argv[1:]]) else 1)
