import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { EnterpriseKind } from '../../../shared/domain/labels';
import { call } from '../../api/client';
import { useDebouncedValue } from '../../components/useDebouncedValue';

export interface EnterpriseOption {
  id: number;
  name: string;
}

/** How many matches the list offers at a time: the clerk types more to narrow it rather than scrolling 600. */
const MATCHES = 30;

interface Found {
  search: string;
  rows: EnterpriseOption[];
}

type Props = {
  /** Names of enterprises already chosen, so they show as names before any search. */
  known?: EnterpriseOption[];
  /** Only units of these kinds are offered (a 商会 is a 社会团体, a 龙头企业 a 企业). */
  kinds?: EnterpriseKind[];
  /** Not offered: the enterprise being edited, which cannot point at itself. */
  excludeId?: number | null;
  placeholder?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
} & (
  | { multiple?: false; value?: number | null; onChange?: (value: number | undefined) => void }
  | { multiple: true; value?: number[]; onChange?: (value: number[]) => void }
);

/**
 * Chooses enterprises by typing part of the name or its pinyin initials, searched by the core like the ledger's
 * own search box. The options shown always belong to what is typed now, so Enter never takes a stale match.
 */
export function EnterpriseSelect(props: Props) {
  const { known, placeholder, disabled, autoFocus, id, excludeId } = props;
  // A new array each render must not search again: the kinds are compared by what they hold.
  const kinds = props.kinds?.join(',') ?? '';
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim(), 250);
  const [found, setFound] = useState<Found | null>(null);
  // Names of what the clerk picked from earlier searches, so a choice keeps its name when the search moves on.
  const [picked, setPicked] = useState<EnterpriseOption[]>([]);

  useEffect(() => {
    let live = true;
    const query = {
      search: settled || undefined,
      kinds: kinds ? (kinds.split(',') as EnterpriseKind[]) : undefined,
    };
    call('enterprises:list', { query, limit: MATCHES, sortBy: 'name' }).then(
      (page) => live && setFound({ search: settled, rows: page.rows.map((r) => ({ id: r.id, name: r.name })) }),
      () => live && setFound({ search: settled, rows: [] }),
    );
    return () => {
      live = false;
    };
  }, [settled, kinds]);

  const current = found && found.search === search.trim() ? found.rows : null;
  const chosen = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];

  const names = new Map<number, string>();
  for (const e of [...(known ?? []), ...picked]) names.set(e.id, e.name);
  const rows = (current ?? []).filter((r) => r.id !== excludeId);
  const shown = new Set(rows.map((r) => r.id));
  // The chosen ones stay among the options (last), or the box would show their bare numbers.
  const extra = chosen.filter((id) => !shown.has(id)).map((id) => ({ id, name: names.get(id) ?? `企业 ${id}` }));
  const options = [...rows, ...extra].map((e) => ({ value: e.id, label: e.name }));

  const remember = (ids: number[]) => {
    const add = rows.filter((r) => ids.includes(r.id));
    if (add.length > 0) setPicked((p) => [...p.filter((x) => !add.some((a) => a.id === x.id)), ...add]);
  };

  const common = {
    id,
    'aria-label': props['aria-label'],
    'data-testid': props['data-testid'],
    placeholder: placeholder ?? '输入企业名称或拼音首字母',
    disabled,
    autoFocus,
    options,
    showSearch: { filterOption: false, onSearch: setSearch, searchValue: search },
    notFoundContent: current ? '没有找到匹配的企业' : <Spin size="small" />,
    style: { width: '100%' },
  };

  return props.multiple ? (
    <Select<number[]>
      {...common}
      mode="multiple"
      value={props.value}
      onChange={(v) => {
        remember(v);
        setSearch('');
        props.onChange?.(v);
      }}
    />
  ) : (
    <Select<number>
      {...common}
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => {
        remember(v === undefined ? [] : [v]);
        setSearch('');
        props.onChange?.(v);
      }}
    />
  );
}
