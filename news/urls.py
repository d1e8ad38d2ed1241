from django.urls import path

from .feeds import AtomNewsFeed, NewsFeed

urlpatterns = [
    path("rss/", NewsFeed(), name="news_feed_rss"),
    path("atom/", AtomNewsFeed(), name="news_feed_atom"),
    path("<slug:category>/rss/", NewsFeed(), name="news_category_feed_rss"),
    path("<slug:category>/atom/", AtomNewsFeed(), name="news_category_feed_atom"),
]
