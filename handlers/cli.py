"""The ``policybot`` entry point: the core commands plus the channels' commands (serve, wechat-menu, telegram)."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sys
from typing import Any

import click

from bot.cli import Context, main
from handlers.config import ConfigError, ServerConfig
from knowledge.loader import KnowledgeError

__all__ = ["listening_socket", "main", "run_workers", "worker_app"]

LOG_LEVEL_VAR = "POLICYBOT_LOG_LEVEL"
"""Passes the CLI's log level to uvicorn's worker processes."""


def _config() -> ServerConfig:
    try:
        return ServerConfig.load()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


def _config_help() -> str:
    return "\n\n".join(
        f"  {name} (default {default!r}): {text}" for name, (default, text) in ServerConfig.help().items()
    )


def worker_app() -> Any:
    """The app factory each uvicorn worker calls (configuration from the environment)."""
    from handlers.app import create_app

    level = os.environ.get(LOG_LEVEL_VAR, "WARNING")
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s", stream=sys.stderr
    )
    return create_app()


LIMITS: dict[str, Any] = {
    "timeout_keep_alive": 5,  # seconds an idle keep-alive connection is kept
    "h11_max_incomplete_event_size": 16 * 1024,  # bytes of request line and headers
    "limit_concurrency": 512,  # connections per worker before new ones get 503
}
"""uvicorn's limits for ``serve``; a request body must also arrive within ``wxbase.BODY_SECONDS`` (else 408)."""


@main.command(epilog="Configuration (environment variables, or a file named by POLICYBOT_CONFIG):\n\n" + _config_help())
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--access-log/--no-access-log", default=False, show_default=True, help="Log every request.")
@click.pass_obj
def serve(obj: Context, host: str, port: int, workers: int, access_log: bool) -> None:
    """Run the server: /wechat, /wecom, /api/ask, /healthz and the chat page at / (uvicorn)."""
    import uvicorn

    from handlers.texts import load_texts

    config = _config()
    from handlers.telegram import webhook_config

    webhook_config()  # a malformed TELEGRAM_BOT_TOKEN or webhook setting stops here, naming the variable
    engine = obj.engine()  # fail now, with the knowledge's problems listed, not in every worker
    try:
        load_texts(engine.knowledge.root)
    except KnowledgeError as exc:
        engine.storage.close()
        raise click.ClickException("\n".join(str(p) for p in exc.problems)) from None
    level = logging.getLevelName(logging.getLogger().getEffectiveLevel())
    options: dict[str, Any] = dict(host=host, port=port, access_log=access_log, log_level=level.lower(), **LIMITS)
    if workers == 1:  # one process: serve the engine just opened
        from handlers.app import create_app

        try:
            uvicorn.run(create_app(engine, config), **options)
        finally:
            engine.storage.close()
        return
    engine.storage.close()
    from bot.store import is_url

    os.environ["POLICYBOT_DB"] = str(obj.db) if is_url(obj.db) else str(engine.storage.path)
    if obj.knowledge_dir:
        os.environ["POLICYBOT_KNOWLEDGE"] = str(obj.knowledge_dir)
    os.environ[LOG_LEVEL_VAR] = level
    run_workers("handlers.cli:worker_app", workers, factory=True, **options)


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound TCP socket whose connections get TCP_NODELAY.

    uvicorn's own socket for ``--workers`` is created with protocol 0, so asyncio does not set TCP_NODELAY on
    the connections it accepts, and every reply (headers and body are two writes) waits about 40 ms for the
    client's delayed ACK. This one names IPPROTO_TCP.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def run_workers(app: str, workers: int, host: str = "127.0.0.1", port: int = 8000, **options: Any) -> None:
    """``uvicorn.run`` with several worker processes (``app`` is an import string), on ``listening_socket``."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(app, host=host, port=port, workers=workers, **options)
    sock = listening_socket(host, port)
    logging.getLogger("uvicorn.error").info("Uvicorn running on http://%s:%d with %d workers", host, port, workers)
    with contextlib.suppress(KeyboardInterrupt):
        Multiprocess(config, sockets=[sock]).run()


@main.command("wechat-menu")
@click.option("--push", is_flag=True, help="Also create the menu through the API (needs AppID and AppSecret).")
@click.pass_obj
def wechat_menu(obj: Context, push: bool) -> None:
    """Print the official account's custom-menu JSON built from the knowledge (menu clicks ask the bot)."""
    from handlers.texts import load_texts
    from handlers.wechat import build_menu, push_menu

    kn = obj.knowledge()
    try:
        texts = load_texts(kn.root)
    except KnowledgeError as exc:
        raise click.ClickException("\n".join(str(p) for p in exc.problems)) from None
    menu = build_menu(kn, texts)
    click.echo(json.dumps(menu, ensure_ascii=False, indent=2))
    if not push:
        return
    config = _config()
    if not (config.wechat_appid and config.wechat_secret):
        raise click.ClickException("--push needs POLICYBOT_WECHAT_APPID and POLICYBOT_WECHAT_SECRET")
    from requests import RequestException
    from wechatpy.exceptions import WeChatClientException

    try:
        push_menu(config, menu)
    except WeChatClientException as exc:
        raise click.ClickException(f"WeChat refused the menu: {exc.errcode} {exc.errmsg}") from None
    except RequestException as exc:
        raise click.ClickException(f"cannot reach {config.wechat_api_base}: {type(exc).__name__}") from None
    click.echo("menu pushed", err=True)


def _add_telegram() -> None:
    try:
        from handlers.telegram import telegram_command
    except ImportError:
        return
    main.add_command(telegram_command)


_add_telegram()

if __name__ == "__main__":  # pragma: no cover
    main()
