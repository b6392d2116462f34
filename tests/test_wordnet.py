"""The WordNet reader: a noun's synsets found by a binary search in Debian's sorted index, read at their offsets."""
from l10n.text import wordnet


def test_a_nouns_senses_come_most_frequent_first_with_their_lemmas_and_kinds():
    first, *_ = wordnet.noun_senses("airplane")
    lemmas, kinds = wordnet.synset(first)
    assert {"airplane", "aeroplane", "plane"} <= set(lemmas)
    assert "jet" in {lemma for kind in kinds for lemma in wordnet.synset(kind)[0]}


def test_the_kinds_of_a_synset_are_not_its_instances():
    """Aachen and Aberdeen are instances of a city, names rather than kinds of it."""
    first, *_ = wordnet.noun_senses("city")
    kinds = {lemma for kind in wordnet.synset(first)[1] for lemma in wordnet.synset(kind)[0]}
    assert "national_capital" in kinds and not kinds & {"aachen", "aberdeen"}


def test_a_compound_is_looked_up_with_its_words_joined():
    [district] = wordnet.noun_senses("business district")
    assert "downtown" in wordnet.synset(district)[0]


def test_words_wordnet_lacks_find_nothing():
    assert wordnet.noun_senses("zzzyzzq") == wordnet.noun_senses("") == ()
    assert wordnet.noun_senses("aardvark") and wordnet.noun_senses("zymurgy")  # the first and last pages of the index


def test_without_the_database_every_lookup_finds_nothing(monkeypatch, tmp_path):
    monkeypatch.setattr(wordnet, "FOLDER", tmp_path)
    wordnet._index.cache_clear()
    wordnet.noun_senses.cache_clear()
    try:
        assert wordnet.noun_senses("airplane") == ()
    finally:
        wordnet._index.cache_clear()
        wordnet.noun_senses.cache_clear()
