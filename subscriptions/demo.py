"""Demo subscribers: one confirmed resident per commune (Ia Ko daily, Ia Pal weekly), all news kinds.

`manage.py send_digests --daily` then queues for Ia Ko's resident what was published since it subscribed, and
`manage.py db_worker --backend mail --queue-name mail` sends it (the dev settings print mail to the console)."""

from django.utils import timezone

from .models import Frequency, Subscriber

SUBSCRIBERS = {
    "ia-ko": ("nguoidan.iako@example.invalid", Frequency.DAILY),
    "ia-pal": ("nguoidan.iapal@example.invalid", Frequency.WEEKLY),
}


def load(communes, locales):
    for commune in communes:
        if commune.key not in SUBSCRIBERS:
            continue
        email, frequency = SUBSCRIBERS[commune.key]
        subscriber, _ = Subscriber.objects.get_or_create(
            site=commune.site,
            email=email,
            defaults={"frequency": frequency, "language": "vi", "confirmed_at": timezone.now()},
        )
        commune.extras["subscriber"] = subscriber
