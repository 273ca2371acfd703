"""What the channels say besides the engine's answers, read from ``knowledge/channels.yaml``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from knowledge.loader import KnowledgeError, load_file

logger = logging.getLogger(__name__)

FILE_NAME = "channels.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PageTexts(_Strict):
    """The words of the chat page at ``GET /``."""

    title: str
    intro: str
    placeholder: str
    send: str
    new_session: str
    thinking: str
    error: str
    you: str
    bot: str
    details: str
    intent: str
    score: str
    reason: str


class ChannelTexts(_Strict):
    """Every channel-side sentence, editable by staff."""

    summary_note: str = Field(description="After the summary of an answer too long for one WeChat message")
    truncated_note: str = Field(description="After a cut answer that has no numbered menu")
    menu_groups: list[str] = Field(min_length=1, max_length=3, description="Top-level custom-menu names")
    menu_labels: dict[str, str] = Field(default_factory=dict, description="intent id → custom-menu label")
    page: PageTexts


def load_texts(knowledge_root: Path | None) -> ChannelTexts:
    """Read ``channels.yaml`` from the knowledge folder (the bundled one if that folder has none).

    Raises:
        KnowledgeError: every problem at once, with file, line and field.
    """
    return load_file(knowledge_root, FILE_NAME, ChannelTexts)


class LiveTexts:
    """The channel texts of the engine's current knowledge: re-read when a reload changes its version."""

    def __init__(self, engine: Any):
        self.engine = engine
        self._version = engine.knowledge.version
        self._texts = load_texts(engine.knowledge.root)

    @property
    def current(self) -> ChannelTexts:
        """The texts for the knowledge now answering (the previous ones if the new file has errors)."""
        kn = self.engine.knowledge
        if kn.version != self._version:
            self._version = kn.version
            try:
                self._texts = load_texts(kn.root)
            except KnowledgeError as exc:
                logger.error("%s has errors; keeping the previous channel texts:\n%s", FILE_NAME, exc)
        return self._texts
