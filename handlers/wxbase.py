"""The request flow WeChat and WeCom share: limits, signatures' outcomes, retries, the 5-second budget.

A channel subclass says how to verify a URL check, how to authenticate and open a message and how to seal a
reply; everything else — body limit, timestamp window, safe parsing, translation, answering each message
once, the customer-service fallback for late answers — happens here, the same way for both.
"""

from __future__ import annotations

import abc
import asyncio
import functools
import logging
import secrets
import sqlite3
import struct
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from wechatpy.crypto.base import BasePrpCrypto, WeChatCipher
from wechatpy.messages import BaseMessage
from wechatpy.session import SessionStorage

from bot.dedupe import Dedupe, Flight, Outcome, ReplayError, Role
from bot.models import Inbound
from bot.storage import Busy, Storage
from bot.store import Store
from handlers import wxxml
from handlers.texts import LiveTexts

logger = logging.getLogger(__name__)
security = logging.getLogger("policybot.security")
"""Forged, stale, replayed and hostile requests are logged here."""
T = TypeVar("T")

SUCCESS = "success"
"""What WeChat expects from a server that has nothing (more) to say; it then does not retry."""
XML_TYPE = "application/xml; charset=utf-8"
WAIT_STEP = 0.01
"""Seconds between looks at the first answer while a retry waits for it."""
CS_TIMEOUT = 10.0
"""Seconds an HTTP call to the customer-service API may take."""
NONCE_DIGITS = 10
DECRYPT_ERRORS = (ValueError, TypeError, KeyError, IndexError, struct.error, UnicodeDecodeError)
"""What wechatpy's decryption lets escape on a tampered or truncated ciphertext."""
WORKER_THREADS = 4
"""Threads per process that answer the messages the event loop could not (the database was busy)."""
NETWORK_THREADS = 8
"""Answering threads per process when the database is across the network (PostgreSQL): each waits on its own."""
INLINE_WAIT = 0.05
"""Seconds the event loop may wait for a lock on the database before it leaves the message to a thread."""
LATE_WINDOW = 47 * 3600.0
"""Seconds a message may wait for a locked database and still be answered late (WeChat's customer-service
window is 48 hours after the user's message)."""
RETRY_PAUSE = 0.1
"""Seconds between tries of a database that stayed locked past its busy timeout."""


class Rejected(Exception):
    """The request is refused with ``status``; ``reason`` goes to the security log, never to the client."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


@dataclass(frozen=True)
class Opened:
    """An authenticated message: its XML, and whether the reply must be encrypted."""

    xml: str
    encrypted: bool


BODY_SECONDS = 10.0
"""How long a request body may take to arrive (WeChat's and Telegram's arrive at once)."""
MAX_TIMESTAMP_DIGITS = 12
"""A Unix timestamp in seconds has 10 digits until the year 2286."""


def random_nonce() -> str:
    """A fresh nonce for a reply's signature."""
    return str(secrets.randbelow(10**NONCE_DIGITS)).zfill(NONCE_DIGITS)


@functools.lru_cache(maxsize=8)
def _cipher(key: bytes) -> WeChatCipher:
    return WeChatCipher(key)


@functools.cache
def reusing_cipher(crypto: type[Any], prp: type[BasePrpCrypto]) -> type[Any]:
    """The WeChatCrypto class ``crypto`` of wechatpy (official account or WeCom), building its AES cipher once.

    wechatpy builds a cipher object for every message it encrypts or decrypts, through the PrpCrypto class
    ``prp``; here ``prp`` takes the cipher from a cache instead. Framing, padding and signatures stay wechatpy's.
    """

    class SharedCipher(prp):  # type: ignore[valid-type,misc]
        def __init__(self, key: bytes):
            self.cipher = _cipher(key)

    class Crypto(crypto):  # type: ignore[valid-type,misc]
        def encrypt_message(self, msg: str, nonce: str, timestamp: str | None = None) -> str:
            return str(self._encrypt_message(msg, nonce, timestamp, SharedCipher))

        def decrypt_message(self, msg: Any, signature: str, timestamp: str, nonce: str) -> str:
            return str(self._decrypt_message(msg, signature, timestamp, nonce, SharedCipher))

        def _check_signature(self, signature: str, timestamp: str, nonce: str, echo: str, _: Any = None) -> str:
            return str(super()._check_signature(signature, timestamp, nonce, echo, SharedCipher))

    Crypto.__qualname__ = Crypto.__name__ = crypto.__name__
    return Crypto


