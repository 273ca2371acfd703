"""The ASGI app: ``/wechat``, ``/wecom``, ``/api/ask``, ``/healthz``, the chat page and Telegram's webhook."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.routing import BaseRoute, Route

from bot.dedupe import Dedupe
from bot.reload import watch
from bot.settings import Settings
from handlers.config import ServerConfig
from handlers.http import HttpApi
from handlers.texts import LiveTexts
from handlers.wechat import WeChatChannel
from handlers.wecom import WeComChannel
from handlers.wxbase import CS_TIMEOUT, Responder

logger = logging.getLogger(__name__)

WEBHOOK_METHODS = ["GET", "POST"]
WATCH_STOP_SECONDS = 5.0


def _telegram(engine: Any) -> Any:
    """Telegram's webhook mount, if ``handlers.telegram`` exists and is configured (else None)."""
    try:
        telegram = importlib.import_module("handlers.telegram")
    except ImportError as exc:
        logger.info("Telegram webhook not mounted: %s", exc)
        return None
    config_error = getattr(telegram, "TelegramConfigError", ())
    try:
        return telegram.webhook_mount(engine)
    except config_error as exc:  # a known refusal: say it without a traceback
        logger.error("Telegram webhook not mounted: %s", exc)
        return None
    except Exception:
        logger.exception("Telegram webhook not mounted: its setup failed")
        return None


def _refreeze() -> None:
    """Keep the knowledge out of the garbage collector's full passes.

    The knowledge and the libraries make up most of a worker's objects, and a full collection walks them all:
    about 40 ms during which no request is served. ``gc.freeze`` at start-up moves them out of its way; after a
    reload, the old knowledge is let go and collected once, and the new one frozen.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


async def checkpoints(storage: Any, every: float, stop: asyncio.Event) -> None:
    """Truncate the database's WAL every ``every`` seconds until ``stop`` is set (off the event loop)."""
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)
            return
        try:
            if not await asyncio.to_thread(storage.checkpoint):
                logger.info("WAL checkpoint skipped: the database is busy (next in %g s)", every)
        except Exception as exc:  # a full disk, say: reported by /healthz through the failed writes
            logger.warning("WAL checkpoint failed: %s", exc)


def create_app(engine: Any = None, config: ServerConfig | None = None) -> Starlette:
    """Build the app on ``engine`` (default: opened from ``POLICYBOT_KNOWLEDGE`` / ``POLICYBOT_DB``).

    Configuration comes from ``config`` or ``ServerConfig.load()`` (environment, ``POLICYBOT_CONFIG`` file).
    A channel whose configuration is missing answers 503; the log says what is missing.
    """
    owns_engine = engine is None
    if engine is None:
        from bot.engine import open_engine

        engine = open_engine(os.environ.get("POLICYBOT_KNOWLEDGE"), os.environ.get("POLICYBOT_DB"), Settings.from_env())
    config = config or ServerConfig.load()
    texts = LiveTexts(engine)
    responder = Responder(Dedupe(engine.storage), config.reply_budget)
    wechat = WeChatChannel(engine, texts, responder, config)
    wecom = WeComChannel(engine, texts, responder, config)
    api = HttpApi(engine, texts, {wechat.name: wechat.missing, wecom.name: wecom.missing})
    routes: list[BaseRoute] = [
        Route("/wechat", wechat.endpoint, methods=WEBHOOK_METHODS),
        Route("/wecom", wecom.endpoint, methods=WEBHOOK_METHODS),
        Route("/api/ask", api.ask, methods=["POST"]),
        Route("/healthz", api.healthz, methods=["GET"]),
        Route("/", api.page, methods=["GET"]),
    ]
    telegram = _telegram(engine)
    if telegram is not None:
        routes.extend(telegram.routes)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        watcher = None
        if config.reload:
            watcher = asyncio.create_task(
                watch(engine, engine.knowledge.root, stop, on_reload=_refreeze, settle=config.reload_settle)
            )
        checkpointer = asyncio.create_task(checkpoints(engine.storage, config.checkpoint_seconds, stop))
        if telegram is not None:
            await telegram.startup()
        gc.freeze()  # see _refreeze
        try:
            yield
        finally:
            stop.set()
            if telegram is not None:
                await telegram.shutdown()
            if watcher is not None:
                await asyncio.wait([watcher], timeout=WATCH_STOP_SECONDS)
            await asyncio.wait([checkpointer], timeout=WATCH_STOP_SECONDS)
            await responder.drain(CS_TIMEOUT)
            if owns_engine:
                engine.storage.close()

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.engine, app.state.responder, app.state.config = engine, responder, config
    return app
