# Helper to append rows to src/MigraineProtocol/Localization/strings.tsv (key, en, de, de-source).
import sys
P = 'src/MigraineProtocol/Localization/strings.tsv'
def add(rows):
    existing = open(P, encoding='utf-8').read().splitlines() if __import__('os').path.exists(P) else ['key\ten\tde\tde-source']
    keys = {l.split('\t')[0] for l in existing}
    for r in rows:
        assert len(r) == 4 and all(r), r
        assert '\t' not in ''.join(r)
        if r[0] in keys:
            existing = [('\t'.join(r) if l.split('\t')[0] == r[0] else l) for l in existing]
        else:
            existing.append('\t'.join(r)); keys.add(r[0])
    open(P, 'w', encoding='utf-8').write('\n'.join(existing) + '\n')
