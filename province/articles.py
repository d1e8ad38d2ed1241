"""News from all communes: the articles a reader may see on any commune's site, each with its commune.

Visibility is news' own rule (core.queries.visible + news.queries.newest_first, which news' listings and
feeds build on), applied across sites: only below the home pages of visible communes (an unpublished or
private commune home hides its articles), live, public, not expired, in the reader's language. The model
comes from the app registry so that this app depends on news' public query module only.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models.functions import Substr
from wagtail.models import Page

from core.queries import visible
from news.queries import newest_first


def article_model():
    return apps.get_model("news", "NewsPage")


def category_model():
    return apps.get_model("news", "NewsCategory")


def province_articles(communes, locale, category_name=None):
    """Visible articles under any of `communes` (province.communes.Commune), newest first; one query when
    evaluated, whatever the number of communes."""
    Article = article_model()
    if not communes:
        return Article.objects.none()
    # Commune homes are at depth 2: an article's first two path steps name its commune's home.
    home_paths = [commune.root_path for commune in communes]
    below = Article.objects.annotate(home_path=Substr("path", 1, 2 * Page.steplen))
    articles = visible(below.filter(home_path__in=home_paths, depth__gt=2, locale=locale))
    if category_name:
        # A subquery, not a join: an article in two categories of the same name is listed once.
        in_category = category_model().objects.filter(name=category_name, locale=locale)
        articles = articles.filter(
            pk__in=Article.categories.through.objects.filter(newscategory__in=in_category).values("newspage_id")
        )
    return newest_first(articles)


def category_names(communes, locale):
    """The distinct category names of the communes' categories in `locale` (the filter's choices)."""
    names = category_model().objects.filter(site__in=[c.site.pk for c in communes], locale=locale)
    return sorted(set(names.values_list("name", flat=True)))


@dataclass
class LabelledArticle:
    article: object
    commune: object
    url: str  # on the commune's own site


def commune_of(article, communes):
    return next((c for c in communes if article.path.startswith(c.root_path)), None)


def label(articles, communes):
    """Each article with its commune (matched on tree paths) and its URL there: no query per article."""
    labelled = []
    for article in articles:
        commune = commune_of(article, communes)
        if commune is not None:  # always, for articles of province_articles(communes)
            labelled.append(LabelledArticle(article, commune, commune.url_of(article)))
    return labelled
