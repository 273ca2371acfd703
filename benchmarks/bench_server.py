"""Throughput of ``policybot serve``: many clients sending signed, encrypted WeChat and WeCom messages.

Run: ``python benchmarks/bench_server.py`` (``--duration``, ``--concurrency``, ``--workers``; ``--help``).
Every server is loaded only once each of its workers has answered (``/healthz``).

Each client holds one keep-alive connection and plays conversations of distinct users — questions, numbered
choices, checklist answers — alternating between the official account (safe mode) and WeCom, and now and then
repeats a request the way WeChat retries. The requests are signed and encrypted before the clock starts, and
the client runs on uvloop when it is installed, so that the load generator, which shares this machine's cores
with the server, takes as little of them as it can. It prints messages per second, p50/p99 latency, the
server's CPU time per message, errors, 5xx, the log rows against the distinct messages sent, and how many
acknowledged messages (a 200 with an answer) have no log row; then the same load on PostgreSQL (a throw-away
cluster started by ``.ci/postgres``, or ``--pg URL``), once as it is and once with a worker killed (kill -9)
in the middle of the load; then two references: a minimal wechatpy + rapidfuzz handler (what the stack alone
costs) and a bare ASGI endpoint that only reads the body and answers "success" (the ceiling on this machine).
Targets: ≥ 1500 msg/s with 2 workers, p99 ≤ 50 ms at 32 clients, zero 5xx, zero rows lost.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402
from wechatpy import parse_message  # noqa: E402
from wechatpy.crypto import WeChatCrypto  # noqa: E402
from wechatpy.enterprise import parse_message as parse_wecom  # noqa: E402
from wechatpy.enterprise.crypto import WeChatCrypto as WeComCrypto  # noqa: E402
from wechatpy.replies import TextReply  # noqa: E402
from wechatpy.utils import WeChatSigner  # noqa: E402

WECHAT = {"token": "bench-token", "key": "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", "id": "wx00000000000000aa"}
WECOM = {"token": "bench-wecom", "key": "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "id": "ww00000000000000bb"}
CONVERSATIONS = [
    ["专精特新要什么条件", "1", "申报材料有哪些"],
    ["我们能评专精特新吗", "是", "是", "5000万", "不知道", "退出"],
    ["研发费用加计扣除怎么算", "研发费用300万能扣多少"],
    ["高新技术企业认定需要什么条件", "2", "什么时候申报"],
    ["首台套有什么补贴", "怎么申报"],
    ["小巨人能评吗", "是", "否", "不知道", "退出"],
    ["你好", "1", "谢谢"],
    ["今天天气怎么样", "菜单"],
    ["研发准备金补助怎么申请", "找谁咨询"],
    ["我们企业能享受哪些政策", "是", "3000万", "不知道"],
    ["单项冠军的申报条件", "政策依据"],
    ["知识产权有哪些支持政策"],
]
STARTUP_SECONDS = 60.0
WARMUP_SECONDS = 1.0
VERIFY_EVERY = 10
"""Every n-th reply is decrypted and checked to hold a text answer."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sign(*parts: str) -> str:
    signer = WeChatSigner()
    signer.add_data(*parts)
    return str(signer.signature)


def _field(xml: str, name: str) -> str:
    found = re.search(rf"<{name}>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</{name}>", xml, re.DOTALL)
    return found.group(1) if found else ""


