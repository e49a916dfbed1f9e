"""Every lesson, as a student meets it: JupyterLab in headless Chromium.

For each notebook: open it, Kernel > Restart Kernel and Run All Cells, then check that every
cell ran without a traceback, that widgets rendered as controls (not as their text repr, not
as an error box), that operating one widget changes what the notebook shows, and that
axe-core finds no serious or critical accessibility problem (nor an empty table header or a
skipped heading level) in the notebook's output areas. What axe finds in JupyterLab's own
interface is listed at the end of the run, and does not fail the test.

A lesson can tune this with notebook metadata (Edit > Notebook metadata in JupyterLab):

    "newsfacts": {"browser": {
        "widgets": true,            # must the lesson show widgets? (default: guessed)
        "operate": false,           # don't operate any widget
        "select": "CSS", "option": "Lyon" or 2,   # choose this option of a <select>
        "click": "CSS",             # or click this element
        "fill": "CSS", "text": "Paris",           # or type into this input (then Enter)
        "expect": "Chosen: Lyon",   # text that must show after operating
        "timeout": 600,             # seconds to run all cells
        "readme_screenshot": true   # this lesson makes docs/images/lesson-screenshot.png
    }}

CSS selectors are looked up inside the notebook's output areas. Cells tagged
`raises-exception` (or marked `# NBVAL_RAISES_EXCEPTION`) may show a traceback.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "screenshots"
README_SCREENSHOT = REPO / "docs" / "images" / "lesson-screenshot.png"
VIEWPORT = {"width": 1280, "height": 800}
MAX_SCREENSHOT_HEIGHT = 16000
OUTPUTS = ".jp-NotebookPanel .jp-Cell .jp-OutputArea-output"
OUTPUT_AREA = ".jp-OutputArea-output"  # what the lesson's code shows: the project's output
INDICATOR = ".jp-NotebookPanel .jp-Notebook-ExecutionIndicator"
WIDGET_SOURCE = re.compile(r"\b(ipywidgets|widgets?|interact(ive)?)\b")
ERROR_LINE = re.compile(r"^\w*(Error|Exception)\b", re.M)
WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"

# Per code cell: its prompt, and per output its mime type, text and widget views.
CELLS_JS = """() => [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')].map(c => ({
  prompt: (c.querySelector('.jp-InputArea-prompt') || {}).textContent || '',
  outputs: [...c.querySelectorAll('.jp-OutputArea-output')].map(o => ({
    mime: o.dataset.mimeType || '',
    text: o.innerText,
    widgets: o.querySelectorAll(
      '.jupyter-widgets:not(.jupyter-widgets-error-widget):not(:has(.jupyter-widgets-error-widget))'
    ).length,
    widget_errors: o.querySelectorAll('.jupyter-widgets-error-widget').length,
  })),
}))"""

# What the notebook shows, less the state of the controls themselves (a dropdown's options,
# an input's value, a slider's readout): text, plus a hash of every image.
SIGNATURE_JS = """() => {
  const hash = s => {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
    return h;
  };
  const controls = 'select, input, textarea, .widget-readout, style, script';
  return [...document.querySelectorAll('.jp-NotebookPanel .jp-Cell .jp-OutputArea-output')]
    .filter(o => !o.parentElement.closest('.jp-OutputArea-output'))
    .map(o => {
      const c = o.cloneNode(true);
      c.querySelectorAll(controls).forEach(e => e.remove());
      const imgs = [...o.querySelectorAll('img')].map(i => hash(i.src));
      const svgs = [...o.querySelectorAll('svg')].map(s => hash(s.outerHTML));
      return c.textContent + ' [img ' + imgs.join(',') + '] [svg ' + svgs.join(',') + ']';
    }).join('\\n');
}"""

# Cells running or queued show [*]; the toolbar's execution indicator says 'idle' when the
# kernel is, but also before there is any kernel: wait for the kernel's name as well.
RUNNING_JS = """() => {
  const ind = document.querySelector('INDICATOR');
  const busy = [...document.querySelectorAll('.jp-NotebookPanel .jp-InputArea-prompt')]
    .some(p => p.textContent.includes('*'));
  return CONDITION;
}""".replace("INDICATOR", INDICATOR)
STARTED_JS = RUNNING_JS.replace("CONDITION", "busy || (ind && ind.dataset.status !== 'idle')")
FINISHED_JS = RUNNING_JS.replace("CONDITION", "!busy && ind && ind.dataset.status === 'idle'")
KERNEL_READY_JS = """() => {
  const name = document.querySelector('.jp-NotebookPanel [data-jp-item-name=kernelName]');
  const ind = document.querySelector('INDICATOR');
  const text = name ? name.innerText.trim() : '';
  return text !== '' && text !== 'No Kernel' && ind && ind.dataset.status === 'idle';
}""".replace("INDICATOR", INDICATOR)

# Messages waiting in the Log Console (its status-bar item is hidden while there are none).
LOG_COUNT_JS = """() => {
  const e = document.querySelector('.jp-LogConsoleStatusItem');
  return e && !e.classList.contains('lm-mod-hidden') ? parseInt(e.innerText, 10) || 0 : 0;
}"""


def widget_class_names() -> list[str]:
    try:
        import ipywidgets
    except ImportError:
        return ["VBox", "HBox", "Box", "Dropdown", "RadioButtons", "Button", "Output", "HTML"]
    names = {
        name
        for name, obj in vars(ipywidgets).items()
        if isinstance(obj, type) and issubclass(obj, ipywidgets.Widget)
    }
    return sorted(names | {"interactive"}, key=len, reverse=True)


# A widget shown as text: "Dropdown(options=('a', 'b'), value='a')", "Output()".
WIDGET_REPR = re.compile(r"^\s*(?:" + "|".join(widget_class_names()) + r")\((?:\)|\w+=)", re.M)


def browser_meta(nb: dict) -> dict:
    return nb.get("metadata", {}).get("newsfacts", {}).get("browser", {}) or {}


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]


def source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def may_raise(cell: dict) -> bool:
    tags = cell.get("metadata", {}).get("tags", [])
    return "raises-exception" in tags or "NBVAL_RAISES_EXCEPTION" in source(cell)


def expects_widgets(nb: dict, meta: dict) -> bool:
    if "widgets" in meta:
        return bool(meta["widgets"])
    for cell in code_cells(nb):
        if WIDGET_SOURCE.search(source(cell)):
            return True
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            # a stored widget output, or the plain-text stand-in scripts/run_notebooks.py
            # leaves in its place ("Run this cell to show the interactive widget.")
            if WIDGET_VIEW_MIME in data or "widget" in "".join(data.get("text/plain", "")):
                return True
    return False


def readme_choice() -> str | None:
    """NEWSFACTS_UPDATE_SCREENSHOT: unset/0 -> no README screenshot; 1 -> the default lesson;
    anything else -> the lesson with that file stem."""
    value = os.environ.get("NEWSFACTS_UPDATE_SCREENSHOT", "").strip()
    if value.lower() in {"", "0", "false", "no"}:
        return None
    return "" if value.lower() in {"1", "true", "yes"} else value


# --------------------------------------------------------------------------- page steps


def open_lesson(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
    # A notebook without kernel metadata asks which kernel: take the default.
    dialog = page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept")
    if dialog.count():
        dialog.first.click()
    page.wait_for_function(KERNEL_READY_JS, timeout=90_000, polling=100)
    time.sleep(0.3)
    page.wait_for_function(KERNEL_READY_JS, timeout=90_000, polling=100)
    # Fold the file browser away: more room for the lesson in the screenshots.
    current_tab = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if current_tab.count():
        current_tab.first.click()


def restart_and_run_all(page, timeout_s: float) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Kernel$")).click()
    page.locator(".lm-Menu-item", has_text=re.compile(r"^Restart Kernel and Run All Cells")).click()
    page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept").click()
    # the restart takes a second or more: see it begin, so as not to stop too early
    wait_for_the_run(page, timeout_s, start_ms=30_000)


def wait_for_the_run(page, timeout_s: float, start_ms: int) -> None:
    """Wait for cells to start (up to `start_ms`), then to finish and stay finished."""
    try:
        page.wait_for_function(STARTED_JS, timeout=start_ms, polling="raf")
    except Exception:
        pass
    deadline = time.monotonic() + timeout_s
    while True:
        remaining = max(1.0, deadline - time.monotonic())
        page.wait_for_function(FINISHED_JS, timeout=remaining * 1000, polling=250)
        time.sleep(0.5)  # stay finished (no cell queued next)?
        if page.evaluate(FINISHED_JS):
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"cells still running after {timeout_s:.0f} s")


def wait_idle(page, timeout_s: float = 30) -> None:
    page.wait_for_function(FINISHED_JS, timeout=timeout_s * 1000, polling=100)


def check_cells(nb: dict, cells: list[dict]) -> tuple[list[str], int, int]:
    """Problems, widget views and widget error boxes over all code cells."""
    problems: list[str] = []
    nb_cells = code_cells(nb)
    if len(nb_cells) != len(cells):
        problems.append(f"{len(cells)} code cells on the page, {len(nb_cells)} in the file")
        nb_cells = [{}] * len(cells)
    widgets = errors = 0
    for i, (cell, dom) in enumerate(zip(nb_cells, cells, strict=True), start=1):
        where = f"code cell {i}"
        if source(cell).strip() and not re.search(r"\[\d+\]", dom["prompt"]):
            problems.append(
                f"{where} did not run (prompt {dom['prompt']!r}): an earlier cell failed?"
            )
        for out in dom["outputs"]:
            text = out["text"] or ""
            widgets += out["widgets"]
            errors += out["widget_errors"]
            is_error = "Traceback" in text or (
                out["mime"] == "application/vnd.jupyter.stderr" and ERROR_LINE.search(text)
            )
            if is_error and not may_raise(cell):
                problems.append(f"{where} shows an error:\n{text.strip()[-1500:]}")
            if out["mime"] in {"text/plain", "application/vnd.jupyter.stdout"}:
                m = WIDGET_REPR.search(text)
                if m:
                    line = text[m.start() :].strip().splitlines()[0][:200]
                    problems.append(f"{where} shows a widget as text, not as a control: {line}")
    return problems, widgets, errors


ENABLED = ":not([disabled]):visible"
# The nearest output area around an element.
OUTPUT_AREA_XPATH = (
    "xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), "
    "' jp-OutputArea-output ')][1]"
)


def find_generic_control(page):
    """(description, action, element) for the first widget the generic strategy can operate:
    a drop-down, else a radio button, a button, toggle buttons, a list, a checkbox, a slider,
    a text box."""
    out = page.locator(OUTPUTS)

    dropdowns = out.locator(f".widget-dropdown select{ENABLED}")
    if dropdowns.count():
        sel = dropdowns.first
        if sel.locator("option").count() >= 2:
            index = 1 if sel.evaluate("s => s.selectedIndex") != 1 else 0
            return (
                f"dropdown -> option {index + 1}",
                lambda: sel.select_option(index=index),
                sel,
            )
    clickables = [
        ("radio button", f".widget-radio-box input[type=radio]:not(:checked){ENABLED}"),
        ("button", f"button.widget-button:not(.widget-toggle-button){ENABLED}"),
        ("toggle button", f".widget-toggle-buttons button:not(.mod-active){ENABLED}"),
    ]
    for what, css in clickables:
        found = out.locator(css)
        if found.count():
            return (what, found.first.click, found.first)
    lists = out.locator(f".widget-select select{ENABLED}")
    if lists.count() and lists.first.locator("option").count() >= 2:
        return ("list -> option 2", lambda: lists.first.select_option(index=1), lists.first)
    checkboxes = out.locator(f".widget-checkbox input[type=checkbox]{ENABLED}")
    if checkboxes.count():
        return ("checkbox", checkboxes.first.click, checkboxes.first)
    sliders = out.locator(".widget-slider .noUi-handle:visible")
    if sliders.count():
        handle = sliders.first

        def nudge():
            handle.focus()
            handle.press("ArrowRight")

        return ("slider -> one step right", nudge, handle)
    boxes = out.locator(
        f".widget-text input[type=text]{ENABLED}, .widget-textarea textarea{ENABLED}"
    )
    if boxes.count():
        box = boxes.first

        def type_in():
            box.fill("Paris")
            box.press("Enter")

        return ("text box", type_in, box)
    return None


def find_declared_control(page, meta: dict):
    """The control named in the notebook's metadata newsfacts.browser, if any."""
    out = page.locator(OUTPUTS)
    if "select" in meta:
        sel = out.locator(meta["select"]).first
        option = meta.get("option", 1)
        if isinstance(option, int):
            act = lambda: sel.select_option(index=option)  # noqa: E731
            return (f"{meta['select']} -> option {option}", act, sel)
        act = lambda: sel.select_option(label=str(option))  # noqa: E731
        return (f"{meta['select']} -> {option}", act, sel)
    if "click" in meta:
        target = out.locator(meta["click"]).first
        return (meta["click"], target.click, target)
    if "fill" in meta:
        box = out.locator(meta["fill"]).first

        def type_in():
            box.fill(str(meta.get("text", "Paris")))
            box.press("Enter")

        return (meta["fill"], type_in, box)
    return None


