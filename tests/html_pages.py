"""News pages built for the HTML tests and benchmark: own stories in five page templates.

Each page wraps one story's paragraphs (the gold body) in the furniture real
sites put around it: menus, breadcrumbs, bylines, captions, inline "Read more"
links, related-story blocks, share bars, newsletter boxes, author bios,
comments and footers. The stories are written for this module (names, places
and figures are the field's, the wording is ours).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from attrs import frozen


@frozen
class Story:
    slug: str
    title: str
    date: str  # ISO
    author: str
    dateline: str
    paragraphs: tuple[str, ...]
    subheads: tuple[tuple[int, str], ...] = ()  # (index of the paragraph it stands before, text)
    caption: str = "A television screen in Seoul shows file footage during a news programme."
    related: tuple[str, ...] = (
        "Seoul and Washington to expand summer drills",
        "Analysts see satellite launch within weeks",
        "Japan protests over missile debris near Hokkaido",
        "Unification ministry reports fall in defector arrivals",
    )


@frozen
class Page:
    id: str
    html: str
    story: Story
    template: str

    @property
    def body(self) -> tuple[str, ...]:
        """The gold body: the story's paragraphs with its sub-headings in place."""
        out: list[str] = []
        heads = dict(self.story.subheads)
        for i, p in enumerate(self.story.paragraphs):
            if i in heads:
                out.append(heads[i])
            out.append(p)
        return tuple(out)


