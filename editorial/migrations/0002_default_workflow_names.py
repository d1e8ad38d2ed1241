"""Wagtail's default workflow and its task are named after the "Moderators" group ("Moderators approval"), and
editors read that name in the admin's buttons ("Gửi duyệt theo Moderators approval") wherever a page has no
portal workflow of its own (a portal not set up yet). Like the root's title, names are data: set once here."""

from django.db import migrations

OLD = "Moderators approval"
WORKFLOW, TASK = "Duyệt tin", "Kiểm duyệt"


def rename(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=OLD).update(name=WORKFLOW)
    apps.get_model("wagtailcore", "Task").objects.filter(name=OLD).update(name=TASK)


def unrename(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).update(name=OLD)
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).update(name=OLD)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_root_page_title"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(rename, unrename)]
