"""One search across every commune of the province (routes mixed into ProvinceHomePage)."""


class ProvinceSearchRoutes:
    """Routes under /tim-kiem/: filled in by the province search work."""
