"""An OmegaT project in console mode, translating one of our catalog templates from one of our TMX files:
what OmegaT fills. Used by tests/test_exchange.py and scripts/cat_tools_demo.py.

The project is zh-CN → TARGET, sentence segmentation off (each catalog entry is one segment, as our entries
are sentences), the TMX in `tm/auto`, where OmegaT takes exact matches as translations.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib

OMEGAT = shutil.which("omegat")
_PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat><project version="1.0">
<source_dir>__DEFAULT__</source_dir><source_dir_excludes/><target_dir>__DEFAULT__</target_dir>
<tm_dir>__DEFAULT__</tm_dir><glossary_dir>__DEFAULT__</glossary_dir><glossary_file>__DEFAULT__</glossary_file>
<dictionary_dir>__DEFAULT__</dictionary_dir><source_lang>zh-CN</source_lang><target_lang>{target}</target_lang>
<source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
<target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
<sentence_seg>false</sentence_seg><support_default_translations>true</support_default_translations>
<remove_tags>false</remove_tags></project></omegat>
"""


@dataclass(frozen=True)
class Filled:
    command: list[str]
    output: str  # what OmegaT printed
    translations: dict[str, str]  # each msgid of the template (header aside) → the msgstr OmegaT gave it


def fill(project: Path, template: Path, tmx: Path, target: str) -> Filled:
    """OmegaT's console translation of `template` with `tmx` in tm/auto (OmegaT must be installed)."""
    for name in ("source", "target", "tm/auto", "omegat", "glossary", "dictionary"):
        (project / name).mkdir(parents=True, exist_ok=True)
    (project / "omegat.project").write_text(_PROJECT.format(target=target), encoding="utf-8")
    shutil.copy(template, project / "source" / template.name)
    shutil.copy(tmx, project / "tm" / "auto" / tmx.name)
    command = [OMEGAT or "omegat", str(project), "--mode=console-translate"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    translated = polib.pofile(str(project / "target" / template.name))
    return Filled(command, done.stdout + done.stderr,
                  {entry.msgid: entry.msgstr for entry in translated if entry.msgid})
