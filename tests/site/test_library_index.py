"""The library index as it reaches a reader without JavaScript: cards, facets, short tags."""

from __future__ import annotations

from typing import Any

from casefactory import BuiltSite
from lxml import html

from casekit.site.catalog import complaint_tag


def _index(built_site: BuiltSite) -> Any:
    return html.parse(str(built_site.output / "library" / "index.html")).getroot()


def test_every_published_case_is_a_card_without_javascript(built_site: BuiltSite) -> None:
    page = _index(built_site)
    cards = page.xpath('//div[@id="casekit-library"][contains(@class, "grid")]/div')
    ids = {card.get("data-case") for card in cards}
    assert {"crmo-not-crmo", "synthetic-septic-hip", "synthetic-hostile-text"} <= ids
    assert all("card" in card.get("class").split() for card in cards)
    founding = next(c for c in cards if c.get("data-case") == "crmo-not-crmo")
    text = " ".join(founding.text_content().split())
    assert "Female, 3 years · Paediatric rheumatology · 2008" in text
    assert "Final diagnosis: Common acute lymphoblastic leukaemia" in text
    assert not any(c.get("hidden") is not None for c in cards)
    status = page.xpath('//*[@id="casekit-filter-count"]')[0].text_content()
    assert status == f"Showing all {len(cards)} cases."


def test_the_facets_have_readable_labels_and_counts(built_site: BuiltSite) -> None:
    page = _index(built_site)
    legends = [legend.text_content() for legend in page.xpath("//fieldset/legend")]
    assert legends == [
        "Final diagnosis",
        "Specialty",
        "Age group",
        "Sex",
        "Year",
        "Learning theme",
    ]
    options = {
        " ".join(label.text_content().split())
        for label in page.xpath('//fieldset[@data-kind="year"]//label')
    }
    assert options == {"2008 (1)"}
    form = page.xpath('//form[@id="casekit-filter"]')[0]
    assert form.get("hidden") is not None  # shown by the script, useless without it


def test_a_presenting_complaint_tag_is_a_phrase_not_the_sentence(built_site: BuiltSite) -> None:
    page = _index(built_site)
    chips = {chip.text_content() for chip in page.xpath('//*[@class="casekit-chip"]')}
    assert "Limp" in chips
    assert not any(chip.endswith(".") or len(chip.split()) > 5 for chip in chips)


def test_the_complaint_tag_falls_back_only_to_something_short() -> None:
    assert complaint_tag({"complaint_tag": "  hip   pain "}) == "Hip pain"
    assert complaint_tag({"presenting_complaint": "A limp with a hot, swollen ankle."}) == "Limp"
    assert complaint_tag({"presenting_complaint": "Two days of hip pain and fever."}) == (
        "Hip pain and fever"
    )
    long = "Recurrent episodes of abdominal pain, vomiting and lethargy in a toddler."
    assert complaint_tag({"presenting_complaint": long}) == ""
    assert complaint_tag({"presenting_complaint": "A 3-year-old girl presented limping"}) == ""


def test_links_between_generated_pages_are_relative_addresses() -> None:
    import itertools
    import posixpath

    from casekit.site.pages import link

    pages = [
        "index.md",
        "library/index.md",
        "library/tags/index.md",
        "library/tags/diagnosis/synthetic-a/index.md",
        "library/tags/specialty/synthetic-b/index.md",
        "cases/synthetic-x/index.md",
        "cases/synthetic-y/index.md",
        "search/index.md",
    ]
    for start, end in itertools.product(pages, pages):
        expected = posixpath.relpath(posixpath.dirname(end) or ".", posixpath.dirname(start) or ".")
        expected = "" if expected == "." else expected + "/"
        assert link(start, end, directory_urls=True) == expected
        assert link(start, end, directory_urls=False) == expected + "index.html"
