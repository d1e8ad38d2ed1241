"""The tree's root page is shown as the explorer's top level ("Đang xem: Root"): give it a name a commune clerk
understands. Its title is data, not a UI string, so it is set once here, in the admin's first language."""

from django.db import migrations

ROOT_TITLE = "Tất cả cổng thông tin"


def name_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title=ROOT_TITLE, draft_title=ROOT_TITLE)


def unname_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=ROOT_TITLE).update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(name_root, unname_root)]