STORIES: tuple[Story, ...] = (
    Story(
        slug="icbm-launch",
        title="North Korea test-fires long-range missile ahead of US talks",
        date="2025-02-11",
        author="Mina Cho",
        dateline="SEOUL",
        paragraphs=(
            (
                "SEOUL, Feb. 11 -- North Korea launched an intercontinental ballistic missile toward the "
                "East Sea on Tuesday morning, South Korea's Joint Chiefs of Staff said, days before senior "
                "US officials were due in the region."
            ),
            (
                "The missile was fired from near Pyongyang at about 7:10 a.m. and flew roughly 1,000 "
                "kilometres on a lofted trajectory before splashing down outside Japan's exclusive economic "
                "zone, according to the military."
            ),
            (
                "\u201cOur military is maintaining a full readiness posture and sharing information "
                "closely with the United States and Japan,\u201d the Joint Chiefs said in a text message "
                "to reporters."
            ),
            (
                "Japan's defence ministry said the missile reached an altitude of more than 6,000 kilometres "
                "and stayed in the air for around 70 minutes, one of the longest flights recorded."
            ),
            (
                "It was the North's first test of a long-range weapon since October, when it unveiled a "
                "solid-fuel model that analysts say is harder to detect before launch."
            ),
            (
                "The United Nations Security Council bans North Korea from ballistic missile activity, but "
                "new measures have been blocked by Russia and China since 2022."
            ),
        ),
        subheads=((4, "A harder weapon to track"),),
    ),
    Story(
        slug="troops-russia",
        title="Seoul says more North Korean troops sent to Russia's Kursk region",
        date="2025-01-20",
        author="Daniel Park",
        dateline="SEOUL",
        paragraphs=(
            (
                "South Korea's spy agency said on Monday that North Korea had sent about 1,500 additional "
                "soldiers to Russia, bringing the total deployed since last autumn to roughly 12,500."
            ),
            (
                "The National Intelligence Service told lawmakers in a closed briefing that the new troops "
                "had moved to the Kursk border region, where Ukrainian forces have held ground since August."
            ),
            (
                "Lawmaker Lee Seong-kweun told reporters after the briefing that at least 300 North Korean "
                "soldiers had been killed and about 2,700 wounded, citing the agency."
            ),
            (
                "\u201cThey are being used as expendable assault units,\u201d Lee said, adding that some "
                "soldiers had been ordered to take their own lives rather than be captured."
            ),
            (
                "Kyiv said earlier this month that it had captured two North Korean soldiers, the first "
                "confirmed prisoners from the deployment."
            ),
            (
                "Moscow and Pyongyang signed a mutual defence treaty in June, and neither has publicly "
                "confirmed the presence of North Korean troops on the front line."
            ),
        ),
    ),
    Story(
        slug="sanctions-shipping",
        title="US Treasury sanctions shipping network over North Korean oil transfers",
        date="2024-12-05",
        author="Laura Kim",
        dateline="WASHINGTON",
        paragraphs=(
            (
                "WASHINGTON -- The US Treasury Department on Thursday imposed sanctions on three shipping "
                "companies and two vessels accused of moving refined petroleum to North Korea in violation "
                "of UN limits."
            ),
            (
                "The Office of Foreign Assets Control said the firms, registered in Hong Kong and the "
                "Marshall Islands, arranged ship-to-ship transfers in the East China Sea at night with their "
                "tracking transponders switched off."
            ),
            (
                "\u201cPyongyang continues to rely on a web of front companies to evade sanctions,\u201d a "
                "senior Treasury official said in a statement."
            ),
            "The measures freeze any US assets of the companies and bar Americans from dealing with them.",
            (
                "South Korea's foreign ministry welcomed the step and said it would coordinate its own "
                "designations with Washington and Tokyo."
            ),
        ),
    ),
    Story(
        slug="summit-tokyo",
        title="Leaders of South Korea and Japan pledge closer security ties",
        date="2025-03-03",
        author="Kenji Sato",
        dateline="TOKYO",
        paragraphs=(
            (
                "TOKYO -- South Korea's president and Japan's prime minister agreed on Monday to deepen "
                "security cooperation, including real-time sharing of missile warning data, at a summit in "
                "the Japanese capital."
            ),
            (
                "The two leaders also discussed North Korea's military cooperation with Russia, which both "
                "governments describe as a grave threat to regional stability."
            ),
            (
                "\u201cWe cannot allow the situation on the Korean Peninsula to be decided by force,"
                "\u201d the prime minister told a joint news conference."
            ),
            (
                "Officials said the two sides would hold a trilateral meeting with the United States later "
                "this year and resume regular visits by defence ministers."
            ),
            (
                "Relations between Seoul and Tokyo have improved markedly since 2023, after years of tension "
                "over wartime history."
            ),
        ),
        subheads=((3, "Next steps"),),
    ),
    Story(
        slug="balloons-dmz",
        title="North Korea flies trash balloons across border again",
        date="2024-07-24",
        author="Grace Yoon",
        dateline="SEOUL",
        paragraphs=(
            (
                "North Korea sent hundreds of balloons carrying rubbish across the border overnight, South "
                "Korea's military said on Wednesday, some of which landed inside the presidential compound."
            ),
            (
                "The military counted about 500 balloons by early morning and said the loads contained "
                "paper waste and plastic bottles, with no hazardous material found."
            ),
            (
                "Seoul responded by switching on loudspeakers along the frontier that broadcast news and "
                "K-pop into the North, a tactic both Koreas halted under a 2018 agreement."
            ),
            (
                "\u201cThe responsibility for this situation lies entirely with North Korea,\u201d the Joint "
                "Chiefs of Staff said."
            ),
        ),
    ),
    Story(
        slug="satellite-fail",
        title="North Korean spy satellite launch ends in mid-air explosion",
        date="2024-05-28",
        author="Sora Han",
        dateline="SEOUL",
        paragraphs=(
            (
                "North Korea's attempt to put a military reconnaissance satellite into orbit failed on "
                "Monday night when its new rocket exploded in flight, state media reported."
            ),
            (
                "The Korean Central News Agency said the first stage blew up shortly after lift-off from the "
                "Sohae launch site and blamed the failure on a newly developed liquid-oxygen engine."
            ),
            (
                "South Korea's military said it had detected many pieces of debris falling into the sea "
                "about two minutes after launch."
            ),
            (
                "Pyongyang placed its first spy satellite in orbit last November and has said it plans to "
                "launch three more this year."
            ),
            (
                "Seoul, Washington and Tokyo say the launches use banned ballistic missile technology and "
                "that Russia has given the North technical help, a claim Moscow denies."
            ),
        ),
        subheads=((3, "Plans for more launches"),),
    ),
)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _ps(story: Story, between: Callable[[int], str] = lambda i: "") -> str:
    heads = dict(story.subheads)
    out = []
    for i, p in enumerate(story.paragraphs):
        if i in heads:
            out.append(f"<h2>{_e(heads[i])}</h2>")
        out.append(f"<p>{_e(p)}</p>")
        out.append(between(i))
    return "\n".join(x for x in out if x)


