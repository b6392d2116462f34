"""Reading an article: the file's bytes to a Document (readers/, one per format), what is chrome and where the
article is, and its sentences."""
