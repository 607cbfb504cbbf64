"""Fixtures for the browser tests: JupyterLab on 127.0.0.1, Debian's Chromium.

The suite runs JupyterLab the way the README does (``jupyter lab`` from the
venv, root folder ``notebooks``) but on a free port with a generated token,
against a copy of the notebooks with their outputs cleared, so the stored
notebooks are never touched and every output seen comes from this run. One
server and one browser serve the whole session; the server is shut down (its
kernels with it) at the end, and its process group killed if it does not stop.

Chromium is Debian's (``apt-get install chromium``), driven by Python playwright
through ``executable_path``. Without it the suite is skipped with a message, or
fails when ``CI=true``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from nbconvert.preprocessors import ClearOutputPreprocessor

from tools.classroom.course import notebook_paths

from .lab_driver import CHROMIUM_ARGS, ROOT, VIEWPORT, require_chromium

SCREENSHOTS = ROOT / "screenshots"

# JupyterLab user settings for the test server: no news/update prompts, and every
# cell kept in the page (no windowing) so the whole notebook can be inspected.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


@pytest.fixture(scope="session")
def chromium() -> Path:
    return require_chromium()


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the screenshots go (git-ignored), one PNG per notebook."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


# ------------------------------------------------------------------ JupyterLab
@dataclass
class Lab:
    url: str
    token: str
    root: Path
    process: subprocess.Popen

    def api(self, method: str, path: str, body=None):
        """Call the server's REST API (127.0.0.1 only) with the token."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}{path}", data=data, method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
        return json.loads(text) if text else None

    def page_url(self, notebook: str) -> str:
        # ?reset starts from an empty workspace: only this notebook opens.
        return f"{self.url}/lab/tree/{notebook}?reset&token={self.token}"

    def kernel_idle(self, notebook: str) -> bool:
        """Whether the notebook's kernel has started and is idle (server's view)."""
        for session in self.api("GET", "/api/sessions"):
            if session["path"] == notebook:
                return session["kernel"] is not None and session["kernel"]["execution_state"] == "idle"
        return False

    def shutdown_kernels(self) -> None:
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_notebooks(dest: Path) -> list[Path]:
    """Copy the course's notebooks with outputs cleared, so the run's outputs are
    the only ones on the page."""
    dest.mkdir(parents=True, exist_ok=True)
    clear = ClearOutputPreprocessor()
    copies = []
    for path in notebook_paths():
        nb = nbformat.read(path, as_version=4)
        nb.metadata.pop("widgets", None)
        clear.preprocess(nb, {})
        nbformat.write(nb, dest / path.name)
        copies.append(dest / path.name)
    shutil.copy2(ROOT / "notebooks" / "course.json", dest / "course.json")
    return copies


def start_lab(root: Path, workdir: Path, timeout: float = 60) -> Lab:
    port, token = free_port(), secrets.token_hex(24)
    settings = workdir / "user-settings"
    for name, values in LAB_SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(values))
    jupyter = Path(sys.executable).with_name("jupyter")
    cmd = [
        str(jupyter), "lab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={workdir / 'workspaces'}",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(workdir / "runtime"), JUPYTER_DATA_DIR=str(workdir / "data"))
    env.pop("MPLBACKEND", None)  # kernels must use the inline backend (see NOTEBOOK-TESTING.md)
    log = open(workdir / "jupyterlab.log", "wb")
    process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    lab = Lab(f"http://127.0.0.1:{port}", token, root, process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with {process.returncode}; log: {workdir / 'jupyterlab.log'}")
        try:
            lab.api("GET", "/api/status")
            return lab
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    stop_lab(lab)
    raise RuntimeError(f"JupyterLab did not answer within {timeout} s; log: {workdir / 'jupyterlab.log'}")


def stop_lab(lab: Lab) -> None:
    """Shut the server down through its API (kernels first), then make sure its
    process group is gone."""
    try:
        lab.shutdown_kernels()
        lab.api("POST", "/api/shutdown")
    except (urllib.error.URLError, ConnectionError, OSError):
        pass
    try:
        lab.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(lab.process.pid, sig)
        except ProcessLookupError:
            break
        try:
            lab.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def lab(chromium, tmp_path_factory):
    """A JupyterLab server over a fresh copy of the notebooks, for the session."""
    workdir = tmp_path_factory.mktemp("jupyterlab")
    root = workdir / "notebooks"
    copy_notebooks(root)
    server = start_lab(root, workdir)
    try:
        yield server
    finally:
        stop_lab(server)


@pytest.fixture
def lab_page(browser, lab):
    """A fresh browser page (its own context); kernels are shut down afterwards."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
        lab.shutdown_kernels()
