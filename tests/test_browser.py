"""The report and the notebooks in a real browser: headless Chromium driven by selenium.

Each HTML page of a report is opened from disk (file://, no server, no network): its tables
must be DataTables that sort and filter, and the page must log no script error. Then one
notebook is run in a real JupyterLab server through the browser (menu Run → Run All Cells):
it must write its figures into its own folder and show interactive tables there too.

Skipped, with the reason, when Chromium or chromedriver is missing (Debian: `apt-get install
chromium chromium-driver`; `.ci/run` does it).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from tests.conftest import PROJECT_DIR, TESTS_DIR

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="no headless Chromium: install Debian's chromium and chromium-driver to run the "
    "browser tests",
)
MULTI = TESTS_DIR / "data" / "multi"
PAGES = ["00_overview", "01_entity_frequency", "02_quoted_sentiment", "03_timeline"]


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report"
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--corpus", str(MULTI), "--out", str(out)],
        env={**os.environ, "MPLBACKEND": "agg"}, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, cwd=out.parent)
    assert result.returncode == 0, result.stderr
    return out


def _wait(condition, seconds: float, what: str):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")


def _errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE"]


def _column(driver, table_id: str, index: int) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0] + ' tbody tr')]"
        ".map(r => r.cells[arguments[1]] ? r.cells[arguments[1]].innerText : '')",
        f"#{table_id}", index)


@pytest.mark.parametrize("page", PAGES)
def test_report_page_tables_sort_and_filter_without_script_errors(browser, report, page):
    from selenium.webdriver.common.by import By

    browser.get((report / f"{page}.html").as_uri())
    ids = _wait(lambda: browser.execute_script(
        "return [...document.querySelectorAll('table.dataTable')].map(t => t.id)"), 30,
        f"the DataTables of {page}.html")
    assert _errors(browser) == []
    assert all(i.startswith("table-") for i in ids)
    table = ids[0]
    first = _column(browser, table, 0)
    assert len(first) >= 2, f"{table}: too few rows to test"
    header = browser.find_elements(By.CSS_SELECTOR, f"#{table} thead th")[0]
    header.click()  # sort ascending, then descending
    _wait(lambda: "dt-ordering-asc" in header.get_attribute("class"), 10, "ascending order")
    ascending = _column(browser, table, 0)
    header.click()
    _wait(lambda: "dt-ordering-desc" in header.get_attribute("class"), 10, "descending order")
    descending = _column(browser, table, 0)
    assert ascending != descending or len(set(first)) == 1
    assert ascending[0] == min(ascending, key=str.casefold) or ascending[0] <= ascending[-1]
    search = browser.find_element(By.CSS_SELECTOR, f"input[aria-controls='{table}']")
    search.send_keys("zzzz-nothing-matches")
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, f"#{table} td.dt-empty"), 10,
          "the filter to leave no row")
    search.clear()
    search.send_keys(first[0])
    _wait(lambda: first[0] in _column(browser, table, 0), 10, "the filter on a value")
    assert all(row for row in _column(browser, table, 0))
    assert _errors(browser) == []


def _accept_dialog(browser) -> None:
    """Accept JupyterLab's dialog if one opens within a few seconds."""
    from selenium.webdriver.common.by import By

    end = time.monotonic() + 5
    while time.monotonic() < end:
        buttons = browser.find_elements(By.CSS_SELECTOR, ".jp-Dialog .jp-mod-accept")
        if buttons:
            buttons[0].click()
            return
        time.sleep(0.25)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_notebook_runs_in_jupyterlab_and_writes_to_its_own_folder(browser, tmp_path):
    from selenium.webdriver.common.by import By

    nb = nbformat.read(PROJECT_DIR / "notebooks" / "01_entity_frequency.ipynb", as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = cell.source.replace("corpus = None", f"corpus = {json.dumps(str(MULTI))}")
    nbformat.write(nb, tmp_path / "mine.ipynb")
    port, token = _free_port(), "browser-test"
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # Lab's own backend
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser",
         f"--port={port}", f"--ServerApp.token={token}", f"--ServerApp.root_dir={tmp_path}",
         "--allow-root", "--ServerApp.open_browser=False"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/lab/tree/mine.ipynb?token={token}"

        def loaded() -> bool:
            try:
                browser.get(url)
            except Exception:  # the server is still starting
                return False
            return True

        _wait(loaded, 60, "JupyterLab to start")
        _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-Cell"), 90,
              "the notebook to open")
        _wait(lambda: browser.find_elements(
            By.XPATH, "//*[contains(@class,'jp-Notebook-ExecutionIndicator') and "
            "@data-status='idle']") or browser.find_elements(
            By.XPATH, "//*[contains(text(),'Python (French news analysis)')]"), 90,
            "the project kernel")
        _accept_dialog(browser)  # « Select Kernel »: the notebook's own kernel is preselected
        menu = _wait(lambda: browser.find_elements(
            By.XPATH, "//div[contains(@class,'lm-MenuBar-itemLabel') and text()='Run']"), 30,
            "the Run menu")
        menu[0].click()
        item = _wait(lambda: browser.find_elements(
            By.XPATH, "//div[contains(@class,'lm-Menu-itemLabel') and "
            "text()='Run All Cells']"), 10, "Run All Cells")
        item[0].click()
        _accept_dialog(browser)
        figure = tmp_path / "lab-output" / "figures" / "entity_frequency_by_date.png"
        try:
            _wait(figure.exists, 240, f"{figure} (the last figure of the notebook)")
        finally:
            browser.save_screenshot(str(tmp_path / "lab.png"))
        assert (tmp_path / "lab-output" / "tables" / "entity_frequency.csv").exists()
        _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "table.dataTable"), 30,
              "an interactive table in JupyterLab")
        errors = browser.find_elements(By.CSS_SELECTOR,
                                       "[data-mime-type='application/vnd.jupyter.error']")
        assert errors == []
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
