"""`render`: the HTML review page, read as markup and opened in headless Chromium."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evextract.highlight import number
from evextract.inputs import Entry
from evextract.records import Record
from evextract.render import NO_TEXT, render_page, write_site

from .test_export import CORPUS

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
BROWSER_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip
# Written for these tests; the figures and names are real companies' kind of news.
ARTICLE = """\
BYD and CATL agree battery supply deal for Hungarian plant

SZEGED, Hungary, 3 March 2025 --

BYD Co., Ltd. said on Monday it had signed a supply agreement with CATL for the batteries of
its Szeged plant, which will build about 150,000 cars a year from 2026. The carmaker put its
investment at 4 billion euros (about $4.3 billion). BYD chairman Wang Chuanfu said the plant
would raise its share of European sales to more than 5%.
"""


@pytest.fixture(scope="module")
def article_entry(nlp: Any) -> Entry:
    from evextract import extract

    return Entry(extract(ARTICLE, nlp=nlp), ARTICLE)


def test_the_page_is_self_contained(article_entry: Entry) -> None:
    page = render_page([article_entry, *CORPUS])
    assert page.startswith("<!DOCTYPE html>")
    for external in ("http://", "https://", "<script", "<link", "src=", "url("):
        assert external not in page, external


def test_every_figure_and_mention_is_highlighted_with_its_tooltip(article_entry: Entry) -> None:
    record = article_entry.record
    page = render_page([article_entry])
    assert record.figures and record.entities
    for figure in record.figures:
        mark = re.search(rf'<mark class="ev ev-figure" data-ref="{figure.id}".*?</mark>', page)
        assert mark is not None, figure.text
        assert figure.text.split()[-1] in mark.group()
        assert f"<b>{number(figure.value)}" in mark.group()
    byd = next(entity for entity in record.entities if entity.name == "BYD")
    mark = re.search(r'<mark class="ev ev-entity" data-ref="kb:byd".*?</mark>', page)
    assert mark is not None
    assert "<b>BYD</b>" in mark.group() and "company · kb:byd" in mark.group()
    assert all(alias in mark.group() for alias in byd.aliases)


def test_a_conversion_names_the_figure_it_converts(article_entry: Entry) -> None:
    page = render_page([article_entry])
    converted = [f for f in article_entry.record.figures if f.equivalent_of]
    assert converted, "the article's bracketed dollars convert its euros"
    originals = {f.id: f for f in article_entry.record.figures}
    for figure in converted:
        assert f"converts {figure.equivalent_of}: {originals[figure.equivalent_of].text}" in page


def test_the_index_links_each_article_and_warnings_come_first() -> None:
    page = render_page(CORPUS)
    for n, entry in enumerate(CORPUS, 1):
        assert f'<a href="#article-{n}">{entry.record.title}</a>' in page
        assert f'<section class="article" id="article-{n}">' in page
    nio = page.index('id="article-2"')
    assert page.index("not UTF-8: decoded as cp1252", nio) < page.index('class="columns"', nio)
    assert page.count(NO_TEXT.replace("'", "&#x27;")) == 1  # the third has no text
    assert "<caption>figures</caption>" in page and "<caption>partnerships</caption>" in page


def test_text_is_escaped() -> None:
    record = Record(id="x", source="x.txt", sha256="0", title="<b>bold</b> & co")
    page = render_page([Entry(record, "A <script>alert(1)</script> text")])
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in page


def test_a_folder_gets_a_page_per_article_and_an_index(tmp_path: Path) -> None:
    same_id = Entry(CORPUS[0].record.model_copy(update={"source": "other/byd.txt"}), None)
    assert write_site([*CORPUS, same_id], tmp_path / "site") == 4
    names = sorted(path.name for path in (tmp_path / "site").iterdir())
    assert names == ["byd-2.html", "byd.html", "index.html", "nio.html", "sales.html"]
    index = (tmp_path / "site" / "index.html").read_text()
    assert '<a href="byd-2.html">' in index and '<a href="nio.html">' in index
    assert '<a href="index.html">' in (tmp_path / "site" / "nio.html").read_text()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium through chromedriver (Debian's packages; .ci/run installs them)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for program in (CHROMIUM, CHROMEDRIVER):  # never skipped: CI must have them
        assert Path(program).exists(), f"{program} missing: apt-get install chromium-driver"
    profile = tempfile.mkdtemp(prefix="evextract-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*BROWSER_FLAGS, f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_chromium_shows_highlights_and_a_hovered_figure_shows_its_value(
    browser: Any, article_entry: Entry, tmp_path: Path
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    page = tmp_path / "review.html"
    page.write_text(render_page([article_entry, *CORPUS]), encoding="utf-8")
    browser.get(page.as_uri())
    record = article_entry.record
    first = browser.find_element(By.ID, "article-1")
    figures = first.find_elements(By.CSS_SELECTOR, "mark.ev-figure")
    assert [mark.get_attribute("data-ref") for mark in figures] == [f.id for f in record.figures]
    assert first.find_elements(By.CSS_SELECTOR, 'mark.ev-entity[data-ref="kb:byd"]')
    money = next(f for f in record.figures if f.kind == "money")
    mark = first.find_element(By.CSS_SELECTOR, f'mark.ev-figure[data-ref="{money.id}"]')
    tip = mark.find_element(By.CSS_SELECTOR, ".ev-tip")
    assert not tip.is_displayed()
    ActionChains(browser).move_to_element(mark).perform()
    assert tip.is_displayed()
    assert f"{number(money.value)} {money.currency}" in tip.text
    shot = tmp_path / "review.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    copy = Path(tempfile.gettempdir()) / "evextract-render-test.png"
    shutil.copyfile(shot, copy)  # to look at after the run


def test_the_index_links_jump_to_their_article(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "review.html"
    page.write_text(render_page(CORPUS), encoding="utf-8")
    browser.get(page.as_uri())
    browser.find_element(By.LINK_TEXT, CORPUS[2].record.title).click()
    assert browser.current_url.endswith("#article-3")
    section = browser.find_element(By.ID, "article-3")
    assert NO_TEXT in section.text


def test_a_page_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    from evextract.errors import UsageError
    from evextract.render import write_page

    target = tmp_path / "missing" / "review.html"
    with pytest.raises(UsageError, match=f"{target}: cannot write: No such file or directory"):
        write_page(CORPUS, target)
    assert not (tmp_path / "missing").exists()