class Sender:
    """Builds signed, encrypted requests for the official account (safe mode) and WeCom."""

    def __init__(self, client: int) -> None:
        self.client = client
        self.wechat = WeChatCrypto(WECHAT["token"], WECHAT["key"], WECHAT["id"])
        self.wecom = WeComCrypto(WECOM["token"], WECOM["key"], WECOM["id"])
        self._n = 0

    def request(self, channel: str, user: str, text: str) -> tuple[str, bytes]:
        """The MsgId and the raw HTTP request."""
        self._n += 1
        stamp, nonce, msg_id = str(int(time.time())), f"{self.client}{self._n:08d}", f"{time.time_ns()}{self._n}"
        inner = (
            f"<xml><ToUserName><![CDATA[account]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName>"
            f"<CreateTime>{stamp}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{text}]]></Content><MsgId>{msg_id}</MsgId></xml>"
        )
        crypto = self.wechat if channel == "wechat" else self.wecom
        sealed = crypto.encrypt_message(inner, nonce, stamp)
        encrypt, signature = _field(sealed, "Encrypt"), _field(sealed, "MsgSignature")
        body = f"<xml><ToUserName><![CDATA[account]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
        query = f"timestamp={stamp}&nonce={nonce}&msg_signature={signature}"
        if channel == "wechat":
            query += f"&encrypt_type=aes&signature={_sign(WECHAT['token'], stamp, nonce)}&openid={user}"
        raw = body.encode()
        head = (
            f"POST /{channel}?{query} HTTP/1.1\r\nHost: bench\r\n"
            f"Content-Type: text/xml\r\nContent-Length: {len(raw)}\r\n\r\n"
        )
        return msg_id, head.encode() + raw

    def check(self, channel: str, reply: bytes) -> bool:
        """Whether a reply decrypts to a text message (or is "success")."""
        text = reply.decode()
        if text == "success":
            return True
        crypto = self.wechat if channel == "wechat" else self.wecom
        try:
            inner = crypto.decrypt_message(
                {"Encrypt": _field(text, "Encrypt")},
                _field(text, "MsgSignature"),
                _field(text, "TimeStamp"),
                _field(text, "Nonce"),
            )
        except Exception:
            return False
        return bool(_field(inner, "Content"))


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    sent: int = 0
    distinct: int = 0
    """Distinct messages answered, warm-up included (each should leave exactly one log row)."""
    errors: int = 0
    server_errors: int = 0
    success_only: int = 0
    answered: int = 0
    """Responses received, warm-up included (what the server's CPU time is divided by)."""
    server_cpu: float | None = None
    """CPU seconds the server processes spent during the whole load (None where /proc is not available)."""
    acked: set[tuple[str, str]] = field(default_factory=set)
    """(channel, MsgId) of the messages answered with a text (warm-up included): each must have its log row."""


@dataclass(frozen=True)
class Step:
    """One request of a client's script, built (signed and encrypted) before the clock starts."""

    channel: str
    msg_id: str
    request: bytes
    repeats: int
    """2 for a request sent again the way WeChat retries."""


def script(n: int, steps: int, retry_rate: float) -> list[list[Step]]:
    """Builder ``n``'s conversations, ``steps`` requests in all: distinct users, alternating channels."""
    sender, rng = Sender(n), random.Random(n)
    out: list[list[Step]] = []
    made = 0
    while made < steps:
        channel = "wechat" if (n + len(out)) % 2 else "wecom"
        user = f"bench-{n}-{len(out)}"
        conversation = []
        for text in rng.choice(CONVERSATIONS):
            repeats = 2 if rng.random() < retry_rate else 1
            conversation.append(Step(channel, *sender.request(channel, user, text), repeats))
        out.append(conversation)
        made += len(conversation)
    return out


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> tuple[int, bytes]:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    at = head.lower().find(b"\r\ncontent-length:")
    length = int(head[at + 17 : head.index(b"\r\n", at + 2)]) if at >= 0 else 0
    return status, await reader.readexactly(length)


async def _client(
    n: int,
    port: int,
    queue: collections.deque[list[Step]],
    deadline: float,
    measure_from: float,
    tally: Tally,
    bare: bool,
) -> None:
    """One keep-alive connection playing whole conversations, taken from ``queue`` one after another."""
    sender = Sender(n)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for step in _steps(queue):
            if time.monotonic() >= deadline:
                break
            for attempt in range(step.repeats):
                started = time.monotonic()
                try:
                    status, body = await _exchange(reader, writer, step.request)
                except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
                    if os.environ.get("BENCH_DEBUG"):
                        print("client error:", repr(exc), file=sys.stderr)
                    tally.errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    continue
                tally.answered += 1
                tally.distinct += attempt == 0 and status == 200
                if status == 200 and not bare and body != b"success":
                    tally.acked.add((step.channel, step.msg_id))
                if started < measure_from:
                    continue
                tally.latencies.append(time.monotonic() - started)
                tally.sent += 1
                if status >= 500:
                    tally.server_errors += 1
                if status != 200:
                    tally.errors += 1
                elif not bare:
                    tally.success_only += body == b"success"
                    if tally.sent % VERIFY_EVERY == 0 and not sender.check(step.channel, body):
                        tally.errors += 1
    finally:
        writer.close()


def _steps(queue: collections.deque[list[Step]]) -> Iterator[Step]:
    while queue:
        yield from queue.popleft()


def _scripts(duration: float, concurrency: int, retry_rate: float, max_rate: float) -> list[list[Step]]:
    """Conversations enough for ``max_rate`` messages/s, built (signed, encrypted) by ``concurrency`` senders."""
    steps = int(max_rate * (duration + WARMUP_SECONDS) / concurrency) + 1
    return [conversation for n in range(concurrency) for conversation in script(n, steps, retry_rate)]


