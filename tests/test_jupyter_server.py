"""JupyterLab serves the project's notebooks: start a real server, ask its REST API, stop it."""
from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 90   # seconds for the server to answer
REQUEST_TIMEOUT = 20  # seconds per HTTP request

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, token: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
        return response.status, response.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1 with a random token, rooted at the repository.

    Its config, runtime and settings folders are fresh temporary ones so that nothing of
    the user's own Jupyter set-up leaks in (the project's settings are its files: the
    notebooks and notebooks/jupytext.toml); the server is always shut down.
    """
    home = tmp_path_factory.mktemp("jupyter")
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ,
           "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces")}
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={ROOT}", "--ServerApp.open_browser=False",
               # No look-ups on PyPI from the extension manager: tests run offline.
               "--LabApp.extension_manager=readonly"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI and the dev containers run as root
    log = open(home / "server.log", "wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"jupyter lab exited with {process.returncode}:\n"
                            + (home / "server.log").read_text(errors="replace")[-3000:])
            try:
                status, _ = _get(f"{base}/api/status", token)
                if status == 200:
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer within {START_TIMEOUT} s:\n"
                            + (home / "server.log").read_text(errors="replace")[-3000:])
            time.sleep(0.5)
        yield base, token
    finally:
        try:
            request = urllib.request.Request(f"{base}/api/shutdown", method="POST", data=b"",
                                             headers={"Authorization": f"token {token}"})
            urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT).close()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        log.close()


def test_lists_the_notebooks(server):
    base, token = server
    status, body = _get(f"{base}/api/contents/notebooks", token)
    assert status == 200
    listing = json.loads(body)
    kinds = {item["name"]: item["type"] for item in listing["content"]}
    for name in ("01_corpus_and_words.ipynb", "02_quotes_and_speakers.ipynb", "03_coverage_compared.ipynb"):
        assert kinds.get(name) == "notebook", kinds


def test_serves_a_notebook_with_its_cells(server):
    base, token = server
    status, body = _get(f"{base}/api/contents/notebooks/02_quotes_and_speakers.ipynb?content=1", token)
    model = json.loads(body)
    assert status == 200 and model["type"] == "notebook"
    assert model["content"]["cells"][0]["source"].startswith("# 2. Quotes and speakers")


def test_has_the_python_kernel(server):
    base, token = server
    status, body = _get(f"{base}/api/kernelspecs", token)
    specs = json.loads(body)
    assert status == 200 and "python3" in specs["kernelspecs"]


def test_serves_the_lab_page(server):
    base, token = server
    status, body = _get(f"{base}/lab", token)
    assert status == 200 and b"JupyterLab" in body


def test_refuses_requests_without_the_token(server):
    base, _ = server
    with pytest.raises(urllib.error.HTTPError) as excinfo:
        urllib.request.urlopen(f"{base}/api/contents/notebooks", timeout=REQUEST_TIMEOUT)
    assert excinfo.value.code == 403
