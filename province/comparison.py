"""Indicator comparison across the province's communes (routes mixed into ProvinceHomePage)."""


class IndicatorComparisonRoutes:
    """Routes under /chi-so/: filled in by the indicator comparison work."""
