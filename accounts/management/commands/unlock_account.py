from axes.models import AccessAttempt
from django.core.management.base import BaseCommand, CommandError

from accounts import audit, dormancy, two_factor
from accounts.usernames import normalise, throttle_key


class Command(BaseCommand):
    help = "Lift the dormancy lock and sign-in lockouts of an account (for operators; admins use Reports)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--reset-two-factor", action="store_true", help="also remove its authenticator and recovery codes"
        )

    def handle(self, username, reset_two_factor=False, **options):
        user = audit.find_user(normalise(username))
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        dormancy.unlock(user)
        AccessAttempt.objects.filter(username=throttle_key(user.get_username())).delete()
        if reset_two_factor:
            two_factor.remove_devices(user)
            audit.log_account_event(audit.TWO_FACTOR_REMOVED, user=user, actor=None, detail="manage.py")
        audit.log_account_event(audit.UNLOCKED, user=user, actor=None, detail="manage.py")
        self.stdout.write(f"Unlocked {user.get_username()}.")
