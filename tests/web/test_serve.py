"""``presslens serve`` as a real process on a free loopback port: it answers the API and
its /docs page with every asset from itself, takes an ingest with its write token, and
stops when told (the test is bounded: it stops the server whatever happens)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time

import httpx
import pytest

from presslens.store.db import open_store
from presslens.web.guard import host_name, is_loopback

pytestmark = pytest.mark.slow  # the server parses what it ingests with the real pipeline
START_SECONDS = 60
TOKEN = "serve-test-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"presslens serve exited with {server.returncode}")
        try:
            httpx.get(f"{base}/api/entities", timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail(f"presslens serve did not answer within {START_SECONDS} s")


def test_serve_answers_the_api_and_its_offline_docs(tmp_path):
    db = str(tmp_path / "served.db")
    open_store(db).dispose()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PRESSLENS_WRITE_TOKEN": TOKEN, "OMP_NUM_THREADS": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "presslens", "serve", "--db", db, "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until_up(base, server)
        with httpx.Client(base_url=base, timeout=30) as client:
            empty = client.get("/api/entities")
            assert empty.status_code == 200 and empty.json()["entities"] == []
            assert empty.headers["x-content-type-options"] == "nosniff"
            article = (
                '{"id": "s1", "outlet": "Tern Tribune", "published": "2026-04-02", "text":'
                ' "The ferry ran again. \\u201cWe waited weeks,\\u201d said Ola Nygaard."}\n'
            )
            stored = client.post(
                "/api/ingest", content=article, headers={"Authorization": f"Bearer {TOKEN}"}
            )
            assert stored.status_code == 200 and stored.json()["ingested"] == 1, stored.text
            people = client.get("/api/entities", params={"type": "PERSON"}).json()
            assert [e["name"] for e in people["entities"]] == ["Ola Nygaard"]
            home = client.get("/")  # the web UI, from the same process
            assert home.status_code == 200 and "Ola Nygaard" in home.text
            assert client.get("/static/css/presslens.css").status_code == 200
            docs = client.get("/docs")
            assert docs.status_code == 200
            found = re.findall(r'(?:src|href)="([^"]+)"', docs.text)
            assets = [a for a in found if not a.startswith("data:")]  # inline: no fetch
            assert len(assets) == 3 and all(a.startswith("/static/") for a in assets)
            for url in assets:
                assert client.get(url).status_code == 200, url
            assert client.get("/openapi.json").json()["info"]["title"] == "presslens"
            rebound = client.get("/api/entities", headers={"Host": f"rebound.example:{port}"})
            assert rebound.status_code == 400 and "127.0.0.1" in rebound.json()["error"]["message"]
            assert client.get("/api/entities", headers={"Host": f"localhost:{port}"}).is_success
    finally:
        server.terminate()
        try:
            _, err = server.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert "serving" in err and f"http://127.0.0.1:{port}/" in err
    assert "warning" not in err  # loopback: no warning that the network can read the store


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False), ("::", False)],
)
def test_only_loopback_hosts_keep_the_store_local(host, local):
    assert is_loopback(host) is local


def test_the_name_of_a_host_header():
    assert [host_name(h) for h in ("127.0.0.1:8000", "[::1]:80", "[::1]", "localhost")] == [
        "127.0.0.1",
        "[::1]",
        "[::1]",
        "localhost",
    ]
