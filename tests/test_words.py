"""jieba's dictionary kept in the user's cache folder (words.py): the same dictionary as jieba's own, made again
when it was made from another jieba or is damaged, and never a reason for a run to fail."""
import jieba
import pytest

from l10n.text import words


@pytest.fixture(scope="module")
def jiebas_own() -> tuple[dict[str, int], int]:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer.FREQ, tokenizer.total


def _whole(dictionary: words.Dictionary, jiebas_own) -> tuple[dict[str, int], int]:
    """The dictionary with every group read (as texts holding every first character would have it read)."""
    return dictionary.cover("".join({word[0] for word in jiebas_own[0]})), dictionary.total


def _jieba_not_asked(monkeypatch):
    def initialize(self, dictionary=None):
        raise AssertionError("jieba's dictionary was loaded although one was kept")

    monkeypatch.setattr(jieba.Tokenizer, "initialize", initialize)


def test_the_kept_dictionary_is_jiebas_own_and_is_read_back(tmp_path, monkeypatch, jiebas_own):
    path = tmp_path / "cache" / "dictionary.bin"
    assert _whole(words.load_dictionary(path), jiebas_own) == jiebas_own
    assert path.is_file()
    _jieba_not_asked(monkeypatch)
    assert _whole(words.load_dictionary(path), jiebas_own) == jiebas_own


def test_a_text_brings_in_the_words_that_start_with_its_characters(tmp_path, monkeypatch, jiebas_own):
    path = tmp_path / "dictionary.bin"
    words.load_dictionary(path)
    _jieba_not_asked(monkeypatch)
    dictionary = words.load_dictionary(path)
    assert dictionary.frequencies == {}
    assert dictionary.cover("公司的公") == {word: count for word, count in jiebas_own[0].items() if word[0] in "公司的"}
    assert dictionary.cover("☃") is dictionary.frequencies and len(dictionary.frequencies) > 1000


def test_a_dictionary_kept_from_another_jieba_is_made_again(tmp_path, monkeypatch, jiebas_own):
    path = tmp_path / "dictionary.bin"
    words.load_dictionary(path)
    kept = path.read_bytes()
    monkeypatch.setattr(words, "dictionary_key", lambda: '["another jieba"]')
    assert _whole(words.load_dictionary(path), jiebas_own) == jiebas_own
    assert path.read_bytes() != kept and b'another jieba' in path.read_bytes()
    _jieba_not_asked(monkeypatch)
    assert _whole(words.load_dictionary(path), jiebas_own) == jiebas_own


@pytest.mark.parametrize("damage", [lambda data: data[:len(data) // 2], lambda data: data[:-3],
                                    lambda data: b"not a dictionary\n" + data, lambda data: b""])
def test_a_damaged_kept_dictionary_is_made_again(tmp_path, jiebas_own, damage):
    path = tmp_path / "dictionary.bin"
    words.load_dictionary(path)
    path.write_bytes(damage(path.read_bytes()))
    assert _whole(words.load_dictionary(path), jiebas_own) == jiebas_own


def test_a_cache_folder_that_cannot_be_written_costs_only_time(tmp_path, jiebas_own):
    (tmp_path / "a file").write_text("")
    assert _whole(words.load_dictionary(tmp_path / "a file" / "dictionary.bin"), jiebas_own) == jiebas_own


def test_segmenting_reads_the_dictionary_kept_in_the_users_cache_folder(tmp_path):
    """words.py's own tokenizer is the one given the kept dictionary: the first process makes the file in
    $XDG_CACHE_HOME/l10n, the next segments without jieba loading its own dictionary."""
    import os
    import subprocess
    import sys

    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    segment = "from l10n.text import words; print(words.is_word('公司'), [w for w, *_ in words.words('我们公司')])"
    first = subprocess.run([sys.executable, "-c", segment], env=environment, capture_output=True, text=True)
    assert first.returncode == 0 and first.stdout.split()[0] == "True", first.stderr
    assert (tmp_path / "l10n" / words._DICTIONARY_CACHE).is_file()
    refuse = ("import jieba\n"
              "def initialize(self, dictionary=None): raise SystemExit('jieba loaded its own dictionary')\n"
              "jieba.Tokenizer.initialize = initialize\n")
    second = subprocess.run([sys.executable, "-c", refuse + segment], env=environment, capture_output=True, text=True)
    assert (second.returncode, second.stdout) == (0, first.stdout), second.stderr


def test_the_dictionary_is_made_from_jiebas_file_not_a_cache_in_the_temporary_folder(tmp_path, monkeypatch,
                                                                                     jiebas_own):
    """jieba's own initialize() loads, or writes, jieba.cache in the shared temporary folder; making the kept
    dictionary reads dict.txt and leaves that folder alone."""
    import tempfile

    shared_temporary = tmp_path / "tmp"
    shared_temporary.mkdir()
    (shared_temporary / "jieba.cache").write_bytes(b"planted")
    monkeypatch.setattr(tempfile, "tempdir", str(shared_temporary))
    _jieba_not_asked(monkeypatch)
    assert _whole(words.load_dictionary(tmp_path / "cache" / "dictionary.bin"), jiebas_own) == jiebas_own
    assert [path.name for path in shared_temporary.iterdir()] == ["jieba.cache"]
