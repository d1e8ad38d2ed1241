"""What invalidates this app's cached output is declared in core/invalidation.py (REGISTRY)."""
