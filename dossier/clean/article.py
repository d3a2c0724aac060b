"""From a SourceItem to an Article: the page's lines split into header, article and furniture."""
from __future__ import annotations

from ..records import Article, SourceItem
from ..registry import page_extractors
from . import furniture, metadata, outlets, sitename
from .body import Findings, read_header, split_body, split_extracted
from .dateline import parse_dateline
from .headline import could_be_title, find_title, looks_like_site_name
from .pages import Page


def clean(item: SourceItem) -> Article:
    page: Page = page_extractors.get(item.format)(item.content)
    lines = [furniture.norm(line) for line in page.lines if line.strip()]
    found = Findings()
    header: list[str] = []
    title = item.title or page.title
    if page.has_header:
        index = find_title(lines, item.title)
        # A text that is a single paragraph has no headline to take away.
        if index is not None and len(lines) > index + 1:
            header, title, lines = lines[:index], title or lines[index], lines[index + 1:]
        read_header(header, found)
        found.outlets.extend(line for line in header if could_be_title(line) and looks_like_site_name(line))
    if page.has_header:
        body_lines, removed = split_body(lines, title, found)
    else:
        body_lines, removed = split_extracted(lines, title)
    # The dateline opens the first paragraph, which may follow a standfirst or two.
    dateline = next((d for d in map(parse_dateline, body_lines[:3]) if d), None)
    furniture_lines = [*header, *page.removed, *removed]
    outlet = (outlets.by_url(item.url) or sitename.wire_of(item.url)
              or (outlets.canonical(dateline.agency) if dateline and dateline.agency else None)
              or (found.outlets[0] if found.outlets else None)
              or page.outlet or metadata.copyright_holder(furniture_lines)
              or sitename.site_name(item.url, [*furniture_lines, *body_lines]))
    published = (metadata.given_date(item.published) or page.published or (found.dates[0] if found.dates else None)
                 or (dateline.date if dateline else None))
    body = "\n".join(body_lines)
    return Article(
        doc_id=item.doc_id, origin=item.origin, content_hash=item.content_hash, raw=item.content,
        body=body, removed=furniture_lines, url=item.url, title=title, outlet=outlet,
        captions=list(dict.fromkeys(c for c in map(metadata.without_credit, [*page.captions, *found.captions]) if c)),
        credits=found.credits, published=published,
        dateline=dateline.place if dateline else next(iter(found.places), None), language=metadata.language(body),
    )
