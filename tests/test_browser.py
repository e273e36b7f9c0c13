"""The student's view, in a real browser: JupyterLab opens every release
notebook and runs it, which stops at the first unanswered exercise; with the
answers typed in through the editor, every notebook runs without an error,
renders its plots on an opaque light background (screenshots in the light
and the dark theme), and nbgrader's Validate button accepts it.

Needs Debian's chromium and pip's playwright (both installed by `make setup`);
screenshots are saved under test-artifacts/browser/.
"""
import base64
import io
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from autograder import course, demo

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = course.ROOT / "test-artifacts" / "browser"
VALIDATED_STUBS = "05_clipping"  # Validate on the untouched release, too
EXPECTED_STUB_ERRORS = {"NotImplementedError", "CheckFailed", "AssertionError"}

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1 serving a copy of notebooks/."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(course.NOTEBOOKS, root / "notebooks")
    settings = root / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # Render every cell (no virtual scrolling), so each is in the page.
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    notifications = root / "settings" / "@jupyterlab" / "apputils-extension"
    notifications.mkdir(parents=True)
    # No "get notified about Jupyter news?" toast over the screenshots.
    (notifications / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    token = secrets.token_hex(16)
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"), "HOME": str(root),
           "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
         f"--port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--LabApp.expose_app_in_browser=True"],
        env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("JupyterLab did not start")
            time.sleep(0.5)
    yield base, token, root
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield chromium
        chromium.close()


def _open(browser, lab, assignment):
    base, token, _ = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    # A workspace of its own, so that no other notebook is restored beside it.
    page.goto(f"{base}/lab/workspaces/{assignment}/tree/notebooks/{assignment}/{assignment}.ipynb"
              f"?reset&token={token}")
    page.wait_for_function("""() => {
        const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
        return w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel
            && w.sessionContext.session.kernel.status === 'idle' && w.content.widgets.length > 0;
    }""", timeout=120_000)
    return page


def _run_all_and_wait(page, timeout_ms):
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.wait_for_timeout(500)
    page.wait_for_function("""() => {
        const w = window.jupyterapp.shell.currentWidget;
        const busy = w.content.widgets.some(c => c.model.type === 'code' && c.promptNode
            && c.promptNode.textContent.includes('*'));
        const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
        return !busy && kernel && kernel.status === 'idle';
    }""", timeout=timeout_ms, polling=500)


def _outputs(page):
    """Per code cell: (grade_id, [error names], number of images)."""
    return page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
        .filter(c => c.model.type === 'code')
        .map(c => {
            const outs = c.model.outputs.toJSON();
            const meta = c.model.getMetadata('nbgrader') || {};
            return [meta.grade_id || '', outs.filter(o => o.output_type === 'error').map(o => o.ename),
                    outs.filter(o => o.data && o.data['image/png']).length];
        })""")


def _images(page):
    """Every PNG in the notebook's outputs, decoded."""
    from PIL import Image
    encoded = page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
        .filter(c => c.model.type === 'code')
        .flatMap(c => c.model.outputs.toJSON())
        .filter(o => o.data && o.data['image/png'])
        .map(o => o.data['image/png'])""")
    return [Image.open(io.BytesIO(base64.b64decode(data))) for data in encoded]


def _validate(page, assignment, name):
    """Save, click nbgrader's Validate, screenshot, and return the dialog's text."""
    page.evaluate("() => { window.jupyterapp.commands.execute('docmanager:save'); }")
    page.wait_for_timeout(1000)
    page.locator(".validate-button").first.click()
    result = page.locator(".validation-success, .validation-failed").first
    result.wait_for(timeout=240_000)
    page.screenshot(path=str(ARTIFACTS / f"{assignment}-{name}.png"))
    text = result.inner_text()
    page.keyboard.press("Escape")
    return text


@pytest.mark.parametrize("assignment", course.assignments())
def test_release_notebook_runs_in_jupyterlab(browser, lab, assignment):
    page = _open(browser, lab, assignment)
    _run_all_and_wait(page, 180_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{assignment}-release.png"))
    errors = [(gid, names) for gid, names, _ in _outputs(page) if names]
    assert errors, "running the untouched release stops at an unanswered exercise"
    first_gid, first = errors[0]
    assert set(first) <= EXPECTED_STUB_ERRORS, f"{first_gid}: unexpected {first}"
    if assignment == VALIDATED_STUBS:
        text = _validate(page, assignment, "release-validated")
        assert "NotImplementedError" in text, "Validate names the unanswered exercises"
    page.close()


def _type_answers(page, answers):
    """Type each answer into its cell's editor, as a student would."""
    ids = page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
        .map(c => (c.model.getMetadata('nbgrader') || {}).grade_id || '')""")
    for index, gid in enumerate(ids):
        if gid not in answers:
            continue
        page.evaluate("""async (i) => {
            const nb = window.jupyterapp.shell.currentWidget.content;
            nb.activeCellIndex = i;
            await nb.scrollToItem(i);
            await window.jupyterapp.commands.execute('notebook:enter-edit-mode');
        }""", index)
        page.wait_for_function("(i) => window.jupyterapp.shell.currentWidget.content.widgets[i].editor.hasFocus()",
                               arg=index, timeout=10_000)
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        page.keyboard.insert_text(answers[gid])
        page.keyboard.press("Escape")


@pytest.mark.parametrize("assignment", course.assignments())
def test_answers_typed_in_the_editor_run_and_plot(browser, lab, assignment):
    answers = {course.grade_id(c): c.source for c in demo.answered(assignment).cells if course.is_answer(c)}
    page = _open(browser, lab, assignment)
    _type_answers(page, answers)
    _run_all_and_wait(page, 300_000)
    outputs = _outputs(page)
    assert [(gid, names) for gid, names, _ in outputs if names] == [], "no cell shows an error"
    assert sum(images for _, _, images in outputs) >= 2, "the notebook's plots render"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    first_plot = next(i for i, (_, _, images) in enumerate(outputs) if images)
    page.evaluate("""async (i) => {
        const nb = window.jupyterapp.shell.currentWidget.content;
        const code = nb.widgets.map((c, k) => [c, k]).filter(([c]) => c.model.type === 'code');
        await nb.scrollToItem(code[i][1]);
    }""", first_plot)
    page.locator(".jp-OutputArea-output img").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"{assignment}-answered.png"))
    for image in _images(page):
        rgba = image.convert("RGBA")
        assert rgba.getextrema()[3][0] == 255, "plots are opaque (readable on a dark theme)"
        assert min(rgba.getpixel((0, 0))[:3]) > 230, "plots have a light background of their own"
    _set_theme(page, "JupyterLab Dark")
    try:
        page.screenshot(path=str(ARTIFACTS / f"{assignment}-answered-dark.png"))
    finally:
        _set_theme(page, "JupyterLab Light")
    assert "Success! Your notebook passes all the tests." in _validate(page, assignment, "validated")
    page.close()


def _set_theme(page, theme):
    page.evaluate("(t) => window.jupyterapp.commands.execute('apputils:change-theme', {theme: t})", theme)
    light = "true" if "Light" in theme else "false"
    page.wait_for_function("(l) => document.body.dataset.jpThemeLight === l", arg=light, timeout=30_000)
    page.wait_for_timeout(500)