def wait_for_change(page, before: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while True:
        if page.evaluate(SIGNATURE_JS) != before:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)


def operate_widget(page, meta: dict) -> tuple[str, list[str]]:
    """Operate one widget and see the notebook's outputs change; (what, problems).

    A control that only takes effect with a button (pick an answer, then "Check") gets
    that button pressed too: the first one in the same output."""
    control = find_declared_control(page, meta) or find_generic_control(page)
    if control is None:
        return "", [
            "widgets rendered but none the test knows how to operate (dropdown, radio, "
            "button, ...): name one in metadata newsfacts.browser (select/click/fill), "
            'or set "operate": false'
        ]
    what, act, element = control
    before = page.evaluate(SIGNATURE_JS)
    act()
    changed = wait_for_change(page, before, 5)
    if not changed:
        button = element.locator(OUTPUT_AREA_XPATH).locator(f"button.widget-button{ENABLED}")
        if button.count() and not element.evaluate("e => e.matches('button')"):
            label = button.first.inner_text().strip()
            button.first.click()
            what += f", then the button {label!r}"
        changed = wait_for_change(page, before, 15)
    if not changed:
        return what, [f"operating the {what} changed nothing in the notebook's outputs"]
    try:
        wait_idle(page)
    except Exception:
        pass
    time.sleep(0.5)  # let the last message render
    problems = []
    expect = meta.get("expect")
    if expect and expect not in page.evaluate(SIGNATURE_JS):
        problems.append(f"after operating the {what}, {expect!r} is not shown")
    return what, problems


