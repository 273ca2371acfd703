"""The ``policybot`` entry point: the core commands plus the channels' commands (serve, telegram, …)."""

from __future__ import annotations

from bot.cli import main

__all__ = ["main"]