def _head(story: Story, site: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{_e(story.title)} | {site}</title>"
        f"<meta property='og:site_name' content='{site}'>"
        f"<meta name='author' content='{story.author}'>"
        f"<meta property='article:published_time' content='{story.date}T08:30:00+09:00'>"
        "</head>"
    )


def _menu(items: tuple[str, ...]) -> str:
    return "<nav><ul>" + "".join(f"<li><a href='/{i.lower()}'>{i}</a></li>" for i in items) + "</ul></nav>"


def _related(story: Story, heading: str) -> str:
    links = "".join(f"<li><a href='/r/{k}'>{_e(t)}</a></li>" for k, t in enumerate(story.related))
    return f"<aside class='related'><h3>{heading}</h3><ul>{links}</ul></aside>"


def wire(story: Story) -> str:
    """An agency's page: menu, byline, caption, an inline "Read more", related list, footer."""
    return (
        _head(story, "Peninsula Wire")
        + "<body><header><div class='logo'>Peninsula Wire</div>"
        + _menu(("Home", "Politics", "North Korea", "Economy", "World", "Video"))
        + "</header><main><article>"
        + f"<h1>{_e(story.title)}</h1><p class='byline'>By {story.author}</p>"
        + f"<p class='date'>Published {story.date} 08:30 KST</p>"
        + f"<figure><img src='/p.jpg' alt=''><figcaption>{_e(story.caption)} (Peninsula Wire)"
        + "</figcaption></figure>"
        + _ps(
            story,
            lambda i: (
                "<p><strong>Read more:</strong> <a href='/x'>Timeline of launches</a></p>" if i == 1 else ""
            ),
        )
        + "</article>"
        + _related(story, "Related stories")
        + "</main><footer><p>\u00a9 2025 Peninsula Wire. All rights reserved.</p>"
        + "<p><a href='/terms'>Terms</a> | <a href='/privacy'>Privacy</a> | "
        + "<a href='/contact'>Contact us</a></p>"
        + "</footer></body></html>"
    )


def blog(story: Story) -> str:
    """An analysis blog: sidebar widgets, share bar, author bio box, a comment thread."""
    comments = "".join(
        f"<div class='comment'><p class='who'>{who}</p><p>{_e(text)}</p></div>"
        for who, text in (
            ("reader42", "Great piece, but you are too soft on Seoul here."),
            ("observer", "When will the sanctions actually be enforced? Nobody seems to care."),
            ("k_watcher", "Thanks for the clear timeline, very useful for my class."),
        )
    )
    return (
        _head(story, "Demilitarized Notes")
        + "<body><div id='top'>"
        + _menu(("About", "Archive", "Podcast", "Donate"))
        + "</div><div id='wrap'><div id='content'><article class='post'>"
        + f"<h1 class='entry-title'>{_e(story.title)}</h1>"
        + f"<div class='meta'>Posted on {story.date} by {story.author} | 3 comments</div>"
        + "<div class='share'><a>Share on X</a> <a>Facebook</a> <a>Email</a></div>"
        + f"<div class='entry-content'>{_ps(story)}</div>"
        + f"<div class='author-box'><p>{story.author} writes about Korean security and is a fellow at a "
        "Seoul think tank. Follow her on social media.</p></div>"
        + f"</article><section id='comments'><h3>3 Responses</h3>{comments}"
        + "<form><p>Leave a reply</p><textarea></textarea></form></section></div>"
        + "<div id='sidebar'><div class='widget'><h4>Popular posts</h4><ul>"
        + "".join(f"<li><a href='/p{k}'>{_e(t)}</a></li>" for k, t in enumerate(story.related))
        + "</ul></div><div class='widget'><h4>Tags</h4>"
        + "<p>missiles, sanctions, diplomacy, Russia</p></div></div>"
        + "</div><footer><p>Powered by a blogging platform. Theme by someone.</p></footer></body></html>"
    )


