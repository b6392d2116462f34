"""Catalogs: the entry model (entries.py), reading (po.py) and writing them as gettext does (po_text.py),
merging a reviewer's work (merge.py), what the machine wrote (machine.py), a document's catalogs read
against its segments (reviewed.py) and the document's structure beside them (structure.py)."""
