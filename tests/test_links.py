"""`awesomelint links` against a real HTTP server on 127.0.0.1 (no other address is ever contacted)."""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from awesomelint.links import LinkCache, LinkOptions, check_links, collect
from test_cli import run
from test_lint_cli import validate_sarif


class Server:
    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
                pass

            def reply(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
                self.send_response(status)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command == "GET":
                    self.wfile.write(body)

            def handle_one(self) -> None:
                path = self.path.split("?")[0]
                with outer.lock:
                    n = outer.hits[path] = outer.hits.get(path, 0) + 1
                    outer.active += 1
                    outer.max_active = max(outer.max_active, outer.active)
                try:
                    if path == "/ok":
                        self.reply(200, body=b"ok")
                    elif path == "/missing":
                        self.reply(404)
                    elif path == "/moved":
                        self.reply(301, {"Location": "/moved2"})
                    elif path == "/moved2":
                        self.reply(308, {"Location": "/ok"})
                    elif path == "/temp":
                        self.reply(302, {"Location": "/ok"})
                    elif path in ("/loop-a", "/loop-b"):
                        self.reply(301, {"Location": "/loop-b" if path == "/loop-a" else "/loop-a"})
                    elif path == "/rate":
                        self.reply(429, {"Retry-After": "1"}) if n == 1 else self.reply(200)
                    elif path == "/flaky":
                        self.reply(503) if n == 1 else self.reply(200)
                    elif path == "/down":
                        self.reply(503)
                    elif path == "/hang":
                        time.sleep(3)  # longer than the client's timeout; bounded, so the server stops
                    elif path == "/reset":
                        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                        self.close_connection = True
                    elif path == "/trickle":
                        try:
                            for ch in b"HTTP/1.1 200 OK\r\n":
                                self.wfile.write(bytes([ch]))
                                self.wfile.flush()
                                time.sleep(0.1)
                        except OSError:
                            pass  # the client gave up, as it should
                        self.close_connection = True
                    elif path == "/trickle-headers" and self.command == "HEAD":
                        self.reply(405)  # so that the client asks again with GET
                    elif path == "/trickle-headers":  # a valid status, then headers a byte at a time (bounded: 6 s)
                        try:
                            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                            for _ in range(120):
                                self.wfile.write(b"X")
                                self.wfile.flush()
                                time.sleep(0.05)
                        except OSError:
                            pass
                        self.close_connection = True
                    elif path == "/to-js":
                        self.reply(301, {"Location": "javascript:alert(1)"})
                    elif path == "/to-nowhere":
                        self.reply(308, {"Location": "ftp://example.org/file"})
                    elif path == "/to-evil":
                        self.reply(301, {"Location": "/ok?) - [Pwned](https://evil.example/x) - <b>"})
                    elif path == "/to-loopback":
                        self.reply(301, {"Location": outer.base + "/ok"})
                    elif path == "/nohead":
                        self.reply(405) if self.command == "HEAD" else self.reply(200)
                    elif path == "/forbidden":
                        self.reply(403)
                    elif path.startswith("/slow"):
                        time.sleep(0.3)
                        self.reply(200)
                    else:
                        self.reply(404)
                finally:
                    with outer.lock:
                        outer.active -= 1

            do_HEAD = do_GET = handle_one

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():  # type: ignore[no-untyped-def]
    s = Server()
    yield s
    s.stop()


FAST = {"timeout": 0.8, "retries": 1, "backoff": 0.05, "max_retry_after": 3.0, "concurrency": 8, "per_host": 8}


def write_list(tmp_path: Path, server: Server, paths: list[str]) -> Path:
    lines = ["# Links", ""] + [f"- [{p.strip('/') or 'root'}]({server.url(p)}) - Entry." for p in paths]
    f = tmp_path / "list.md"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


def by_path(report, paths: list[str]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Diagnostics keyed by the server path of the entry on their line (write_list: line 3 on)."""
    return {paths[d.line - 3]: f"{d.code} {d.message}" for d in report.diagnostics}


def test_report_statuses_redirects_and_failures(tmp_path, server):
    paths = ["/ok", "/missing", "/moved", "/temp", "/loop-a", "/hang", "/reset", "/trickle", "/nohead", "/forbidden"]
    f = write_list(tmp_path, server, paths)
    report = check_links(collect([str(f)]), LinkOptions(**FAST), LinkCache(None))
    got = by_path(report, paths)
    assert "/ok" not in got and "/temp" not in got and "/nohead" not in got  # temporary redirects are followed silently
    assert got["/missing"].startswith("AL801") and "HTTP 404" in got["/missing"]
    assert got["/moved"].startswith("AL802") and got["/moved"].endswith(server.url("/ok"))
    assert "redirect loop" in got["/loop-a"]
    assert "timed out" in got["/hang"] and "timed out" in got["/trickle"]
    assert "connection failed" in got["/reset"] or "timed out" in got["/reset"]
    assert "HTTP 403" in got["/forbidden"]
    assert all(server.url(path) in msg for path, msg in got.items())  # each at the line of its entry


def test_alive_statuses_and_skip_patterns(tmp_path, server):
    f = write_list(tmp_path, server, ["/forbidden", "/missing"])
    report = check_links(collect([str(f)]), LinkOptions(**FAST, alive={403}, skip=[r"/missing$"]), LinkCache(None))
    assert report.diagnostics == [] and report.skipped == 1


def test_retries_with_backoff_and_retry_after(tmp_path, server):
    f = write_list(tmp_path, server, ["/flaky", "/rate", "/down"])
    start = time.monotonic()
    report = check_links(collect([str(f)]), LinkOptions(**FAST), LinkCache(None))
    assert report.results[server.url("/flaky")].ok and server.hits["/flaky"] == 2
    assert report.results[server.url("/rate")].ok and server.hits["/rate"] == 2
    assert time.monotonic() - start >= 1.0  # Retry-After: 1 was honoured
    assert not report.results[server.url("/down")].ok and server.hits["/down"] == 2  # 1 try + 1 retry


def test_cache_skips_fresh_results(tmp_path, server):
    f = write_list(tmp_path, server, ["/ok", "/missing"])
    check_links(collect([str(f)]), LinkOptions(**FAST), LinkCache(tmp_path))
    assert server.hits == {"/ok": 1, "/missing": 2}  # a 404 to HEAD is asked again with GET
    report = check_links(collect([str(f)]), LinkOptions(**FAST), LinkCache(tmp_path))
    assert server.hits == {"/ok": 1, "/missing": 4}  # alive and fresh: not asked again; dead: asked again
    assert report.cached == 1
    later = time.time() + 2 * 24 * 3600
    check_links(collect([str(f)]), LinkOptions(**FAST), LinkCache(tmp_path), now=later)
    assert server.hits["/ok"] == 2  # stale after the time-to-live


def test_fail_after_consecutive_runs(tmp_path, server):
    f = write_list(tmp_path, server, ["/missing"])
    opts = LinkOptions(**FAST, fail_after=2)
    first = check_links(collect([str(f)]), opts, LinkCache(tmp_path))
    assert [d.code for d in first.diagnostics] == ["AL803"]
    second = check_links(collect([str(f)]), opts, LinkCache(tmp_path))
    assert [d.code for d in second.diagnostics] == ["AL801"]


@pytest.mark.parametrize("per_host", [2, 4])
def test_per_host_limit(tmp_path, server, per_host):
    f = write_list(tmp_path, server, [f"/slow{i}" for i in range(8)])
    check_links(collect([str(f)]), LinkOptions(**{**FAST, "per_host": per_host, "timeout": 5.0}), LinkCache(None))
    assert server.max_active <= per_host
    assert server.max_active >= min(per_host, 2)


def test_command_fix_formats_and_exit_codes(tmp_path, server):
    f = write_list(tmp_path, server, ["/ok", "/moved"])
    r = run("links", str(f), "--format", "json", "--no-cache", "--retries", "0", "--timeout", "2", cwd=tmp_path)
    assert r.returncode == 0, r.stderr  # a redirect is not a dead link
    assert [d["code"] for d in json.loads(r.stdout)] == ["AL802"]
    r = run("links", str(f), "--fix", "--no-cache", cwd=tmp_path)
    assert r.returncode == 0 and "Fixed 1 redirected link" in r.stderr
    assert f"]({server.url('/ok')}) - Entry." in f.read_text(encoding="utf-8").split("\n")[3]
    g = write_list(tmp_path, server, ["/missing"])
    r = run("links", str(g), "--no-cache", "--format", "github", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout.startswith("::error file=")
    r = run("links", str(g), "--no-cache", "--format", "sarif", cwd=tmp_path)
    assert json.loads(r.stdout)["runs"][0]["results"][0]["ruleId"] == "AL801"
    validate_sarif(json.loads(r.stdout))


def test_changed_only_checks_new_urls(tmp_path, server):
    repo = tmp_path
    for cmd in (["git", "init", "-q"], ["git", "config", "user.email", "t@example.org"], ["git", "config", "user.name", "t"]):
        subprocess.run(cmd, cwd=repo, check=True)
    f = write_list(repo, server, ["/ok"])
    subprocess.run(["git", "add", "list.md"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-qm", "list"], cwd=repo, check=True)
    with open(f, "a", encoding="utf-8") as fh:
        fh.write(f"- [new]({server.url('/missing')}) - New entry.\n")
    r = run("links", "list.md", "--changed-only", "HEAD", "--no-cache", "--format", "json", cwd=repo)
    assert r.returncode == 1
    assert server.hits == {"/missing": 2}  # HEAD, then GET; the old url was not checked
    assert json.loads(r.stdout)[0]["line"] == 4


def test_one_deadline_for_the_whole_request(tmp_path, server):
    f = write_list(tmp_path, server, ["/trickle-headers", "/ok"])
    start = time.monotonic()
    report = check_links(collect([str(f)]), LinkOptions(**{**FAST, "retries": 0, "timeout": 1.0}), LinkCache(None))
    assert time.monotonic() - start < 5  # the server would trickle for 6 s; we stop at the deadline
    assert report.results[server.url("/trickle-headers")].error == "timed out"
    assert report.results[server.url("/ok")].ok


def test_redirect_to_an_invalid_url_is_that_urls_result(tmp_path, server):
    f = write_list(tmp_path, server, ["/to-js", "/to-nowhere", "/ok", "/missing"])
    r = run("links", str(f), "--format", "json", "--no-cache", "--retries", "0", "--timeout", "2", cwd=tmp_path)
    assert r.returncode == 1 and "internal error" not in r.stderr, r.stderr
    found = {d["line"]: d["message"] for d in json.loads(r.stdout)}
    assert "invalid url" in found[3] and "invalid url" in found[4] and "HTTP 404" in found[6] and 5 not in found


def test_fix_writes_only_a_safe_destination(tmp_path, server):
    f = write_list(tmp_path, server, ["/to-evil", "/ok"])
    r = run("links", str(f), "--fix", "--no-cache", "--retries", "0", "--timeout", "2", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    text = f.read_text(encoding="utf-8")
    assert "[Pwned]" not in text and "<b>" not in text and "%5BPwned%5D" in text
    from awesomelint.api import load

    entries = [e for _, e in load(str(f)).doc.iter_entries()]
    assert [e.name for e in entries] == ["to-evil", "ok"] and [e.description for e in entries] == ["Entry.", "Entry."]
    assert entries[0].url.startswith(server.url("/ok?")) and " " not in entries[0].url
    assert all(not lk.url for e in entries for lk in e.links)  # no new link was planted


def test_public_url_redirecting_to_a_private_address_is_not_followed(tmp_path, server, monkeypatch):
    from awesomelint import links

    real = links.is_private_host
    monkeypatch.setattr(links, "is_private_host", lambda host: False if host == "localhost" else real(host))
    url = server.url("/to-loopback").replace("127.0.0.1", "localhost")
    f = tmp_path / "list.md"
    f.write_text(f"# L\n\n- [x]({url}) - Entry.\n- [y]({server.url('/moved')}) - Entry.\n", encoding="utf-8")
    report = check_links(collect([str(f)]), LinkOptions(**FAST), LinkCache(None))
    assert "private address" in (report.results[url].error or "")
    assert server.hits.get("/ok", 0) == 1  # only through /moved, which is loopback from the start
    report = check_links(collect([str(f)]), LinkOptions(**FAST, allow_private_redirects=True), LinkCache(None))
    assert report.results[url].ok


def test_changed_only_takes_no_options(tmp_path, server):
    repo = tmp_path
    for cmd in (["git", "init", "-q"], ["git", "config", "user.email", "t@example.org"], ["git", "config", "user.name", "t"]):
        subprocess.run(cmd, cwd=repo, check=True)
    write_list(repo, server, ["/ok"])
    subprocess.run(["git", "add", "list.md"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-qm", "list"], cwd=repo, check=True)
    for rev in ("--output=pwned.txt", "HEAD --output=pwned.txt", "no-such-rev"):
        r = run("links", "list.md", f"--changed-only={rev}", "--no-cache", cwd=repo)
        assert r.returncode == 2 and "--changed-only" in r.stderr and "internal error" not in r.stderr, r.stderr
    assert not (repo / "pwned.txt").exists()
