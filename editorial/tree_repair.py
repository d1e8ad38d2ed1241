"""Keep Page.numchild right when wagtail-localize publishes translations (wagtail-localize #773).

"Translate -> include subtree" creates each translated page with a revision whose cached page
object still says numchild=0, then publishes those revisions on commit, after the children
exist: the stale save writes numchild=0 back and treebeard then treats the translated parents
as leaves, so their children 404. Recounting on every publish repairs it at the moment it
breaks (one indexed COUNT per publish; an UPDATE only when the count was wrong).
"""

from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published


def repair_numchild(page):
    """Set page.numchild from the tree itself (not via get_children, which trusts numchild)."""
    actual = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count()
    if actual != page.numchild:
        Page.objects.filter(pk=page.pk).update(numchild=actual)
        page.numchild = actual
    return actual


@receiver(page_published)
def repair_numchild_on_publish(sender, instance, **kwargs):
    repair_numchild(instance)