def _cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) used so far by process ``pid`` and its children (Linux /proc; else None)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        total = 0
        for p in [pid, *map(int, children)]:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


def _workers(pid: int) -> list[int]:
    """The worker processes of the server ``pid`` (Linux /proc; else none)."""
    try:
        children = [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    workers = []
    for child in children:
        with contextlib.suppress(OSError):
            if b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes():
                workers.append(child)
    return workers


async def _kill_a_worker(server: int, after: float) -> None:
    """kill -9 one of the server's workers ``after`` seconds from now (uvicorn starts another)."""
    await asyncio.sleep(after)
    if workers := _workers(server):
        os.kill(workers[0], signal.SIGKILL)
        print(f"killed worker {workers[0]} (kill -9) mid-load", file=sys.stderr)


async def _load(
    port: int,
    duration: float,
    concurrency: int,
    scripts: list[list[Step]],
    bare: bool,
    server: int | None = None,
    kill: bool = False,
    database: int | None = None,
) -> tuple[Tally, float]:
    """The load; the server's CPU time counts the database server's too when its pid (``database``) is known."""
    tally = Tally()
    pids = [p for p in (server, database) if p]
    cpu_before = _cpu_total(pids)
    start = time.monotonic()
    measure_from = start + WARMUP_SECONDS
    deadline = measure_from + duration
    queue = collections.deque(scripts)
    clients = [_client(n, port, queue, deadline, measure_from, tally, bare) for n in range(concurrency)]
    if kill and server:
        clients.append(_kill_a_worker(server, WARMUP_SECONDS + duration / 2))
    await asyncio.gather(*clients)
    cpu_after = _cpu_total(pids)
    if cpu_before is not None and cpu_after is not None:
        tally.server_cpu = cpu_after - cpu_before
    return tally, time.monotonic() - measure_from


def _cpu_total(pids: list[int]) -> float | None:
    times = [_cpu_seconds(p) for p in pids]
    return sum(t for t in times if t is not None) if times and None not in times else None


def _run(coro: Any) -> Any:
    """Run the load on uvloop when it is installed (a lighter client leaves more of the machine to the server)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    return uvloop.run(coro)


def _worker_pid(port: int) -> str | None:
    """The pid a fresh connection's ``GET /healthz`` reports (None if nobody answers yet)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
    except OSError:
        return None
    found = re.search(rb'"pid":\s*(\d+)', data)
    return found.group(1).decode() if found else None


@contextlib.contextmanager
def _server(cmd: list[str], env: dict[str, str], port: int, workers: int) -> Any:
    """Start a server and wait until each of its ``workers`` processes has answered a request.

    The listening socket accepts connections as soon as it exists; a worker that starts first would take
    every client connected before the others are up, and the load would run on one process.
    """
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env})
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        pids: set[str] = set()
        while len(pids) < workers:
            if proc.poll() is not None:
                raise SystemExit(f"server exited: {' '.join(cmd)}")
            if time.monotonic() > deadline:
                raise SystemExit(f"only {len(pids)} of {workers} workers started")
            if pid := _worker_pid(port):
                pids.add(pid)
            else:
                time.sleep(0.1)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


async def _healthz(send: Any) -> None:
    body = f'{{"pid": {os.getpid()}}}'.encode()
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"%d" % len(body))]})
    await send({"type": "http.response.body", "body": body})


