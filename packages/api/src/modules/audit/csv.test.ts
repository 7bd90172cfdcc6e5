import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';
import { REDACTED, redactSecrets } from './redact';

describe('CSV formatter', () => {
  it('leaves plain values alone and writes nothing for null', () => {
    expect(csvCell('master.item.create')).toBe('master.item.create');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes fields holding a comma, quote or line break and doubles inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a header and CRLF-terminated rows', () => {
    expect(
      toCsv(
        ['id', 'note'],
        [
          [1, 'x'],
          [2, '=1+1'],
        ],
      ),
    ).toBe("id,note\r\n1,x\r\n2,'=1+1\r\n");
  });
});

describe('secret redaction', () => {
  it('replaces values under secret-named keys at any depth and keeps the rest', () => {
    const out = redactSecrets({
      email: 'a@b.c',
      password: 'hunter2',
      nested: { passwordHash: 'x', list: [{ token: 't', code: 'COTTON' }] },
    });
    expect(out).toEqual({
      email: 'a@b.c',
      password: REDACTED,
      nested: { passwordHash: REDACTED, list: [{ token: REDACTED, code: 'COTTON' }] },
    });
    expect(redactSecrets(null)).toBeNull();
    expect(redactSecrets('plain')).toBe('plain');
  });
});
