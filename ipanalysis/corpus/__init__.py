"""Many plans (the build): scan the raw folder, parse (in parallel, from the cache, or on Dask), resolve duplicates
and failed files, assemble the tables, apply the researcher's overrides, write.

Modules in the order a build runs: :mod:`.scan`, :mod:`.cache`, :mod:`.parse_all` (and
:mod:`.engines`), :mod:`.resolve`, :mod:`.assemble`, :mod:`.overrides`, :mod:`.previous` (the last
build's manifest), tied together by :mod:`.pipeline`; :mod:`.add` copies new plans into the raw
folder.
"""

from .pipeline import build, build_corpus
from .report import BuildReport, DocumentError
from .scan import MAX_FILE_BYTES, list_raw_files

__all__ = ["build", "build_corpus", "BuildReport", "DocumentError", "MAX_FILE_BYTES", "list_raw_files"]
