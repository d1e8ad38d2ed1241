"""schema.org JSON-LD: the commune as a GovernmentOrganization (home page), NewsArticle (articles) and
BreadcrumbList (every page below the home page). Every URL is absolute, from the site's root URL."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from core.site_urls import absolute_url

# json.dumps output is put inside <script>: never let a "</script>" or "<!--" in a title close it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_script_json(data):
    return mark_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES))


def organization(site, profile, settings, logo_url, *, full=False):
    data = {
        "@type": "GovernmentOrganization",
        "name": (profile.unit_name if profile else "") or site.site_name,
        "url": site.root_url + "/",
    }
    if logo_url:
        data["logo"] = {"@type": "ImageObject", "url": logo_url}
    if not full:
        return data
    if profile and profile.portal_name:
        data["alternateName"] = profile.portal_name
    if profile and profile.address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": profile.address,
            "addressRegion": profile.parent_unit,
            "addressCountry": "VN",
        }
    if settings:
        contact = {name: value for name, value in (("telephone", settings.phone), ("email", settings.email)) if value}
        data.update(contact)
        if settings.fax:
            data["faxNumber"] = settings.fax
        if contact:
            data["contactPoint"] = {"@type": "ContactPoint", "contactType": "customer service", **contact}
        if settings.facebook_url:
            data["sameAs"] = [settings.facebook_url]
    if profile and profile.parent_unit:
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": profile.parent_unit}
    return data


def home_page(site, profile, settings, logo_url, language, search_url):
    organisation = organization(site, profile, settings, logo_url, full=True)
    website = {
        "@type": "WebSite",
        "name": (profile.portal_name if profile else "") or site.site_name,
        "url": site.root_url + "/",
        "inLanguage": language,
        "publisher": {"@type": "GovernmentOrganization", "name": organisation["name"], "url": organisation["url"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search_url + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }
    return [organisation, website]


def news_article(page, url, description, image_url, publisher, language):
    data = {
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": language,
        "author": {"@type": "Organization", "name": page.source or publisher["name"]},
        "publisher": publisher,
    }
    if description:
        data["description"] = description
    published = page.publication_date or page.first_published_at
    if published:
        data["datePublished"] = published.isoformat()
    modified = page.last_published_at or published
    if modified:
        data["dateModified"] = modified.isoformat()
    if image_url:
        data["image"] = [image_url]
    return data


def breadcrumbs(site, trail):
    """trail: [(name, path)] from the home page down to the current page."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": strip_tags(name), "item": absolute_url(site, path)}
            for position, (name, path) in enumerate(trail, start=1)
            if path
        ],
    }


def graph(items):
    return as_script_json({"@context": "https://schema.org", "@graph": items}) if items else ""