class SqliteSession(SessionStorage):  # type: ignore[misc]
    """wechatpy's session storage in the engine's database: worker processes and hosts share one access token."""

    TABLE = "wx_session"

    def __init__(self, storage: Store):
        self.storage = storage  # the table is created with the others, by bot.schema

    def get(self, key: str, default: Any = None) -> Any:
        with self.storage.reading() as conn:
            row = conn.execute(f"SELECT value, expires FROM {self.TABLE} WHERE key = ?", [key]).fetchone()
        if not row or (row[1] is not None and row[1] < time.time()):
            return default
        return row[0]

    def set(self, key: str, value: Any, ttl: float | None = None) -> None:
        if value is None:
            return
        expires = time.time() + ttl if ttl else None
        with self.storage.transaction() as conn:
            conn.execute(
                f"INSERT INTO {self.TABLE} (key, value, expires) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires",
                [key, value, expires],
            )

    def delete(self, key: str) -> None:
        with self.storage.transaction() as conn:
            conn.execute(f"DELETE FROM {self.TABLE} WHERE key = ?", [key])


Prepared = tuple[str | None, Callable[[], None]]
"""A channel's answer to a message: the reply text (None: say nothing) and the turn's writes (run by the
Responder inside the transaction that claims the message or marks it answered)."""


