import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from './api';

type Codes = Schemas['CodesDto'];
/**
 * The lists of GET /codes. The last five are in the answer but not (yet) in its OpenAPI schema:
 * the KPI target indicators, the KPIs, target units and kinds, protections.
 */
export type CodeList =
  Exclude<keyof Codes, 'lang'> | 'kpiTargetIndicators' | 'kpis' | 'targetUnits' | 'targetKinds' | 'protections';
type Entry = { code: string; label: string } & Record<string, unknown>;
/** The entries of one list, [] while loading. */
export const entriesOf = (codes: Codes | null, list: CodeList): Entry[] =>
  ((codes as Record<string, unknown> | null)?.[list] as Entry[] | undefined) ?? [];

interface CodeBook {
  codes: Codes | null;
  /** The label of a code in the current language (GET /codes), or the code itself while loading. */
  label: (list: CodeList, code: string | null | undefined) => string;
  options: (list: CodeList) => { code: string; label: string }[];
}

const Context = createContext<CodeBook>({ codes: null, label: (_l, c) => c ?? '', options: () => [] });

export function CodesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [codes, setCodes] = useState<Codes | null>(null);
  useEffect(() => {
    let live = true;
    void api.GET('/api/v1/codes', { params: { query: { lang } } }).then(({ data }) => {
      if (live && data) setCodes(data);
    });
    return () => {
      live = false;
    };
  }, [lang]);
  const book: CodeBook = {
    codes,
    label: (list, code) => {
      if (!code) return '—';
      const entry = entriesOf(codes, list).find((item) => item.code === code);
      return entry?.label ?? code;
    },
    options: (list) =>
      entriesOf(codes, list).map(({ code, label }) => ({
        code,
        label,
      })),
  };
  return <Context.Provider value={book}>{children}</Context.Provider>;
}

export const useCodes = () => useContext(Context);
