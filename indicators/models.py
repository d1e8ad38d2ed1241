"""Indicators ("Các chỉ số"): see issue 5."""
