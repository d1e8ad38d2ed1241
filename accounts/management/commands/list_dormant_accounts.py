from django.core.management.base import BaseCommand

from accounts import dormancy


class Command(BaseCommand):
    help = "List the accounts that the unused-account rule (ACCOUNTS_INACTIVE_LOCK_DAYS) keeps from signing in."

    def handle(self, **options):
        for user in dormancy.dormant_users():
            self.stdout.write(f"{user.get_username()}\t{user.last_activity:%Y-%m-%d}")
