"""Headless Chromium for the browser tests: where it is, and one way to start it.

Chromium and its driver come from Debian's packages ('chromium', 'chromium-driver'), which
``tools/dev.py test`` installs where it may; elsewhere the browser tests skip themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
MISSING = (
    "headless Chromium is not installed (/usr/bin/chromium and /usr/bin/chromedriver;"
    " Debian packages 'chromium' and 'chromium-driver')"
)


def available() -> bool:
    return CHROMIUM.exists() and CHROMEDRIVER.exists()


def start(
    profile: Path,
    *,
    size: tuple[int, int] = (1280, 1024),
    scrollbars: bool = True,
    accept_prompts: bool = False,
) -> WebDriver:
    """A headless Chromium with its own profile folder. ``--disable-dev-shm-usage``: a
    container's small /dev/shm otherwise crashes the tab on large pages."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        f"--window-size={size[0]},{size[1]}",
        f"--user-data-dir={profile}",
    ]
    if not scrollbars:
        flags.append("--hide-scrollbars")  # so that a page's width is the window's
    for flag in flags:
        options.add_argument(flag)
    if accept_prompts:  # a page's "leave this page?" question is answered yes
        options.set_capability("unhandledPromptBehavior", "accept")
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