async def bare_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The ceiling: read the body, answer "success"."""
    if scope["type"] != "http":
        return
    if scope["path"] == "/healthz":
        return await _healthz(send)
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    headers = [(b"content-type", b"text/plain"), (b"content-length", b"7")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"success"})


class Minimal:
    """The reference handler the issue names: wechatpy decrypts and parses, rapidfuzz picks the closest example,
    wechatpy builds and encrypts the reply. No dialogue, no log, no retries: what the stack alone costs."""

    def __init__(self) -> None:
        from knowledge.loader import load

        kn = load(ROOT / "knowledge")
        self.titles = {e: t.title for t in kn.topics.values() for e in (t.title, *t.examples)}
        self.examples = list(self.titles)
        self.crypto = {
            "/wechat": WeChatCrypto(WECHAT["token"], WECHAT["key"], WECHAT["id"]),
            "/wecom": WeComCrypto(WECOM["token"], WECOM["key"], WECOM["id"]),
        }

    def answer(self, path: str, query: bytes, body: bytes) -> bytes:
        params = dict(parse_qsl(query.decode()))
        crypto = self.crypto[path]
        xml = crypto.decrypt_message(body.decode(), params["msg_signature"], params["timestamp"], params["nonce"])
        message = (parse_message if path == "/wechat" else parse_wecom)(xml)
        best = process.extractOne(message.content, self.examples, scorer=fuzz.WRatio)
        reply = TextReply(content=self.titles[best[0]], message=message).render()
        return str(crypto.encrypt_message(reply, params["nonce"], params["timestamp"])).encode()


_minimal: list[Minimal] = []


async def minimal_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The reference: ``Minimal`` answering every message on the event loop."""
    if scope["type"] != "http":
        return
    if scope["path"] == "/healthz":
        return await _healthz(send)
    if not _minimal:
        _minimal.append(Minimal())
    chunks, more = [], True
    while more:
        message = await receive()
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
    body = _minimal[0].answer(scope["path"], scope["query_string"], b"".join(chunks))
    headers = [(b"content-type", b"application/xml"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _row(
    name: str, workers: int, concurrency: int, tally: Tally, seconds: float, logged: str, lost: str = "-"
) -> list[str]:
    lat = sorted(tally.latencies) or [0.0]
    p50 = statistics.median(lat) * 1000
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
    return [
        name,
        str(workers),
        str(concurrency),
        f"{tally.sent / seconds:,.0f}" if seconds else "-",
        f"{p50:.1f}",
        f"{p99:.1f}",
        f"{1000 * tally.server_cpu / tally.answered:.2f}" if tally.server_cpu and tally.answered else "-",
        str(tally.errors),
        str(tally.server_errors),
        logged,
        lost,
    ]


def _logged(target: Path | str) -> list[tuple[str, str]]:
    """(channel, MsgId) of every WeChat and WeCom row in the log."""
    sql = "SELECT channel, message_id FROM turns WHERE channel IN ('wechat', 'wecom')"
    if isinstance(target, Path):
        with contextlib.closing(sqlite3.connect(target)) as conn:
            return [tuple(r) for r in conn.execute(sql)]
    import psycopg

    with psycopg.connect(target) as conn:
        return [tuple(r) for r in conn.execute(sql)]  # type: ignore[misc]


def _policybot(
    name: str,
    db: Path | str,
    env: dict[str, str],
    args: Any,
    scripts: list[list[Step]],
    kill: bool = False,
    database: int | None = None,
) -> tuple[list[str], Tally, float]:
    """One run of ``policybot serve`` on ``db`` (a file or a URL): its table row, tally and measured seconds."""
    port = free_port()
    cmd = [sys.executable, "-m", "handlers.cli", "--db", str(db), "serve", "--port", str(port)]
    cmd += ["--workers", str(args.workers)]
    with _server(cmd, env, port, args.workers) as proc:
        tally, seconds = _run(_load(port, args.duration, args.concurrency, scripts, False, proc.pid, kill, database))
    rows = _logged(db)
    logged, distinct_ids = len(rows), len(set(rows))
    label = f"{logged}/{tally.distinct}" + ("" if distinct_ids == logged else f" ({logged - distinct_ids} dup)")
    lost = len(tally.acked - set(rows))
    return _row(name, args.workers, args.concurrency, tally, seconds, label, str(lost)), tally, seconds


@contextlib.contextmanager
def _postgres(url: str | None, tmp: Path) -> Iterator[str | None]:
    """The PostgreSQL server to load: ``url``, else a throw-away cluster (``.ci/postgres``), else None."""
    if url:
        yield url
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        yield None
        return
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")) or not shutil.which("bash"):
        yield None
        return
    cluster = Path(tempfile.mkdtemp(prefix="policybot-pg."))  # directly in /tmp: the server's user must reach it
    started = subprocess.run(
        ["bash", str(ROOT / ".ci" / "postgres"), "start", str(cluster)], capture_output=True, text=True, check=False
    )
    if started.returncode:
        print(f"could not start PostgreSQL: {started.stderr.strip()}", file=sys.stderr)
        yield None
        return
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(ROOT / ".ci" / "postgres"), "stop", str(cluster)], check=False)


