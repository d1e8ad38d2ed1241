from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]

    operations = [
        # Votes already stored were taken with any cookie value and from any origin: they stay, uncounted.
        migrations.AddField(
            model_name="rating",
            name="verified",
            field=models.BooleanField(default=False, editable=False, verbose_name="verified"),
        ),
        migrations.AlterField(
            model_name="rating",
            name="verified",
            field=models.BooleanField(default=True, editable=False, verbose_name="verified"),
        ),
    ]
