"""Facts about text every stage shares: quantities, words (jieba, CC-CEDICT, WordNet), inline markup as placeholders
and TMX codes, and the notes written for reviewers."""
