"""The editors' guide ("Hướng dẫn sử dụng"): an admin page, linked from the Help menu and the dashboard.

Its screenshots are taken by the editor-journey browser tests (tests/browser/journeys/, with
UPDATE_GUIDE_SCREENSHOTS=1) on the real admin screens, so the guide shows what editors see. Each step names
the screenshot it shows; tests/editorial/test_guide.py checks that every one exists.
"""

from dataclasses import dataclass, field

from django.contrib.staticfiles import finders
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

SCREENSHOT_FOLDER = "editorial/guide"


@dataclass
class Step:
    text: str
    screenshot: str = ""  # file name in editorial/static/editorial/guide/, without ".png"
    alt: str = ""

    @property
    def screenshot_path(self):
        return f"{SCREENSHOT_FOLDER}/{self.screenshot}.png" if self.screenshot else ""

    @property
    def screenshot_url(self):
        return static(self.screenshot_path) if self.screenshot else ""


@dataclass
class Section:
    slug: str
    title: str
    steps: list = field(default_factory=list)


SECTIONS = [
    Section(
        "write",
        _("Write an article"),
        [
            Step(
                _(
                    "Sign in at /admin/ with the account the commune gave you. The dashboard lists your drafts "
                    "waiting for approval and the pages waiting for your review."
                ),
                "01-dashboard",
                _("The dashboard after signing in"),
            ),
            Step(
                _(
                    'Open Pages, go to the news section (for example "Tin tức - Sự kiện") and add a child page of '
                    'type "News article". Type the title: the address is made from it, without accents '
                    '(for example "thon-dong-tam-khanh-thanh-nha-van-hoa-moi"). Write the sapo (lead), then build '
                    'the body with the "+" button: a heading, paragraphs, images.'
                ),
                "02-write",
                _("The article editor with a title, a sapo, a heading and a paragraph"),
            ),
            Step(
                _(
                    "Fill in the source or author, choose the categories and type the tags (press Enter after "
                    "each tag). Related news is found from the categories and tags."
                ),
            ),
        ],
    ),
    Section(
        "illustrate",
        _("Add images"),
        [
            Step(
                _(
                    'In the body, "+" then "Image", then "Choose an image". In the window that opens, the '
                    '"Upload" tab takes a photo from your computer; give it a title. Describe the image in '
                    '"Alt text" for readers who cannot see it, and write the caption shown under it.'
                ),
                "03-image",
                _("An image block with its alt text and caption"),
            ),
            Step(
                _(
                    'The cover image is chosen in the same way under "Cover image": it is shown in listings and '
                    "when the article is shared."
                ),
            ),
        ],
    ),
    Section(
        "submit",
        _("Preview, save and submit for approval"),
        [
            Step(
                _(
                    "The preview button (the eye at the top right) shows the article as readers will see it, "
                    "before anything is published."
                ),
                "04-preview",
                _("The preview of the article, as readers will see it"),
            ),
            Step(
                _(
                    '"Save draft" keeps your work without publishing it. Editors cannot publish: open the menu '
                    'next to "Save draft" and submit the page to the commune\'s moderation ("Duyệt tin").'
                ),
                "05-draft",
                _("The article saved as a draft"),
            ),
            Step(
                _(
                    "The page now shows as awaiting approval. The commune's moderators are told by e-mail and see "
                    "it on their dashboard."
                ),
                "06-submitted",
                _("The article submitted for moderation, awaiting approval"),
            ),
        ],
    ),
    Section(
        "approve",
        _("Review and approve (moderators)"),
        [
            Step(
                _('Your dashboard lists the pages "Awaiting your review". Open one to read it.'),
                "07-moderator-dashboard",
                _("The moderator's dashboard with the article awaiting review"),
            ),
            Step(
                _(
                    "To comment on a field, click the speech bubble beside it, type the comment, then save the "
                    "draft: the editor sees the comment in the same place."
                ),
                "08-comment",
                _("A moderator's comment beside the article's sapo"),
            ),
            Step(
                _(
                    'To send the article back, open the footer\'s menu and choose "Request changes", then say '
                    "what must change. The editor corrects it and submits it again."
                ),
                "09-request-changes",
                _("The request for changes, with the moderator's message"),
            ),
            Step(
                _(
                    '"Approve and publish" publishes the article: it appears at once on the home page, in its '
                    "category, in related news, in the RSS feed and in search."
                ),
                "10-approved",
                _("The article approved and published"),
            ),
        ],
    ),
    Section(
        "schedule",
        _("Schedule publication"),
        [
            Step(
                _(
                    'In the status panel (the "i" at the top right), "Set schedule" takes a go-live date and, if '
                    "needed, an expiry date. Save the schedule, then publish or submit the page as usual: it stays "
                    "hidden from readers until the go-live date, then appears by itself."
                ),
                "11-schedule",
                _("The publishing schedule dialog with a go-live date"),
            ),
        ],
    ),
    Section(
        "translate",
        _("Translate into English"),
        [
            Step(
                _(
                    'On a Vietnamese page, the "..." menu has "Translate": choose English (tick "Include subtree" '
                    "for a section with its articles)."
                ),
                "12-translate",
                _("Choosing English as the language to translate into"),
            ),
            Step(
                _(
                    "The translation editor shows every Vietnamese text with a box for its translation: type it "
                    'and press Enter to save the row. "Publish" puts the English page online under /en/.'
                ),
                "13-translation-editor",
                _("The translation editor with the title and the sapo translated"),
            ),
            Step(
                _(
                    'After the Vietnamese page changes, "Sync translated pages" in its "..." menu brings the new '
                    "text into the translation editor, where it is marked as not yet translated."
                ),
                "13-synced",
                _("After a sync: the changed paragraph waits for its translation"),
            ),
        ],
    ),
    Section(
        "indicators",
        _("Import indicator data"),
        [
            Step(
                _(
                    'Under "Indicators", "Import / export (CSV)" takes a CSV file with the columns '
                    "code,period,value,rank,rank_of,note. Choose the number format, upload the file and check "
                    'the preview, then "Confirm": the indicators page shows the new values at once.'
                ),
                "14-indicators-preview",
                _("The preview of an indicator import"),
            ),
            Step(
                _(
                    "A file with a mistake is refused as a whole, with the row and column of each problem: "
                    "nothing is saved until every row is correct."
                ),
                "15-indicators-error",
                _("A refused file with the row and column of the error"),
            ),
        ],
    ),
]


def screenshot_paths():
    return [step.screenshot_path for section in SECTIONS for step in section.steps if step.screenshot]


def guide_view(request):
    sections = [
        {
            "section": section,
            "steps": [
                {"step": step, "has_screenshot": bool(step.screenshot and finders.find(step.screenshot_path))}
                for step in section.steps
            ],
        }
        for section in SECTIONS
    ]
    return TemplateResponse(request, "editorial/guide.html", {"sections": sections, "page_title": _("User guide")})
