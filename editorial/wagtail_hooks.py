from wagtail import hooks

from .panels import MyDraftsAwaitingApprovalPanel, OutOfDateIndicatorsPanel, out_of_date_indicators


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.append(MyDraftsAwaitingApprovalPanel())
    indicators = out_of_date_indicators(request.user)
    if indicators is not None:  # the indicators app offers no such list yet: no panel
        panels.append(OutOfDateIndicatorsPanel(indicators))
