"""What every translation engine offers the pipeline, and the decoding options that shape its output."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

BatchProgress = Callable[[int, int], None]  # (segments done, segments in all)


@dataclass(frozen=True)
class DecodingOptions:
    """Argos's own decoding settings for its packages, plus batching and threads for a 2-core machine."""

    beam_size: int = 4
    num_hypotheses: int = 4  # several, so that one carrying every glossary term can be chosen
    length_penalty: float = 0.2
    max_batch_size: int = 32
    threads: int = 2

    def output_key(self) -> dict[str, float]:
        """The options that change what is translated (threads and batching only change speed)."""
        return {"beam_size": max(self.beam_size, self.num_hypotheses), "num_hypotheses": self.num_hypotheses,
                "length_penalty": self.length_penalty}


class Translator(Protocol):
    """Translates many sentences at once; returns, per source, its hypotheses best first."""

    model_id: str  # engine, model and version, e.g. "argos translate-zh_en 1.9"
    options: DecodingOptions

    def translate_batch(self, sources: list[str], on_progress: BatchProgress | None = None) -> list[list[str]]:
        ...
