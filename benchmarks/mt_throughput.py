"""MT stage throughput, side by side in one run, with the tiny real Argos package the tests build.

Run by hand: python benchmarks/mt_throughput.py [--segments 344] [--threads 2] [--batch-size 32]

Prints, over the same segments and decoding options:
- the pipeline's MT stage (tokenize, CTranslate2, decode, choose hypotheses), without and with the glossary;
- raw ctranslate2.Translator.translate_batch on the same already-tokenized segments;
- Argos's own per-segment translate(), where it can run offline;
- a re-run answered by the warm translation cache.
Targets: pipeline within 1.15x of raw CTranslate2; warm re-run under 5 % of the first run.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="l10n-mt-bench-"))
os.environ["ARGOS_PACKAGES_DIR"] = str(WORK / "packages")  # read by Argos at import: set before it
sys.path.insert(0, str(ROOT / "tests"))

from tiny_argos import build_package  # noqa: E402

from l10n.glossary import Glossary, load  # noqa: E402
from l10n.reading.ingest import read_article  # noqa: E402
from l10n.pipeline import BUNDLED_SAMPLE  # noqa: E402
from l10n.reading.segment import segment_document  # noqa: E402
from l10n.translate.argos import ArgosTranslator, _engine  # noqa: E402
from l10n.translate.base import EngineOptions  # noqa: E402
from l10n.translate.cache import TranslationCache  # noqa: E402
from l10n.translate.enforce import draft_documents  # noqa: E402
from l10n.translate.models import install_file  # noqa: E402


def segments_for(count: int, glossary: Glossary):
    """The sample's sentences, repeated with a distinct ending until there are `count` distinct ones."""
    base = segment_document(read_article(BUNDLED_SAMPLE))
    sources = [s.source for s in base]
    round_ = 1
    while len(sources) < count:
        sources += [f"{s}（第{round_}版）" for s in (seg.source for seg in base)]
        round_ += 1
    from l10n.model import Part, Segment

    return glossary.annotate([Segment(f"b{i}", 1, i, Part.BODY, 1, s) for i, s in enumerate(sources[:count])])


def seconds(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--segments", type=int, default=344)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    install_file(build_package(WORK / "build"))
    translator = ArgosTranslator.installed(EngineOptions(threads=args.threads, batch_size=args.batch_size))
    options = translator.options  # Argos's decoding options, as the translator uses them
    plain = segments_for(args.segments, Glossary([]))
    with_terms = segments_for(args.segments, load(ROOT / "glossary.csv"))
    load_seconds, _ = seconds(lambda: _engine(str(translator.model_path), options.threads))

    import ctranslate2

    raw_engine = ctranslate2.Translator(str(translator.model_path), device="cpu", inter_threads=1,
                                        intra_threads=options.threads)
    tokenized = translator.tokenize([s.source for s in plain])
    raw_engine.translate_batch(tokenized[:8], max_batch_size=options.max_batch_size)  # warm-up, like ours
    translator.translate_batch([s.source for s in plain[:8]])

    raw_seconds, _ = seconds(lambda: raw_engine.translate_batch(
        tokenized, replace_unknowns=True, max_batch_size=options.max_batch_size, beam_size=options.beam_size,
        num_hypotheses=1, length_penalty=options.length_penalty))
    stage_seconds, _ = seconds(lambda: draft_documents([plain], translator, n_best=1))
    enforced_seconds, (_, report) = seconds(lambda: draft_documents([with_terms], translator, n_best=1))

    cache = TranslationCache(WORK / "cache.sqlite3", print)
    cold_seconds, _ = seconds(lambda: draft_documents([with_terms], translator, cache=cache, n_best=1))
    warm_seconds, (_, warm) = seconds(lambda: draft_documents([with_terms], translator, cache=cache, n_best=1))
    cache.close()

    n = len(plain)
    print(f"{n} segments, beam {options.beam_size}, batch {options.max_batch_size}, {options.threads} threads; "
          f"model load {load_seconds:.3f} s (once per process, not in the figures below)")
    print(f"raw CTranslate2 translate_batch       : {raw_seconds:7.3f} s  {n / raw_seconds:7.1f} seg/s")
    print(f"pipeline MT stage, no glossary        : {stage_seconds:7.3f} s  {n / stage_seconds:7.1f} seg/s  "
          f"ratio to raw {stage_seconds / raw_seconds:.2f}x (target <= 1.15x)")
    print(f"pipeline MT stage, glossary enforced  : {enforced_seconds:7.3f} s  {n / enforced_seconds:7.1f} seg/s  "
          f"ratio to raw {enforced_seconds / raw_seconds:.2f}x (adds a second pass for "
          f"segments missing terms; adherence {report.adherence:.1%})")
    print(f"first run with cache (cold)           : {cold_seconds:7.3f} s")
    print(f"re-run with warm cache                : {warm_seconds:7.3f} s  {warm.from_cache}/{warm.segments} "
          f"from cache, {warm_seconds / cold_seconds:.1%} of the first run (target < 5 %)")
    argos_per_segment(plain[:20])


def argos_per_segment(sample) -> None:
    """Argos's own path: argostranslate.translate.translate(), one segment at a time."""
    try:
        import_seconds, translate_module = seconds(lambda: __import__("argostranslate.translate").translate)
        per_segment, _ = seconds(lambda: [translate_module.translate(s.source, "zh", "en") for s in sample])
    except Exception as error:  # offline it fails fetching a sentence splitter; that is the point to report
        print(f"Argos translate() per segment          : unavailable here ({type(error).__name__}: "
              f"{str(error)[:80]})")
        return
    print(f"Argos translate() per segment          : {per_segment:7.3f} s for {len(sample)} segments  "
          f"{len(sample) / per_segment:7.1f} seg/s (import {import_seconds:.1f} s)")


if __name__ == "__main__":
    main()
