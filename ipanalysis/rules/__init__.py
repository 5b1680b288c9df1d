"""The vocabularies and the one function that applies each.

Every vocabulary is a data file in ``ipanalysis/data/`` (read once per process by
:mod:`.datafiles`), and one module here applies it:

=====================  ==============================  =======================================
module                 data file(s)                    what it decides
=====================  ==============================  =======================================
``numerals``           numerals.csv                    Chinese numerals in amounts, headings, dates
``outline``            outline_styles.csv              which lines open a numbered item, and its rank
``roles``              roles.csv                       role words (牵头, 配合 …) and list labels (牵头单位：)
``organisations``      organisations.csv,              what reads as an organisation's name; which
                       collectives.txt                 units are collective (各成员单位, 各镇(街道))
``header_keys``        header_keys.csv                 header fields above a plan (发布机构, 文号 …)
``gazetteer``          division_keys.csv,              China's divisions, English region keys, the
                       gazetteer.csv                   region a plan was issued for
``agencies``           agencies.csv                    agency families shared across regions
``lexicon``            theme_lexicon.csv,              themes (IP-chain stages, finer themes) and
                       instrument_rules.csv,           policy instruments; phrases read as one word
                       coding_phrases.txt,             and the contexts in which a coding term
                       coding_exclusions.csv           makes no code
``indicators``         indicators.csv,                 indicator keys of targets; the national plan's
                       national_targets.csv            targets
=====================  ==============================  =======================================
"""
