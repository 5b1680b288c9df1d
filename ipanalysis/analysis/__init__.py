"""Analyses of a built :class:`~ipanalysis.tables.corpus.Corpus`, one module per question:
:mod:`.overview` (the plans at a glance), :mod:`.themes` (what plans emphasise), :mod:`.workloads`
(which agencies carry them), :mod:`.targets` (what they commit to in numbers) and :mod:`.quality`
(how completely the parse accounts for each plan)."""
