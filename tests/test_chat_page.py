"""The chat page at ``GET /`` in a real headless Chromium (Debian's package, driven by Playwright)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.engine import Engine
from handlers.app import create_app
from handlers.texts import load_texts
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, missing_glyphs
from tests.wx_helpers import config, serve, turns

WAIT_MS = 15_000
RESOURCE = "Failed to load resource"
"""Chromium's console line for an HTTP error status (the error test provokes one on purpose)."""

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(engine: Engine, browser: Any) -> Iterator[tuple[Any, str]]:
    with serve(create_app(engine, config())) as base:
        context = browser.new_context()
        try:
            tab = context.new_page()
            errors: list[str] = []
            tab.on("pageerror", lambda exc: errors.append(str(exc)))
            tab.on(
                "console",
                lambda msg: (
                    errors.append(msg.text) if msg.type == "error" and not msg.text.startswith(RESOURCE) else None
                ),
            )
            tab.goto(base + "/")
            yield tab, base
            assert errors == []
        finally:
            context.close()


def test_page_shows_the_yaml_words(page: tuple[Any, str]) -> None:
    tab, _ = page
    texts = load_texts(None).page
    assert tab.title() == texts.title
    assert tab.locator("#title").inner_text() == texts.title
    assert tab.locator("#text").get_attribute("placeholder") == texts.placeholder
    assert tab.locator("#send").inner_text() == texts.send


def test_chinese_is_readable(page: tuple[Any, str]) -> None:
    """Chinese shows as characters, not as boxes: a CJK font is named in the CSS and installed (fonts-noto-cjk)."""
    tab, _ = page
    tab.fill("#text", "研发费用加计扣除怎么算")
    tab.press("#text", "Enter")
    tab.locator(".msg.bot .options button").first.wait_for(timeout=WAIT_MS)
    for selector in ("#title", "#send", ".msg.bot", ".msg.bot .options button"):
        assert missing_glyphs(tab, selector) == [], f"{selector}: install fonts-noto-cjk"


def test_asking_and_choosing_an_option(page: tuple[Any, str], engine: Engine) -> None:
    tab, _ = page
    tab.fill("#text", "研发费用加计扣除怎么算")
    tab.press("#text", "Enter")
    first = tab.locator(".msg.bot").first
    first.locator(".options button").first.wait_for(timeout=WAIT_MS)
    assert "加计扣除" in first.inner_text()
    assert tab.locator(".msg.you").first.inner_text().endswith("研发费用加计扣除怎么算")
    assert tab.input_value("#text") == ""
    option = first.locator(".options button").first
    key = option.inner_text().split()[0]
    option.click()
    second = tab.locator(".msg.bot").nth(1)
    second.locator("details").wait_for(timeout=WAIT_MS)
    assert tab.locator(".msg.you").nth(1).inner_text().endswith(key)
    assert "加计扣除" in second.inner_text()
    rows = turns(engine, channel="web")
    assert [r["text"] for r in rows] == ["研发费用加计扣除怎么算", key]
    assert len({r["user_hash"] for r in rows}) == 1  # one user id kept by the page


def test_each_option_is_shown_once(page: tuple[Any, str]) -> None:
    """Options are buttons, not also lines of the text: for a topic's menu and for a checklist's 是 / 否."""
    tab, _ = page
    for n, text in enumerate(("研发费用加计扣除怎么算", "专精特新能评吗")):
        tab.fill("#text", text)
        tab.press("#text", "Enter")
        bubble = tab.locator(".msg.bot").nth(n)
        bubble.locator(".options button").first.wait_for(timeout=WAIT_MS)
        buttons = bubble.locator(".options button").all_inner_texts()
        shown = bubble.inner_text()
        assert len(buttons) >= 2
        for label in buttons:
            assert shown.count(label) == 1, f"{label!r} appears more than once in {shown!r}"
        body = bubble.evaluate("e => e.childNodes[1].textContent")
        assert body.strip() and not any(label in body for label in buttons)


def test_details_show_the_match(page: tuple[Any, str]) -> None:
    tab, _ = page
    texts = load_texts(None).page
    tab.fill("#text", "专精特新要什么条件")
    tab.click("#send")
    details = tab.locator(".msg.bot details").first
    details.wait_for(timeout=WAIT_MS)
    details.locator("summary").click()
    shown = details.inner_text()
    assert f"{texts.intent}: zjtx" in shown and ("alias:" in shown or "example:" in shown)


def test_text_is_shown_as_text_not_html(page: tuple[Any, str]) -> None:
    tab, _ = page
    tab.fill("#text", "<img src=x onerror=alert(1)>")
    tab.press("#text", "Enter")
    tab.locator(".msg.bot details").first.wait_for(timeout=WAIT_MS)
    assert tab.locator(".msg img").count() == 0
    assert "<img src=x" in tab.locator(".msg.you").first.inner_text()


def test_new_session_starts_a_new_user(page: tuple[Any, str], engine: Engine) -> None:
    tab, _ = page
    for text in ("你好", "你好"):
        tab.fill("#text", text)
        tab.press("#text", "Enter")
        tab.locator(".msg.bot details").first.wait_for(timeout=WAIT_MS)
        tab.click("#new")
        assert tab.locator(".msg").count() == 0
    assert len({r["user_hash"] for r in turns(engine, channel="web")}) == 2


def test_server_error_shows_the_yaml_apology(page: tuple[Any, str]) -> None:
    tab, _ = page
    texts = load_texts(None).page
    tab.route("**/api/ask", lambda route: route.fulfill(status=500, body="boom"))
    tab.fill("#text", "你好")
    tab.press("#text", "Enter")
    tab.locator(".msg.bot.error").wait_for(timeout=WAIT_MS)
    assert tab.locator(".msg.bot.error").inner_text().endswith(texts.error)
