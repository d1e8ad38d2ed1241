"""Curated links to procedures on the national public-service portal, grouped by field."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

LEVEL_CHOICES = [
    ("full", _("Fully online")),
    ("partial", _("Partly online")),
    ("info", _("Information only")),
]


class ProcedureValue(blocks.StructValue):
    def level_label(self):
        return dict(LEVEL_CHOICES).get(self.get("level"), "")


class ProcedureLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("procedure name"), max_length=300)
    url = blocks.URLBlock(label=_("link on the public-service portal"))
    code = blocks.CharBlock(label=_("procedure code"), required=False, max_length=50, help_text=_("E.g. 1.001193"))
    level = blocks.ChoiceBlock(label=_("service level"), choices=LEVEL_CHOICES, default="full")

    class Meta:
        icon = "link-external"
        value_class = ProcedureValue
        label = _("Procedure")
        template = "services/blocks/procedure_link.html"


class ServiceGroupBlock(blocks.StructBlock):
    field = blocks.CharBlock(label=_("field"), max_length=200, help_text=_("E.g. Civil status, Land, Social welfare"))
    description = blocks.TextBlock(label=_("description"), required=False)
    procedures = blocks.ListBlock(ProcedureLinkBlock(), label=_("procedures"))

    class Meta:
        icon = "list-ul"
        label = pgettext_lazy("procedure", "Field")
        template = "services/blocks/service_group.html"


class ServiceGroupsBlock(blocks.StreamBlock):
    group = ServiceGroupBlock()
