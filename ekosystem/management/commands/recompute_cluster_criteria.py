"""Bring every ecosystem's stored Cluster of Sweden count in step with the rule in criteria.py."""

from django.core.management.base import BaseCommand

from ekosystem.services import recompute_cluster_criteria


class Command(BaseCommand):
    help = "Recompute the stored Cluster of Sweden count of every ecosystem (after a rule change)."

    def handle(self, *args, **options):
        changed = recompute_cluster_criteria()
        self.stdout.write(f"{changed} ecosystem(s) had a stale Cluster of Sweden count; updated.")
