"""``zhreader serve``: the reader in a browser through textual-serve, on localhost.

A real server in a subprocess on a free port; the page over HTTP; the app's own
output over the page's websocket; and, where Chromium is installed, a real headless
browser that shows the article, takes a key press and leaves a screenshot.
"""

from __future__ import annotations

import asyncio
import base64
import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.tui.serve import is_local, reader_command

from .conftest import SAMPLES, run_cli

ARTICLE = SAMPLES / "09_reservoir_study.md"
TITLE, HEADING = "青溪水库水质为何连续三年变好", "研究怎么做"
HEADING_TRADITIONAL = "研究怎麼做"
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")

needs_textual_serve = pytest.mark.skipif(
    importlib.util.find_spec("textual_serve") is None,
    reason="textual-serve is not installed (pip install 'zhreader[serve]')",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    url: str
    port: int
    process: subprocess.Popen[bytes]
    stderr_path: Path

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """``zhreader serve ARTICLE`` on a free port, up and answering HTTP."""
    port = _free_port()
    stderr_path = tmp_path / "serve.stderr"
    with stderr_path.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "serve", str(ARTICLE), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={**os.environ, "COLUMNS": "100"},
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        f"server did not come up: {stderr_path.read_text()}"
                    ) from None
                time.sleep(0.2)
        yield Served(url, port, process, stderr_path)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_local_addresses() -> None:
    assert all(is_local(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.1.1"))
    assert not any(is_local(h) for h in ("0.0.0.0", "192.168.1.5", "::", "example.com"))


def test_the_command_runs_this_package_on_the_absolute_article() -> None:
    command = reader_command(str(ARTICLE))
    assert command.startswith(sys.executable) and " -m reader.tui.serve " in command
    assert command.endswith(str(ARTICLE.resolve()))


def test_a_missing_article_is_one_line_and_exit_2() -> None:
    result = run_cli("serve", "/no/such/article.txt", "--port", str(_free_port()))
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and b"Traceback" not in result.stderr


@needs_textual_serve
def test_a_host_it_cannot_listen_on_warns_then_fails_in_one_line() -> None:
    # 192.0.2.1 is TEST-NET-1: never an address of this machine, so binding fails.
    result = run_cli("serve", "--host", "192.0.2.1", "--port", str(_free_port()))
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "warning: 192.0.2.1 is not a local address" in err
    assert "cannot listen on 192.0.2.1" in err and "Traceback" not in err


@needs_textual_serve
def test_serve_says_localhost_and_serves_the_textual_serve_page(served: Served) -> None:
    with urllib.request.urlopen(served.url, timeout=10) as response:
        page = response.read().decode()
    assert "textual.js" in page and "xterm.css" in page
    assert f"ws://127.0.0.1:{served.port}/ws" in page
    err = served.stderr()
    assert f"serving the reader on http://127.0.0.1:{served.port}" in err
    assert "localhost only" in err
    # Listening on loopback only: the machine's other addresses do not answer.
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", served.port)) == 0


def _screen_text(chunks: list[str] | list[bytes]) -> str:
    if chunks and isinstance(chunks[0], bytes):
        return ANSI.sub("", b"".join(chunks).decode("utf-8", errors="replace"))  # type: ignore[arg-type]
    return ANSI.sub("", "".join(chunks))  # type: ignore[arg-type]


@needs_textual_serve
def test_the_page_websocket_runs_the_reader_and_takes_keys(served: Served) -> None:
    """What the page's websocket carries: the reader's screen, and after t t the
    traditional script (original → 简体 → 繁體)."""
    import aiohttp

    async def session() -> tuple[str, str]:
        received: list[str] = []

        async def until(text: str, ws: aiohttp.ClientWebSocketResponse, limit: float) -> bool:
            deadline = time.monotonic() + limit
            while time.monotonic() < deadline:
                try:
                    message = await ws.receive(timeout=1)
                except TimeoutError:
                    continue
                if message.type == aiohttp.WSMsgType.TEXT:
                    received.append(message.data)
                elif message.type == aiohttp.WSMsgType.BINARY:
                    received.append(message.data.decode("utf-8", errors="replace"))
                else:
                    return False
                if text in _screen_text(received):
                    return True
            return False

        url = f"ws://127.0.0.1:{served.port}/ws?width=110&height=36"
        async with aiohttp.ClientSession() as http, http.ws_connect(url) as ws:
            await ws.send_json(["resize", {"width": 110, "height": 36}])
            assert await until(HEADING, ws, 60), _screen_text(received)[-2000:]
            before = _screen_text(received)
            received.clear()
            for _ in range(2):
                await ws.send_json(["stdin", "t"])
                await asyncio.sleep(0.5)
            assert await until(HEADING_TRADITIONAL, ws, 30), _screen_text(received)[-2000:]
            return before, _screen_text(received)

    try:
        before, after = asyncio.run(session())
    except aiohttp.ClientError as exc:  # the server closed the page: say what it said
        pytest.fail(f"websocket closed ({exc}); the server said:\n{served.stderr()[-3000:]}")
    assert TITLE[:4] in before
    assert "繁" in after or HEADING_TRADITIONAL in after


# ---------------------------------------------------------------- a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@needs_textual_serve
@pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium installed (apt-get install chromium): the browser test is skipped",
)
def test_headless_chromium_shows_the_article_and_converts_on_t(
    served: Served, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Chromium loads the page; the frames its websocket receives (seen through the
    DevTools protocol) hold the title and the heading tree; a key press typed into
    the page converts the script. The screenshot is kept and its path printed."""
    import aiohttp

    profile = tempfile.mkdtemp(prefix="zhreader-chromium-")
    browser = subprocess.Popen(
        [
            str(CHROMIUM),
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            "--window-size=1280,900",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if browser.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chromium did not start: {browser.stderr.read().decode()[-500:]}")
            time.sleep(0.2)
        devtools_port = int(port_file.read_text().split()[0])
        shot = tmp_path_factory.mktemp("browser") / "zhreader-serve.png"
        frames = asyncio.run(_drive_browser(devtools_port, served.url, shot, aiohttp))
        print(f"\nbrowser screenshot: {shot}")
        assert shot.stat().st_size > 5000
        assert TITLE[:4] in frames["before"] and HEADING in frames["before"]
        assert HEADING_TRADITIONAL in frames["after"]
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=10)
        except subprocess.TimeoutExpired:
            browser.kill()
        shutil.rmtree(profile, ignore_errors=True)


async def _drive_browser(devtools_port: int, url: str, shot: Path, aiohttp) -> dict[str, str]:  # type: ignore[no-untyped-def]
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{devtools_port}/json/list") as response:
            targets = await response.json(content_type=None)
        page = next(t for t in targets if t.get("type") == "page")
        async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as cdp:
            counter = 0
            frames: list[bytes] = []
            replies: dict[int, dict] = {}

            async def pump(limit: float, until: str | None = None, reply: int | None = None):
                deadline = time.monotonic() + limit
                while time.monotonic() < deadline:
                    if reply is not None and reply in replies:
                        return replies.pop(reply)
                    if until is not None and until in _screen_text(frames):
                        return True
                    try:
                        message = await cdp.receive(timeout=1)
                    except TimeoutError:
                        continue
                    data = json.loads(message.data)
                    if "id" in data:
                        replies[data["id"]] = data
                    elif data.get("method") == "Network.webSocketFrameReceived":
                        frame = data["params"]["response"]
                        payload = frame["payloadData"]
                        # Binary frames come base64-encoded; a character may span two.
                        frames.append(
                            base64.b64decode(payload)
                            if frame.get("opcode") == 2
                            else payload.encode()
                        )
                return None if reply is not None else False

            async def call(method: str, **params):  # type: ignore[no-untyped-def]
                nonlocal counter
                counter += 1
                await cdp.send_json({"id": counter, "method": method, "params": params})
                return await pump(30, reply=counter)

            await call("Network.enable")
            await call("Page.enable")
            await call("Page.navigate", url=url)
            assert await pump(60, until=HEADING), _screen_text(frames)[-1500:]
            await asyncio.sleep(1.0)  # let the terminal draw
            before = _screen_text(frames)
            frames.clear()
            await call("Runtime.evaluate", expression="document.querySelector('textarea')?.focus()")
            for _ in range(2):  # original → 简体 → 繁體
                for kind in ("keyDown", "keyUp"):
                    await call(
                        "Input.dispatchKeyEvent",
                        type=kind,
                        key="t",
                        code="KeyT",
                        text="t" if kind == "keyDown" else "",
                        windowsVirtualKeyCode=84,
                    )
                await asyncio.sleep(0.5)
            await pump(30, until=HEADING_TRADITIONAL)
            await asyncio.sleep(1.0)
            picture = await call("Page.captureScreenshot", format="png")
            shot.write_bytes(base64.b64decode(picture["result"]["data"]))
            return {"before": before, "after": _screen_text(frames)}


def test_without_textual_serve_the_command_says_what_to_install() -> None:
    code = (
        "import sys\n"
        "sys.modules['textual_serve'] = None  # as if not installed\n"
        "sys.argv = ['zhreader', 'serve', '--port', '1']\n"
        "from reader.cli import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == 2
    assert b"pip install 'zhreader[serve]'" in result.stderr and b"Traceback" not in result.stderr
