"""Argos Translate's zh→en package run directly: its tokenizer and its CTranslate2 model, batched.

`argostranslate.translate` is never imported: it loads torch and stanza, and offline it fails while
fetching a sentence splitter. We already have sentences, so we call CTranslate2 the way Argos does
(target prefix, unknown-token replacement, beam size, length penalty) but over all segments at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..plumbing.errors import ModelError
from .base import BatchProgress, EngineOptions, Warn
from .models import find_package, packages_dir

_CHUNK_BATCHES = 8  # segments handed to CTranslate2 per call: it sorts by length within a call
INSTALL_HINT = ("install the Argos zh→en model with `l10n models install` (needs internet) or "
                "`l10n models install --file PATH.argosmodel`")


@dataclass(frozen=True)
class DecodingOptions:
    """Argos's own decoding settings for its packages, with the desk's beam size, batching and threads."""

    beam_size: int = EngineOptions.beam_size
    length_penalty: float = 0.2
    max_batch_size: int = EngineOptions.batch_size
    threads: int = EngineOptions.threads

    @classmethod
    def of(cls, options: EngineOptions) -> DecodingOptions:
        return cls(beam_size=options.beam_size, max_batch_size=options.batch_size, threads=options.threads)


@lru_cache(maxsize=4)
def _engine(model_path: str, threads: int):
    """One CTranslate2 translator per model and thread count, loaded on first use, kept for the process."""
    import ctranslate2

    try:
        return ctranslate2.Translator(model_path, device="cpu", inter_threads=1, intra_threads=threads)
    except (RuntimeError, ValueError, OSError) as error:
        raise ModelError(f"cannot load the CTranslate2 model: {error}", model_path) from error


class ArgosTranslator:
    """The engine registered as `argos` (engines.py), and the translator it opens."""

    install_hint = INSTALL_HINT

    def __init__(self, package, options: DecodingOptions):
        if getattr(package, "tokenizer", None) is None:
            raise ModelError("package has neither sentencepiece.model nor bpe.model", package.package_path)
        self.package = package
        self.options = options
        self.model_id = (f"argos translate-{package.from_code}_{package.to_code} "
                         f"{package.package_version or 'unversioned'}")
        self.signature = f"{self.model_id}|beam:{options.beam_size}|length_penalty:{options.length_penalty}"

    @classmethod
    def installed(cls, options: EngineOptions, warn: Warn | None = None) -> ArgosTranslator | None:
        """The newest installed zh→en package with the desk's options, or None."""
        package = find_package("zh", "en", warn)
        return cls(package, DecodingOptions.of(options)) if package is not None else None

    @classmethod
    def not_installed(cls) -> ModelError:
        return ModelError(f"no Argos zh→en package installed; {INSTALL_HINT}", packages_dir())

    @property
    def model_path(self) -> Path:
        return Path(self.package.package_path) / "model"

    def tokenize(self, sources: list[str]) -> list[list[str]]:
        return [self.package.tokenizer.encode(source) for source in sources]

    def decode(self, tokens: list[str]) -> str:
        text = self.package.tokenizer.decode(tokens)
        prefix = self.package.target_prefix
        if prefix and text.startswith(prefix):
            text = text[len(prefix):]
        return text.strip()

    def translate_batch(self, sources: list[str], n_best: int = 1,
                        on_progress: BatchProgress | None = None) -> list[list[str]]:
        if not sources:
            return []
        engine = _engine(str(self.model_path), self.options.threads)
        tokenized = self.tokenize(sources)
        prefix = self.package.target_prefix
        options = self.options
        chunk = options.max_batch_size * _CHUNK_BATCHES
        hypotheses: list[list[str]] = []
        for start in range(0, len(tokenized), chunk):
            part = tokenized[start:start + chunk]
            results = engine.translate_batch(
                part,
                target_prefix=[[prefix]] * len(part) if prefix else None,
                replace_unknowns=True,
                max_batch_size=options.max_batch_size,
                beam_size=max(options.beam_size, n_best),
                num_hypotheses=n_best,
                length_penalty=options.length_penalty,
            )
            hypotheses += [[self.decode(tokens) for tokens in result.hypotheses] for result in results]
            if on_progress is not None:
                on_progress(len(hypotheses), len(sources))
        return hypotheses