def log_console_errors(page) -> str:
    """Tracebacks that went to JupyterLab's Log Console (widget callbacks report there)."""
    count = page.evaluate(LOG_COUNT_JS)
    if not count:
        return ""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^View$")).click()
    page.locator(".lm-Menu-item[data-command='logconsole:open']").click()
    panel = page.locator(".jp-LogConsolePanel")
    panel.first.wait_for(timeout=10_000)
    time.sleep(0.5)
    text = panel.first.inner_text()
    if "Traceback" in text or ERROR_LINE.search(text):
        return text.strip()[-2000:]
    return ""


def full_page_screenshot(page, path: Path) -> None:
    height = page.evaluate(
        """() => { const o = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
                   return o ? Math.ceil(window.innerHeight - o.clientHeight + o.scrollHeight)
                            : window.innerHeight; }"""
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(
        {
            "width": VIEWPORT["width"],
            "height": max(VIEWPORT["height"], min(height, MAX_SCREENSHOT_HEIGHT)),
        }
    )
    time.sleep(0.5)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(VIEWPORT)
    time.sleep(0.3)


# --------------------------------------------------------------------------- the test


def axe_problems(page, axe, lesson_result) -> list[str]:
    """axe-core on the page after the lesson ran: the outputs' blocking findings as problems;
    JupyterLab's own (outside the output areas) kept for the run's summary."""
    findings = axe(page, OUTPUT_AREA)
    lesson_result.axe_interface = [f.line() for f in findings if not f.own and f.blocking]
    lesson_result.axe_own = [f.line() for f in findings if f.own and f.blocking]
    if not lesson_result.axe_own:
        return []
    return [
        f"axe-core finds in the lesson's outputs {axe.counts(lesson_result.axe_own)}:\n    "
        + "\n    ".join(lesson_result.axe_own[:6])
    ]


def test_lesson_runs_in_jupyterlab(
    lesson, lesson_result, lab_context, lab_server, browser_record, axe
):
    started = last = time.monotonic()

    def phase(name: str) -> None:
        nonlocal last
        now = time.monotonic()
        lesson_result.phases[name] = lesson_result.phases.get(name, 0.0) + now - last
        last = now

    nb = json.loads(lesson.read_text(encoding="utf-8"))
    meta = browser_meta(nb)
    timeout_s = float(meta.get("timeout") or os.environ.get("NEWSFACTS_BROWSER_TIMEOUT") or 300)
    page = lab_context.new_page()
    page.set_default_timeout(30_000)
    page_errors: list[str] = []
    page.on("pageerror", lambda e: page_errors.append(str(e)))
    problems: list[str] = []
    try:
        open_lesson(page, lab_server.lesson_url(lesson.name))
        phase("open")
        restart_and_run_all(page, timeout_s)
        phase("run")
        lesson_result.ran = True
        cell_problems, widgets, widget_errors = check_cells(nb, page.evaluate(CELLS_JS))
        problems += cell_problems
        lesson_result.widgets = widgets
        if page.get_by_text("Error displaying widget").count() or widget_errors:
            problems.append(f"{max(widget_errors, 1)} widget(s) failed to display (error box)")
        if expects_widgets(nb, meta) and widgets == 0:
            problems.append(
                "the lesson uses widgets but none rendered as a control "
                '(or set metadata newsfacts.browser "widgets": false)'
            )
        phase("check")
        if widgets and meta.get("operate", True) is not False and not problems:
            operated, op_problems = operate_widget(page, meta)
            problems += op_problems
            lesson_result.operated = operated if not op_problems else ""
            phase("operate")
        if lesson_result.ran:
            problems += axe_problems(page, axe, lesson_result)
            phase("axe")
        log_errors = log_console_errors(page)
        if log_errors:
            problems.append(f"the Log Console shows an error (a widget callback?):\n{log_errors}")
        phase("check")
        choice = readme_choice()
        if choice is not None and lesson_result.operated and not problems:
            if choice:  # a lesson named in NEWSFACTS_UPDATE_SCREENSHOT
                wanted = choice == lesson.stem
            else:  # the lesson that asks for it, else the first one with a widget operated
                wanted = (
                    meta.get("readme_screenshot") or not browser_record.readme_screenshot_written
                )
            if wanted:
                README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
                # Show the first control with the lesson around it, not the last cell.
                control = page.locator(".jp-OutputArea-output .widget-dropdown").first
                if control.count():
                    control.evaluate("e => e.scrollIntoView({block: 'start'})")
                    time.sleep(0.3)
                page.screenshot(path=str(README_SCREENSHOT))
                browser_record.readme_screenshot_written = True
    finally:
        phase("check")
        try:
            full_page_screenshot(page, SCREENSHOTS / f"{lesson.stem}.png")
        except Exception as exc:  # the screenshot must not hide the real failure
            problems.append(f"(screenshot failed: {exc})")
        page.close()
        lab_server.shutdown_sessions(lesson.name)
        phase("screenshot+close")
        lesson_result.seconds = time.monotonic() - started
    if problems and page_errors:  # context only: JupyterLab itself logs some harmless ones
        problems.append("JavaScript errors on the page:\n" + "\n".join(page_errors[:5]))
    if problems:
        pytest.fail(f"{lesson.name}:\n- " + "\n- ".join(problems), pytrace=False)