def portal(story: Story) -> str:
    """A news portal: breadcrumbs, newsletter box mid-article, teaser block with summaries."""
    teasers = "".join(
        f"<div class='teaser'><h4><a href='/t{k}'>{_e(t)}</a></h4><p>{_e(t)} as tensions rise, officials "
        "said on the weekend.</p></div>"
        for k, t in enumerate(story.related[:3])
    )
    return (
        _head(story, "Daily Korea Times Online")
        + "<body><div class='topbar'>Subscribe | Log in | E-paper</div>"
        + _menu(("News", "Opinion", "Business", "Culture", "Sports", "Lifestyle"))
        + "<div class='breadcrumb'><a href='/'>Home</a> &gt; <a href='/news'>News</a> &gt; North Korea</div>"
        + f"<div class='article'><h1>{_e(story.title)}</h1>"
        + f"<div class='info'>{story.author} | Updated {story.date}</div>"
        + f"<div class='photo'><img src='/i.jpg'><div class='caption'>{_e(story.caption)}</div></div>"
        + _ps(
            story,
            lambda i: (
                "<div class='newsletter'><p>Get the morning briefing in your inbox. Sign up now.</p></div>"
                if i == 2
                else ""
            ),
        )
        + "</div><div class='more'><h3>More from News</h3>"
        + teasers
        + "</div><footer><p>Copyright Daily Korea Times Online. Unauthorized reproduction prohibited.</p>"
        + "</footer></body></html>"
    )


def agency(story: Story) -> str:
    """A terse agency page: date line, an (END) trailer, a keyword list."""
    return (
        _head(story, "Han River News Agency")
        + "<body>"
        + _menu(("National", "North Korea", "Economy", "Photos"))
        + f"<div id='articleWrap'><h1 class='tit'>{_e(story.title)}</h1>"
        + f"<p class='update-time'>{story.date} 10:12 KST</p><div class='story-news article'>"
        + _ps(story)
        + "<p>(END)</p></div>"
        + "<ul class='keyword'><li>#North Korea</li><li>#defence</li><li>#security</li></ul></div>"
        + "<div class='copyright'>(C) Han River News Agency. All rights reserved.</div></body></html>"
    )


def magazine(story: Story) -> str:
    """A magazine: a standfirst, "Also read" lines between paragraphs, ads and tags."""
    return (
        _head(story, "The Strait Review")
        + "<body><header>"
        + _menu(("Asia", "Security", "Books", "Podcasts", "Events", "Subscribe"))
        + "</header><article>"
        + f"<h1>{_e(story.title)}</h1>"
        + f"<p class='byline'>{story.author}, {story.date}</p>"
        + _ps(
            story,
            lambda i: (
                "<div class='ad'>ADVERTISEMENT</div>"
                if i == 0
                else f"<p class='also'>Also read: {_e(story.related[i % 4])}</p>"
                if i == 2
                else ""
            ),
        )
        + "<div class='tags'>Topics: North Korea, Missiles, Japan</div>"
        + "<div class='share'>Share this article</div>"
        + "</article><footer><p>The Strait Review is published by a media group.</p></footer></body></html>"
    )


TEMPLATES: dict[str, Callable[[Story], str]] = {
    "wire": wire,
    "blog": blog,
    "portal": portal,
    "agency": agency,
    "magazine": magazine,
}


def pages() -> list[Page]:
    """Every story in every template."""
    return [
        Page(f"{name}-{story.slug}", make(story), story, name)
        for story in STORIES
        for name, make in TEMPLATES.items()
    ]
