"""Mining articles for glossary entries: where names are introduced (patterns), where a Chinese term starts
(boundaries) and what kind of name it is (kinds). suggest.py turns the findings into glossary rows."""
