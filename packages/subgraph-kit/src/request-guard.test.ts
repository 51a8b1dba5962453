import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { findInvalidTextInDocument, findInvalidTextInValue, invalidText } from './request-guard.js';

describe('invalidText', () => {
  it('finds NUL and lone surrogates, and accepts paired surrogates and other text', () => {
    expect(invalidText('张\u0000三')).toEqual({ kind: 'NUL', codePoint: 'U+0000' });
    expect(invalidText('a\uD800b')).toEqual({ kind: 'LONE_SURROGATE', codePoint: 'U+D800' });
    expect(invalidText('a\uDC00')).toEqual({ kind: 'LONE_SURROGATE', codePoint: 'U+DC00' });
    expect(invalidText('\uD83D')).toEqual({ kind: 'LONE_SURROGATE', codePoint: 'U+D83D' });
    expect(invalidText('调解😀 \t\n𠀀')).toBeNull();
  });
});

describe('findInvalidTextInValue', () => {
  it('reports the path of the first bad string, in values and keys', () => {
    expect(findInvalidTextInValue({ input: { parties: [{ name: 'ok' }, { name: 'x\u0000' }] } })).toMatchObject({
      field: 'input.parties[1].name',
      kind: 'NUL',
    });
    expect(findInvalidTextInValue({ s: ['a', ['b', '\uDFFF']] })).toMatchObject({ field: 's[1][1]', kind: 'LONE_SURROGATE' });
    expect(findInvalidTextInValue({ input: { ['k\u0000']: 1 } })).toMatchObject({ field: 'input', kind: 'NUL' });
    expect(findInvalidTextInValue({ a: 1, b: true, c: null, d: ['x'] })).toBeNull();
  });

  it('walks very deep values without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findInvalidTextInValue({ v: deep })?.kind).toBe('NUL');
  });
});

describe('findInvalidTextInDocument', () => {
  it('reports literals in arguments, nested input objects, lists, block strings and variable defaults', () => {
    const at = (source: string) => findInvalidTextInDocument(parse(source))?.finding.field;
    expect(at('mutation { registerDispute(input: { summary: "a\\u0000", parties: [] }) { id } }')).toBe('input.summary');
    expect(at('mutation { registerDispute(input: { parties: [{ name: "ok" }, { name: "b\\u0000" }] }) { id } }')).toBe('input.parties[1].name');
    expect(at('mutation { declinePetition(id: "1", reason: """原因\u0000""") { id } }')).toBe('reason');
    expect(at('query($s: String = "\\u0000") { a(s: $s) }')).toBe('s');
    expect(at('{ a @include(if: true) { b(tags: ["x", "\\u0000"]) } }')).toBe('tags[1]');
    expect(at('{ a(s: "清白的文字 \\uD83D\\uDE00") }')).toBeUndefined();
  });
});
