import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import kk from '../../messages/kk.json';
import ru from '../../messages/ru.json';

type Tree = { [k: string]: string | Tree };
function flatten(o: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object') for (const [kk2, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk2, vv);
    else out.set(`${prefix}${k}`, v);
  }
  return out;
}

const locales = { kk: flatten(kk as Tree), ru: flatten(ru as Tree) };

describe('messages', () => {
  it('kk and ru have exactly the same keys', () => {
    const onlyKk = [...locales.kk.keys()].filter((k) => !locales.ru.has(k));
    const onlyRu = [...locales.ru.keys()].filter((k) => !locales.kk.has(k));
    expect({ onlyKk, onlyRu }).toEqual({ onlyKk: [], onlyRu: [] });
  });

  for (const [locale, map] of Object.entries(locales)) {
    it(`${locale}: no empty value, every value a valid ICU message`, () => {
      const problems: string[] = [];
      for (const [key, value] of map) {
        if (typeof value !== 'string' || !value.trim()) {
          problems.push(`${key}: empty`);
          continue;
        }
        try {
          parse(value);
        } catch (e) {
          problems.push(`${key}: ${(e as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('the same ICU arguments in both languages', () => {
    const args = (s: string) =>
      [...s.matchAll(/\{(\w+)/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    const diff = [...locales.kk].filter(([k, v]) => args(String(v)) !== args(String(locales.ru.get(k) ?? ''))).map(([k]) => k);
    expect(diff).toEqual([]);
  });

  it('Kazakh text is Kazakh: specific letters occur, and no key is simply the Russian text', () => {
    const kkText = [...locales.kk.values()].join(' ');
    expect(kkText).toMatch(/[әғқңөұүһі]/);
    const same = [...locales.kk]
      .filter(([k, v]) => typeof v === 'string' && /[а-яё]{4,}/i.test(v) && v === locales.ru.get(k))
      .map(([k]) => k);
    expect(same).toEqual([]);
  });
});
