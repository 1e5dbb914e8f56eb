"""The lexicon: the bottom layer of the parser, what printed phrases mean.

Every phrase list lives in vocab/*.toml (read by ``data``); every regular expression is built from
them in ``patterns``; the modules beside them recognise one concept each, written once:

- ``dates``: dates and clock times;          - ``bodies``: names of deciding bodies;
- ``names``: people's names and parties;      - ``attendance``: absence, substitutes, member lists;
- ``outcomes``: outcome classes of decisions; - ``headings``: section and decision headings;
- ``titles``: title predicates;               - ``residue``: interface residue, character noise;
- ``words``: running text (line joins, sentence ends).

Stages above (clean, classify, segment, extract, resolve) only call the lexicon; it imports none of them.
"""
