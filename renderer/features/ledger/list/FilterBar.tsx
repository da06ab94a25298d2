import { memo } from 'react';
import { Button, Segmented, Select, Space, Typography, type SelectProps } from 'antd';
import { ENTERPRISE_KINDS, OPERATING_STATUSES, ORG_SETTINGS } from '../../../../shared/domain/labels';
import type { Lookups } from '../../../../shared/domain/lookups';
import { SIZE_BANDS, type SizeBand } from '../../../../shared/domain/sizeBand';
import type { Filters } from './query';

interface Props {
  filters: Filters;
  onChange(filters: Filters): void;
  lookups: Lookups | null;
  /** Whether anything (search included) narrows the list. */
  active: boolean;
  onClear(): void;
}

function labelled<K extends string>(labels: Readonly<Record<K, string>>) {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

const SIZE_OPTIONS = (Object.keys(SIZE_BANDS) as SizeBand[]).map((band) => ({
  value: band,
  label: band === 'unknown' ? '不详' : `${band}类`,
  description: SIZE_BANDS[band],
}));

/** Areas under their 工作片 when the ledger has any; otherwise one plain list. */
function areaOptions(lookups: Lookups | null): SelectProps['options'] {
  const areas = lookups?.areas ?? [];
  const option = (a: { id: number; name: string }) => ({ value: a.id, label: a.name });
  if (!lookups || lookups.zones.length === 0) return areas.map(option);
  const zoned = lookups.zones
    .map((z) => ({ label: z.name, title: z.name, options: areas.filter((a) => a.zoneId === z.id).map(option) }))
    .filter((g) => g.options.length > 0);
  const zoneIds = new Set(lookups.zones.map((z) => z.id));
  const loose = areas.filter((a) => a.zoneId === null || !zoneIds.has(a.zoneId)).map(option);
  return loose.length > 0 ? [...zoned, { label: '未分片', title: '未分片', options: loose }] : zoned;
}

type YesNoAll = 'all' | 'yes' | 'no';
const toChoice = (b: boolean | null): YesNoAll => (b === null ? 'all' : b ? 'yes' : 'no');
const fromChoice = (c: YesNoAll): boolean | null => (c === 'all' ? null : c === 'yes');

const SELECT_STYLE = { width: 168 };

/** The filters beside the search box; every choice narrows the list at once. Memoised: rows arriving re-render the list. */
export const FilterBar = memo(function FilterBar({ filters, onChange, lookups, active, onClear }: Props) {
  const set =
    <K extends keyof Filters>(field: K) =>
    (value: Filters[K]) =>
      onChange({ ...filters, [field]: value });
  const common = {
    mode: 'multiple' as const,
    maxTagCount: 'responsive' as const,
    allowClear: true,
    style: SELECT_STYLE,
  };

  return (
    <Space wrap size={[8, 8]} data-testid="enterprise-filters">
      <Select
        {...common}
        placeholder="所在区域"
        aria-label="所在区域"
        options={areaOptions(lookups)}
        value={filters.areaIds}
        onChange={set('areaIds')}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 200 }}
      />
      <Select
        {...common}
        placeholder="规模类别"
        aria-label="规模类别"
        options={SIZE_OPTIONS}
        optionRender={(o) => (
          <span title={o.data.description}>
            {o.data.label}
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {o.data.description}
            </Typography.Text>
          </span>
        )}
        popupMatchSelectWidth={false}
        value={filters.sizeBands}
        onChange={set('sizeBands')}
      />
      <Select
        {...common}
        placeholder="单位类型"
        aria-label="单位类型"
        options={labelled(ENTERPRISE_KINDS)}
        value={filters.kinds}
        onChange={set('kinds')}
      />
      <Select
        {...common}
        placeholder="组织设置"
        aria-label="组织设置"
        options={labelled(ORG_SETTINGS)}
        value={filters.orgSettings}
        onChange={set('orgSettings')}
      />
      <Select
        {...common}
        placeholder="经营状况"
        aria-label="经营状况"
        options={labelled(OPERATING_STATUSES)}
        value={filters.operatingStatuses}
        onChange={set('operatingStatuses')}
      />
      <Select
        {...common}
        placeholder="推进组"
        aria-label="推进组"
        options={[
          { value: 0, label: '未分组' },
          ...(lookups?.workGroups ?? []).map((g) => ({ value: g.id, label: g.name })),
        ]}
        value={filters.workGroupIds}
        onChange={set('workGroupIds')}
      />
      <Segmented<YesNoAll>
        aria-label="有无党员"
        options={[
          { value: 'all', label: '全部' },
          { value: 'yes', label: '有党员' },
          { value: 'no', label: '无党员' },
        ]}
        value={toChoice(filters.hasMembers)}
        onChange={(c) => set('hasMembers')(fromChoice(c))}
      />
      <Space size={4}>
        <Typography.Text type="secondary">重点培育</Typography.Text>
        <Segmented<YesNoAll>
          aria-label="重点培育"
          options={[
            { value: 'all', label: '全部' },
            { value: 'yes', label: '是' },
            { value: 'no', label: '否' },
          ]}
          value={toChoice(filters.keyCultivation)}
          onChange={(c) => set('keyCultivation')(fromChoice(c))}
        />
      </Space>
      <Button onClick={onClear} disabled={!active}>
        清除筛选
      </Button>
    </Space>
  );
});
