import { describe, expect, it } from 'vitest';
import { asciiFileName, sanitiseFileName } from './file-name';
import { sniffFileType, zipEntryNames } from './sniff';

const bytes = (...xs: number[]) => new Uint8Array(xs);
const ascii = (s: string) => new TextEncoder().encode(s);

/** A ZIP local file header with the given entry name (no data, as far as sniffing cares). */
function zipEntry(name: string): Uint8Array {
  const nameBytes = ascii(name);
  const header = new Uint8Array(30 + nameBytes.length + 4);
  header.set([0x50, 0x4b, 0x03, 0x04]);
  new DataView(header.buffer).setUint16(26, nameBytes.length, true);
  header.set(nameBytes, 30);
  return header;
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('sniffFileType', () => {
  it('recognises PDF, PNG and JPEG by their magic bytes', () => {
    expect(sniffFileType(ascii('%PDF-1.7\n...'))?.mime).toBe('application/pdf');
    expect(sniffFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))?.mime).toBe('image/png');
    expect(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))?.mime).toBe('image/jpeg');
  });

  it('tells DOCX and XLSX from other ZIP archives by their entry names', () => {
    const docx = concat(zipEntry('[Content_Types].xml'), zipEntry('_rels/.rels'), zipEntry('word/document.xml'));
    const xlsx = concat(zipEntry('[Content_Types].xml'), zipEntry('xl/workbook.xml'));
    expect(zipEntryNames(docx)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(sniffFileType(docx)?.extension).toBe('docx');
    expect(sniffFileType(xlsx)?.extension).toBe('xlsx');
    expect(sniffFileType(concat(zipEntry('payload.exe')))).toBeNull();
    expect(sniffFileType(concat(zipEntry('word/document.xml')))).toBeNull(); // no [Content_Types].xml
  });

  it('refuses executables, scripts, HTML, empty and truncated heads', () => {
    expect(sniffFileType(ascii('MZ\x90\x00\x03'))).toBeNull(); // Windows .exe
    expect(sniffFileType(bytes(0x7f, 0x45, 0x4c, 0x46))).toBeNull(); // ELF
    expect(sniffFileType(ascii('<html><script>'))).toBeNull();
    expect(sniffFileType(ascii('#!/bin/sh'))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
    expect(sniffFileType(ascii('%PD'))).toBeNull();
    expect(sniffFileType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
  });
});

describe('sanitiseFileName', () => {
  it('keeps only a harmless last segment with the sniffed extension', () => {
    expect(sanitiseFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('..\\x', 'png')).toBe('x.png');
    expect(sanitiseFileName('inv\u0000oice.pdf', 'pdf')).toBe('invoice.pdf');
    expect(sanitiseFileName('..', 'pdf')).toBe('document.pdf');
    expect(sanitiseFileName(null, 'jpg')).toBe('document.jpg');
    expect(sanitiseFileName('scan.exe', 'png')).toBe('scan.png');
    expect(sanitiseFileName('a"b\r\nc.pdf', 'pdf')).toBe('abc.pdf');
    expect(sanitiseFileName('x'.repeat(500), 'pdf').length).toBeLessThanOrEqual(120);
  });

  it('gives an ASCII fallback for headers', () => {
    expect(asciiFileName('प्रमाण पत्र.pdf')).toMatch(/^[\x20-\x7e]+$/);
  });
});
