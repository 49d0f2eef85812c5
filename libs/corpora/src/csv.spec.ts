import { afterEach, describe, expect, it } from 'vitest';
import { parseCsvLine, readCsvRecords } from './csv';
import { TinyCorpora, writeText } from './testing/tiny-corpus';

const corpora = new TinyCorpora();
afterEach(() => corpora.removeAll());

describe('CSV reading', () => {
  it('splits quoted fields with delimiters and doubled quotes', () => {
    expect(parseCsvLine('a,"b,c","say ""hi""",')).toEqual(['a', 'b,c', 'say "hi"', '']);
    expect(parseCsvLine('a,"open')).toBeNull();
  });

  it('streams records with line numbers, joining quoted line breaks and dropping a BOM', async () => {
    const root = await corpora.root('csv');
    await writeText(root, 'x.csv', '\uFEFFpath,label\r\na.wav,"multi\nline"\n\nb.wav,sad\n');
    const records = [];
    for await (const record of readCsvRecords(`${root}/x.csv`)) records.push(record);
    expect(records).toEqual([
      { line: 1, fields: ['path', 'label'] },
      { line: 2, fields: ['a.wav', 'multi\nline'] },
      { line: 5, fields: ['b.wav', 'sad'] },
    ]);
  });
});