class _Job:
    """One message's trip through a worker thread; ``lock`` orders the claim against the budget running out."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.flight: Flight | None = None
        self.late = False


class Responder:
    """Answer each message once, within the passive-reply budget; hand late answers to ``late``.

    A message is answered on the event loop, then claimed and stored in one transaction, with
    ``Storage.patience``: the engine takes about a millisecond, and a thread trip per message would cost as
    much again in handoffs of the GIL. If the database is held by another writer for longer than
    ``INLINE_WAIT``, the message goes to a small pool of worker threads that can wait for it (claim first,
    then answer and store), and an answer that misses the budget goes out the late way.
    """

    def __init__(self, dedupe: Dedupe, budget: float, threads: int = WORKER_THREADS):
        self.dedupe, self.budget = dedupe, budget
        self.inline = dedupe.storage.dialect == "sqlite"
        """SQLite answers on the event loop; a database across the network is waited for in threads of their own
        (``first``), so that one message's round trips do not hold up the others, nor wait behind a patient job."""
        self.pool = ThreadPoolExecutor(threads, thread_name_prefix="policybot-answer")
        self.first = None if self.inline else ThreadPoolExecutor(NETWORK_THREADS, thread_name_prefix="policybot-first")
        self._late: set[asyncio.Task[None]] = set()
        self._stopping = threading.Event()
        """Set at shutdown: threads waiting for a locked database give up."""

    async def answer(
        self,
        channel: str,
        key: str,
        nonce: str | None,
        prepare: Callable[[], Prepared],
        late: Callable[[str], None] | None,
    ) -> str | None:
        """The reply text to send now, or None ("success": nothing, a duplicate, or handed to ``late``).

        Raises:
            ReplayError: ``nonce`` was already used by another message.
        """
        deadline = time.monotonic() + self.budget
        made: list[Prepared] = []  # the answer, once prepared (a failed store need not prepare it again)
        try:
            if self.inline:
                flight = self._first_try(channel, key, nonce, prepare, made)
            else:
                loop = asyncio.get_running_loop()
                flight = await loop.run_in_executor(self.first, self._first_try, channel, key, nonce, prepare, made)
        except Busy:
            logger.debug("%s: the database is busy; %s goes to a worker thread", channel, key)
            return await self._in_thread(channel, key, nonce, prepare, late, deadline)
        except sqlite3.Error as exc:  # a full or read-only disk: the user is answered all the same
            return self._unlogged(channel, key, exc, made[0] if made else prepare())
        return flight.value if flight.role is Role.OWNER else await self._follow(flight, deadline)

    def _unlogged(self, channel: str, key: str, exc: sqlite3.Error, prepared: Prepared) -> str | None:
        """The answer to a message that could not be claimed nor stored; the turn is counted as unlogged."""
        logger.error("%s: answering %s without storing it: %s", channel, key, exc)
        self.dedupe.storage.health.unlogged_turn()
        return prepared[0]

    def _first_try(
        self, channel: str, key: str, nonce: str | None, prepare: Callable[[], Prepared], made: list[Prepared]
    ) -> Flight:
        """Answer, claim and store in one go, waiting no longer than ``INLINE_WAIT`` for the database (else Busy)."""
        with self.dedupe.storage.patience(INLINE_WAIT):
            flight = self.dedupe.known(channel, key, nonce)
            if flight is None:
                made.append(prepare())
                value, store = made[-1]
                flight = self.dedupe.settle(channel, key, nonce, value, store)
        return flight

    async def _in_thread(
        self,
        channel: str,
        key: str,
        nonce: str | None,
        prepare: Callable[[], Prepared],
        late: Callable[[str], None] | None,
        deadline: float,
    ) -> str | None:
        job = _Job()
        task = asyncio.get_running_loop().run_in_executor(self.pool, self._run, job, channel, key, nonce, prepare)
        done, _ = await asyncio.wait({task}, timeout=max(0.0, deadline - time.monotonic()))
        if done:
            value = task.result()
            flight = job.flight
            return value if flight is None or flight.role is Role.OWNER else await self._follow(flight, deadline)
        with job.lock:
            job.late = True
            flight = job.flight
        if flight is not None and flight.role is not Role.OWNER:
            return None  # a retry that could not even learn the outcome in time
        if flight is not None and not self.dedupe.hand_off(flight):
            return await task  # ready after all
        if late is None:
            logger.error("%s: the answer to %s is late and no customer-service API is configured", channel, key)
        delivery = asyncio.ensure_future(self._deliver_late(channel, key, task, late))
        self._late.add(delivery)
        delivery.add_done_callback(self._late.discard)
        return None

    async def _follow(self, flight: Flight, deadline: float) -> str | None:
        """For a retry: the owner's answer if it comes before ``deadline`` (None if late or handed off)."""
        while (outcome := self._settled(flight)) is None and time.monotonic() < deadline:
            await asyncio.sleep(WAIT_STEP)
        return None if outcome is None or outcome.handed_off else outcome.value

    def _settled(self, flight: Flight) -> Outcome | None:
        try:
            with self.dedupe.storage.patience(INLINE_WAIT):
                return self.dedupe.settled(flight)
        except Busy:
            return None

    def _run(self, job: _Job, channel: str, key: str, nonce: str | None, prepare: Callable[[], Prepared]) -> str | None:
        """In a worker thread: claim; if this is the first arrival, answer and store.

        A database locked past its busy timeout, or out of reach, only delays the claim: it is tried again until
        ``LATE_WINDOW`` has passed (the answer, then late, goes out through the customer-service API, and is
        logged). A database that cannot be written (full or read-only disk) is answered without a claim.
        """
        give_up = time.monotonic() + LATE_WINDOW
        try:
            flight = self._retrying(lambda: self.dedupe.begin(channel, key, nonce), give_up, channel, key)
        except sqlite3.Error as exc:
            return self._unlogged(channel, key, exc, prepare())
        except Busy:
            logger.error("%s: message %s was not answered: the database stayed locked or unreachable", channel, key)
            return None
        with job.lock:
            job.flight = flight
            late = job.late
        if flight.role is not Role.OWNER:
            return None
        if late:  # the budget ran out before the claim: the answer goes the late way
            self.dedupe.hand_off(flight)
        try:
            value, store = prepare()
        except BaseException:
            self.dedupe.abandon(flight)
            raise
        try:
            self._retrying(lambda: self.dedupe.finish(flight, value, store), give_up, channel, key)
        except sqlite3.Error as exc:
            self.dedupe.abandon(flight)
            return self._unlogged(channel, key, exc, (value, store))
        except BaseException:
            self.dedupe.abandon(flight)
            raise
        return value

    def _retrying(self, write: Callable[[], T], give_up: float, channel: str, key: str) -> T:
        """``write()``, tried again while the database stays locked or out of reach, until ``give_up`` or shutdown."""
        while True:
            try:
                return write()
            except Busy as exc:
                if time.monotonic() >= give_up or self._stopping.is_set():
                    raise
                logger.warning("%s: %s; still trying to answer %s", channel, exc, key)
                self._stopping.wait(RETRY_PAUSE)

    async def _deliver_late(
        self, channel: str, key: str, task: asyncio.Future[str | None], late: Callable[[str], None] | None
    ) -> None:
        try:
            text = await task
            if not text or late is None:
                return
            await asyncio.to_thread(late, text)  # an HTTP call of up to CS_TIMEOUT s: not on the answering threads
            logger.info("%s: sent the late answer to %s through the customer-service API", channel, key)
        except Exception:
            logger.exception("%s: could not send the late answer to %s", channel, key)

    async def drain(self, timeout: float) -> None:
        """Wait (up to ``timeout`` seconds) for late answers still being sent, then stop the worker threads."""
        if self._late:
            await asyncio.wait(set(self._late), timeout=timeout)
        self._stopping.set()
        if self._late:
            logger.error("shutting down with %d late answer(s) not sent (database locked or API slow)", len(self._late))
        self.pool.shutdown(wait=False)
        if self.first is not None:
            self.first.shutdown(wait=False)


