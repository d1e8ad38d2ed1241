"""The release part of every cache key: a deploy never serves output rendered by the previous code.

settings.CACHE_VERSION wins (production reads it from the CACHE_VERSION environment variable); without it,
the deployed git commit (read from .git without running git), else the hash of nothing: "dev".
"""

import hashlib
from functools import lru_cache
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def _git_commit(root=ROOT):
    git = root / ".git"
    if git.is_file():  # a worktree: "gitdir: /path"
        git = Path(git.read_text().split(":", 1)[1].strip())
    try:
        head = (git / "HEAD").read_text().strip()
    except OSError:
        return ""
    if not head.startswith("ref:"):
        return head
    ref = head.split(":", 1)[1].strip()
    try:
        return (git / ref).read_text().strip()
    except OSError:
        pass
    try:
        for line in (git / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split(" ", 1)[0]
    except OSError:
        pass
    return ""


@lru_cache(maxsize=1)
def deployed_commit():
    return _git_commit()


def release():
    """A short token naming the running release."""
    configured = getattr(settings, "CACHE_VERSION", None)
    value = str(configured) if configured else (deployed_commit() or "dev")
    return hashlib.sha256(value.encode()).hexdigest()[:10]