def _postmaster(url: str) -> int | None:
    """The pid of the PostgreSQL server at ``url`` if it runs on this machine (its CPU time is the server's too)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SELECT current_setting('data_directory')").fetchone()
    try:
        return int((Path(row[0]) / "postmaster.pid").read_text().split()[0]) if row else None
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def _pg_schema(url: str) -> Iterator[str]:
    """``url`` with its tables in a new schema (dropped afterwards): each run starts from an empty log."""
    import psycopg

    name = f"bench_{os.getpid()}_{time.monotonic_ns()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")  # type: ignore[arg-type]
    try:
        yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds per target (default 10)")
    parser.add_argument("--concurrency", type=int, default=32, help="concurrent clients (default 32)")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")
    parser.add_argument("--retry-rate", type=float, default=0.02, help="share of requests sent twice (default 0.02)")
    parser.add_argument(
        "--max-rate", type=float, default=4000.0, help="messages/s the prepared requests last for (default 4000)"
    )
    parser.add_argument("--pg", metavar="URL", help="PostgreSQL server for the PostgreSQL rows (default: start one)")
    parser.add_argument("--skip-bare", action="store_true", help="do not measure the bare ASGI ceiling")
    parser.add_argument("--skip-minimal", action="store_true", help="do not measure the minimal wechatpy handler")
    parser.add_argument("--serve-bare", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--serve-minimal", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare or args.serve_minimal:  # a reference run's child process: uvicorn set up as in `serve`
        from handlers.cli import run_workers

        os.chdir(Path(__file__).parent)
        sys.path.insert(0, str(Path(__file__).parent))
        port, app = (args.serve_bare, "bare_app") if args.serve_bare else (args.serve_minimal, "minimal_app")
        options = dict(port=port, log_level="warning", access_log=False, lifespan="off")
        run_workers(f"bench_server:{app}", args.workers, **options)
        return

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        env = {
            "POLICYBOT_WECHAT_TOKEN": WECHAT["token"],
            "POLICYBOT_WECHAT_AES_KEY": WECHAT["key"],
            "POLICYBOT_WECHAT_APPID": WECHAT["id"],
            "POLICYBOT_WECOM_TOKEN": WECOM["token"],
            "POLICYBOT_WECOM_AES_KEY": WECOM["key"],
            "POLICYBOT_WECOM_CORPID": WECOM["id"],
        }
        print("preparing signed, encrypted requests …", file=sys.stderr)
        scripts = _scripts(args.duration, args.concurrency, args.retry_rate, args.max_rate)
        row, tally, seconds = _policybot("policybot /wechat + /wecom (SQLite)", db, env, args, scripts)
        rows.append(row)
        policy_rate = tally.sent / seconds if seconds else 0.0
        if tally.success_only:
            print(f"note: {tally.success_only} replies were 'success' (late answers sent by the customer-service API)")
        with _postgres(args.pg, Path(tmp)) as pg:
            if pg is None:
                print("PostgreSQL rows skipped: no --pg URL and no PostgreSQL server to start", file=sys.stderr)
            else:
                for kill, name in ((False, "policybot on PostgreSQL"), (True, "… kill -9 a worker mid-load")):
                    with _pg_schema(pg) as url:
                        rows.append(_policybot(name, url, env, args, scripts, kill, _postmaster(pg))[0])

        references = [("--serve-minimal", "minimal wechatpy + rapidfuzz", False)] * (not args.skip_minimal)
        references += [("--serve-bare", "bare ASGI (reads body, 'success')", True)] * (not args.skip_bare)
        for flag, name, bare in references:
            port = free_port()
            cmd = [sys.executable, __file__, flag, str(port), "--workers", str(args.workers)]
            with _server(cmd, {}, port, args.workers) as proc:
                ref, seconds = _run(_load(port, args.duration, args.concurrency, scripts, bare, proc.pid))
            rows.append(_row(name, args.workers, args.concurrency, ref, seconds, "-"))
            if ref.sent and seconds:
                print(f"policybot reaches {100 * policy_rate / (ref.sent / seconds):.1f}% of the {name.split(' (')[0]}")
            else:  # the reference failed: say so, and still print the table
                print(f"the {name} sent nothing ({ref.errors} errors): no comparison", file=sys.stderr)

    header = [
        *("target", "workers", "clients", "msgs/s", "p50 ms", "p99 ms"),
        *("server CPU ms/msg", "errors", "5xx", "logged/sent", "acked lost"),
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print()
    for r in [header, [("-" * w) for w in widths], *rows]:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))
    print("\ntargets: >= 1500 msgs/s with 2 workers, p99 <= 50 ms at 32 clients, zero 5xx, zero rows lost")
    print(
        "acked lost: messages answered with a text (HTTP 200) that have no log row; logged/sent: log rows against "
        "distinct messages answered (200)"
    )
    print(
        f"server CPU ms/msg: CPU time of the server's processes per response (PostgreSQL's included on its rows); "
        f"{os.cpu_count()} cores here, shared with this load generator"
    )


if __name__ == "__main__":
    main()
