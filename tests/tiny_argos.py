"""Build a real, tiny Argos Translate package offline.

SentencePiece is trained on the bundled sample plus some English, a one-layer CTranslate2 Transformer
gets random numpy weights, and both are zipped with metadata.json as an .argosmodel. It translates
nonsense, but through exactly the files and code paths a real zh→en package uses.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

from l10n.pipeline import BUNDLED_SAMPLE

MODEL_DIM = 32
FFN_DIM = 64
HEADS = 2
VOCAB_SIZE = 1200
ENGLISH = (
    "OpenAI's board drama is over; who is the biggest winner? Microsoft's AI ambitions. "
    "Sam Altman returns as chief executive, and a new board is formed. Ilya Sutskever signed the letter. "
    "Microsoft shares rose 2.05 percent, adding nearly 30 billion dollars of market value. "
    "Google merged Google Brain and DeepMind into Google DeepMind. Satya Nadella spoke at Ignite 2023. "
)


def _weight_shapes(vocab: int) -> dict[str, tuple[int, ...]]:
    d, ff = MODEL_DIM, FFN_DIM
    return {
        "embeddings_0/weight": (vocab, d), "embeddings/weight": (vocab, d), "projection/weight": (vocab, d),
        "self_attention/linear_0/weight": (3 * d, d), "self_attention/linear_1/weight": (d, d),
        "attention/linear_0/weight": (d, d), "attention/linear_1/weight": (2 * d, d),
        "attention/linear_2/weight": (d, d),
        "ffn/linear_0/weight": (ff, d), "ffn/linear_1/weight": (d, ff),
        "gamma": (d,), "beta": (d,),
    }


def _shape_for(name: str, shapes: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
    for suffix, shape in sorted(shapes.items(), key=lambda item: -len(item[0])):
        if name.endswith(suffix):
            return shape
    raise KeyError(name)


def _train_tokenizer(folder: Path) -> Path:
    import sentencepiece

    corpus = folder / "corpus.txt"
    corpus.write_text(BUNDLED_SAMPLE.read_text(encoding="utf-8") + "\n" + ENGLISH * 3, encoding="utf-8")
    prefix = folder / "sentencepiece"
    sentencepiece.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(prefix), vocab_size=VOCAB_SIZE, character_coverage=1.0,
        model_type="unigram", hard_vocab_limit=False, minloglevel=2)
    return prefix.with_suffix(".model")


def _build_model(tokenizer: Path, output: Path, seed: int) -> None:
    import ctranslate2
    import sentencepiece
    from ctranslate2.specs import model_spec, transformer_spec

    processor = sentencepiece.SentencePieceProcessor(model_file=str(tokenizer))
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    spec = transformer_spec.TransformerSpec.from_config((1, 1), HEADS)
    shapes = _weight_shapes(len(vocabulary))
    rng = np.random.default_rng(seed)

    def fill(layer, name, value):
        if value is None:
            shape = _shape_for(name, shapes)
            array = np.ones(shape) if name.endswith("gamma") else rng.normal(0, 0.5, shape)
            setattr(layer, name.rsplit("/", 1)[-1], array.astype(np.float32))

    model_spec.visit_spec(spec, fill)
    # Favour </s> a little so random weights stop after a few words instead of running to the length limit.
    bias = np.zeros(len(vocabulary), dtype=np.float32)
    bias[vocabulary.index("</s>")] = 6.0
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize()
    output.mkdir(parents=True)
    spec.save(str(output))
    assert ctranslate2.contains_model(str(output))


def build_package(folder: Path, version: str = "0.0.1", seed: int = 0) -> Path:
    """Write folder/translate-zh_en.argosmodel and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = _train_tokenizer(folder)
    name = f"translate-zh_en-{version.replace('.', '_')}"
    staging = folder / name
    staging.mkdir()
    _build_model(tokenizer, staging / "model", seed)
    (staging / "sentencepiece.model").write_bytes(tokenizer.read_bytes())
    (staging / "metadata.json").write_text(json.dumps({
        "package_version": version, "argos_version": "1.9", "from_code": "zh", "from_name": "Chinese",
        "to_code": "en", "to_name": "English", "type": "translate", "links": []}), encoding="utf-8")
    archive = folder / "translate-zh_en.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(staging.rglob("*")):
            bundle.write(path, path.relative_to(folder).as_posix())
    return archive
