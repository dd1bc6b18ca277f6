"""The vendors' robots for tests: one real HTTP server on 127.0.0.1 that checks each request as 企业微信, 钉钉 and 飞书
do (钉钉's and 飞书's signatures computed here independently, timestamps older or further off than an hour refused,
企业微信's 4096-byte content limit, 飞书's 20 KB body limit) and answers with the vendors' own codes."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from generator.notify import robot

WECOM_KEY, DINGTALK_TOKEN, FEISHU_HOOK = "wx-key-7f3a", "dt-token-91bc", "fs-hook-2d4e"
DINGTALK_SECRET, FEISHU_SECRET = "SECdingtalk-secret-5a5a", "feishu-secret-6b6b"


class Vendors:
    """The three vendors' robots and a webhook receiver, each checking requests the way the real one does."""

    def __init__(self) -> None:
        self.received: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.queued: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)  # answers before the real check
        self.tries: Counter[str] = Counter()
        self.raw_queries: list[str] = []
        self.lock = threading.Lock()

    def answer(self, path: str, query: str, body: bytes) -> tuple[int, dict[str, Any]]:
        vendor = path.strip("/").split("/")[0]
        with self.lock:
            self.tries[vendor] += 1
            if self.queued[vendor]:
                return self.queued[vendor].pop(0)
        payload = json.loads(body)
        status, reply = getattr(self, vendor)(path, query, payload, body)
        if status == 200 and reply.get("errcode", reply.get("code", 0)) == 0:
            with self.lock:
                self.received[vendor].append(payload)
        return status, reply

    @staticmethod
    def wecom(path: str, query: str, payload: dict[str, Any], body: bytes) -> tuple[int, dict[str, Any]]:
        if dict(urllib.parse.parse_qsl(query)).get("key") != WECOM_KEY:
            return 200, {"errcode": 93000, "errmsg": "invalid webhook url, hint: [1700000000_1_abc]"}
        content = payload.get("markdown", {}).get("content", "")
        if payload.get("msgtype") != "markdown" or not content:
            return 200, {"errcode": 40008, "errmsg": "invalid message type"}
        if len(content.encode("utf-8")) > 4096:
            return 200, {"errcode": 40058, "errmsg": "markdown.content exceed max length 4096"}
        return 200, {"errcode": 0, "errmsg": "ok"}

    @staticmethod
    def dingtalk(path: str, query: str, payload: dict[str, Any], body: bytes) -> tuple[int, dict[str, Any]]:
        params = dict(urllib.parse.parse_qsl(query))
        if params.get("access_token") != DINGTALK_TOKEN:
            return 200, {"errcode": 300001, "errmsg": "token is not exist"}
        timestamp = params.get("timestamp", "")
        if not timestamp.isdigit() or time.time() * 1000 - int(timestamp) > 3600 * 1000:  # older than an hour
            return 200, {"errcode": 310000, "errmsg": "sign not match, more: [timestamp is invalid]"}
        if params.get("sign") != dingtalk_expected(int(timestamp), DINGTALK_SECRET):
            return 200, {"errcode": 310000, "errmsg": "sign not match, more: [sign mismatch]"}
        if payload.get("msgtype") != "markdown" or not payload.get("markdown", {}).get("title"):
            return 200, {"errcode": 40035, "errmsg": "缺少参数 json"}
        return 200, {"errcode": 0, "errmsg": "ok"}

    @staticmethod
    def feishu(path: str, query: str, payload: dict[str, Any], body: bytes) -> tuple[int, dict[str, Any]]:
        if not path.endswith("/" + FEISHU_HOOK):
            return 404, {"code": 19001, "msg": "param invalid: incoming webhook access token invalid"}
        if len(body) > 20 * 1024 or payload.get("msg_type") not in ("post", "interactive"):
            return 400, {"code": 9499, "msg": "Bad Request", "data": {}}
        timestamp = str(payload.get("timestamp", ""))
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 3600:
            return 200, {"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time"}
        if payload.get("sign") != feishu_expected(int(timestamp), FEISHU_SECRET):
            return 200, {"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time"}
        return 200, {"code": 0, "msg": "success", "data": {}}

    @staticmethod
    def webhook(path: str, query: str, payload: dict[str, Any], body: bytes) -> tuple[int, dict[str, Any]]:
        return 200, {}


def dingtalk_expected(timestamp_ms: int, secret: str) -> str:
    """钉钉's side: the signature of ``timestamp + "\\n" + secret`` under the key ``secret``, base64."""
    string_to_sign = f"{timestamp_ms}\n{secret}".encode()
    return base64.b64encode(hmac.new(secret.encode(), string_to_sign, hashlib.sha256).digest()).decode()


def feishu_expected(timestamp_s: int, secret: str) -> str:
    """飞书's side: the key is ``timestamp + "\\n" + secret`` and the message is empty, base64."""
    return base64.b64encode(hmac.new(f"{timestamp_s}\n{secret}".encode(), b"", hashlib.sha256).digest()).decode()


def serve_vendors(monkeypatch: pytest.MonkeyPatch) -> Iterator[Vendors]:
    """The vendors on 127.0.0.1, and the environment variables that point `handover remind --send` at them."""
    state = Vendors()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            path, _, query = self.path.partition("?")
            state.raw_queries.append(query)
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status, reply = state.answer(path, query, body)
            data = json.dumps(reply).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for name in ("HANDOVER_SMTP_HOST", "http_proxy", "HTTP_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HANDOVER_WECOM_WEBHOOK", f"{base}/wecom/cgi-bin/webhook/send?key={WECOM_KEY}")
    monkeypatch.setenv("HANDOVER_DINGTALK_WEBHOOK", f"{base}/dingtalk/robot/send?access_token={DINGTALK_TOKEN}")
    monkeypatch.setenv("HANDOVER_DINGTALK_SECRET", DINGTALK_SECRET)
    monkeypatch.setenv("HANDOVER_FEISHU_WEBHOOK", f"{base}/feishu/open-apis/bot/v2/hook/{FEISHU_HOOK}")
    monkeypatch.setenv("HANDOVER_FEISHU_SECRET", FEISHU_SECRET)
    monkeypatch.setenv("HANDOVER_WEBHOOK_URL", f"{base}/webhook/reminders")
    monkeypatch.setattr(robot, "RETRY_DELAYS", (0.05, 0.1))  # the same backoff, shorter, to keep the suite fast
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