async def read_body(request: Request, limit: int = wxxml.MAX_BODY) -> bytes:
    """The request body, refused with 413 as soon as it is longer than ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Rejected(413, f"Content-Length {declared} over {limit}")
    chunks, total = [], 0
    try:
        async with asyncio.timeout(BODY_SECONDS):  # a slow-loris client does not hold the connection for ever
            async for chunk in request.stream():
                total += len(chunk)
                if total > limit:
                    raise Rejected(413, f"body over {limit} bytes")
                chunks.append(chunk)
    except ClientDisconnect:
        raise Rejected(400, "client disconnected") from None
    except TimeoutError:
        raise Rejected(408, f"body not received within {BODY_SECONDS} s") from None
    return b"".join(chunks)


def _one_time_token(params: dict[str, str]) -> str:
    """What makes a signed request unique: its timestamp and nonce."""
    return f"{params.get('timestamp', '')}:{params.get('nonce', '')}"


def _peer(request: Request) -> str:
    return request.client.host if request.client else "?"


class WxChannel(abc.ABC):
    """One WeChat-family webhook endpoint; subclasses supply the crypto and the customer-service call."""

    name = ""
    parser: Callable[[str], BaseMessage | None]
    """wechatpy's ``parse_message`` for this channel (a staticmethod in the subclass)."""
    crypto: Any = None
    """The channel's wechatpy crypto (None: not configured, or the official account in plaintext mode)."""

    def __init__(
        self,
        engine: Any,
        texts: LiveTexts,
        responder: Responder,
        missing: list[str],
        timestamp_window: int,
    ):
        self.engine, self.texts, self.responder = engine, texts, responder
        self.missing, self.window = missing, timestamp_window
        self.intents = wxxml.IntentTexts(engine)
        if missing:
            logger.warning("%s channel disabled (answers 503): missing %s", self.name, ", ".join(missing))

    # -- what a channel supplies ------------------------------------------------------------------------
    @abc.abstractmethod
    def verify_url(self, params: dict[str, str]) -> str:
        """The echostr to return for a URL check (raise Rejected otherwise)."""
        ...

    @abc.abstractmethod
    def open(self, params: dict[str, str], body: bytes) -> Opened:
        """Authenticate the message and return its XML (raise Rejected otherwise)."""
        ...

    def seal(self, xml: str) -> str:
        """Encrypt and sign a reply (only for a message that came encrypted)."""
        assert self.crypto is not None
        return str(self.crypto.encrypt_message(xml, random_nonce(), str(int(time.time()))))

    def customer_service(self) -> Callable[[str, str], None] | None:
        """``send(user, text)`` through the customer-service API, or None if not configured."""
        return None

    # -- the flow -------------------------------------------------------------------------------------
    async def endpoint(self, request: Request) -> Response:
        """The Starlette endpoint for GET (URL check) and POST (messages)."""
        if self.missing:
            logger.warning(
                "%s: request refused, channel not configured: missing %s", self.name, ", ".join(self.missing)
            )
            return PlainTextResponse("channel not configured", status_code=503)
        params = dict(request.query_params)
        try:
            self._check_timestamp(params)
            if request.method == "GET":
                echo = self.verify_url(params)
                if self.crypto is not None:  # with a key, a signed URL is single-use: it cannot be replayed
                    await self._spend(params)
                return PlainTextResponse(echo)
            opened = self.open(params, await read_body(request))
            message = wxxml.parse_message(opened.xml, self.parser)
        except Rejected as exc:
            log = logger.warning if exc.status == 413 else security.warning
            log("%s: %s from %s refused (%d): %s", self.name, request.method, _peer(request), exc.status, exc.reason)
            return PlainTextResponse("refused", status_code=exc.status)
        except wxxml.HostileXML as exc:
            security.warning("%s: hostile XML from %s refused: %s", self.name, _peer(request), exc)
            return PlainTextResponse("refused", status_code=400)
        except wxxml.MalformedXML as exc:
            logger.warning("%s: malformed message answered with success: %s", self.name, exc)
            return PlainTextResponse(SUCCESS)
        return await self._answer(message, params, opened.encrypted, _peer(request))

    async def _spend(self, params: dict[str, str]) -> None:
        """Use up a URL check's timestamp and nonce (a message signed with them later is a replay too)."""
        try:
            await asyncio.to_thread(self.responder.dedupe.spend, self.name, _one_time_token(params))
        except ReplayError as exc:
            raise Rejected(403, str(exc)) from None
        except (Busy, sqlite3.Error) as exc:  # the echo reveals nothing: a URL check is not refused for it
            logger.error("%s: could not record a URL check's nonce: %s", self.name, exc)

    async def _answer(self, message: BaseMessage, params: dict[str, str], encrypted: bool, peer: str) -> Response:
        try:
            incoming = wxxml.translate(message, self.name, self.intents)
        except wxxml.MalformedXML as exc:
            logger.warning("%s: incomplete message answered with success: %s", self.name, exc)
            return PlainTextResponse(SUCCESS)
        inbound = incoming.inbound
        if inbound is None:
            user_hash = Storage.hash_user(self.engine.salt, self.name, incoming.user)
            logger.info("%s: %s from user %s (no reply)", self.name, incoming.note, user_hash)
            return PlainTextResponse(SUCCESS)
        nonce = _one_time_token(params)
        send = self.customer_service()
        late = (lambda text: send(incoming.user, text)) if send else None
        try:
            text = await self.responder.answer(self.name, incoming.key, nonce, lambda: self._prepare(inbound), late)
        except ReplayError as exc:
            security.warning("%s: replayed request from %s refused: %s", self.name, peer, exc)
            return PlainTextResponse("refused", status_code=403)
        if text is None:
            return PlainTextResponse(SUCCESS)
        xml = wxxml.text_reply(incoming.user, incoming.account, text, int(time.time()))
        return Response(self.seal(xml) if encrypted else xml, media_type=XML_TYPE)

    def _prepare(self, inbound: Inbound) -> Prepared:
        answered = self.engine.answer(inbound)
        texts, reply = self.texts.current, answered.reply
        try:
            text: str | None = wxxml.fit_text(reply.text, reply.options, texts.summary_note, texts.truncated_note)
        except Exception:  # the engine never raises; rendering might
            logger.exception("%s: could not render the answer to user %s", self.name, answered.user_hash)
            text = None
        return text, self.engine.writes(answered)

    def _check_timestamp(self, params: dict[str, str]) -> None:
        stamp = params.get("timestamp", "")
        if not stamp.isascii() or not stamp.isdigit():
            raise Rejected(403, "missing or invalid timestamp")
        if len(stamp) > MAX_TIMESTAMP_DIGITS:  # int() of thousands of digits is slow, then refused by Python
            raise Rejected(400, f"timestamp of {len(stamp)} digits")
        if self.window and abs(time.time() - int(stamp)) > self.window:
            raise Rejected(403, f"timestamp {stamp} outside the {self.window}s window")
