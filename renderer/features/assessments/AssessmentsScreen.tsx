import { App, Button, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { GRADES, type AssessmentRow, type Grade } from '../../../shared/domain/assessments';
import type { Lookups } from '../../../shared/domain/lookups';
import { call } from '../../api/client';
import { FilterSelect } from '../../components/FilterSelect';
import { KeyTable } from '../../components/KeyTable';
import { ListToolbar } from '../../components/ListToolbar';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useErrorMessage } from '../../components/useErrorMessage';
import { optionsOf } from '../enterprise-form/fields';
import { useLedgerNav } from '../ledger/navigation';
import { AssessmentForm } from './AssessmentForm';
import { assessmentColumns, columnsWidth } from './columns';

interface Filters {
  areaIds: number[];
  grades: Grade[];
}

/** The year's list as read for one request, so a late answer to an older one is never shown as current. */
interface Loaded {
  key: string;
  rows: AssessmentRow[];
}

/** The drawer: closed, a new assessment, or an existing one. */
type Editing = null | { row: AssessmentRow | null };

const THIS_YEAR = new Date().getFullYear();
/** Every year the contract accepts up to next year's, newest first; typing narrows. */
const YEAR_OPTIONS = Array.from({ length: THIS_YEAR + 2 - 2000 }, (_v, i) => THIS_YEAR + 1 - i).map((y) => ({
  value: y,
  label: `${y}年`,
}));

/**
 * 双强评价: one year's assessments ranked by total (equal totals share a place), with each one's grade and the
 * marks the township picks from — 示范候选 for 双强示范企业, 重点培育 from the ledger. Selected rows can be made
 * 重点培育 (or no longer) in one step; a row opens its assessment, a name its enterprise.
 */
export function AssessmentsScreen({ lookups }: { lookups: Lookups | null }) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [year, setYear] = useState(THIS_YEAR);
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 200);
  const [filters, setFilters] = useState<Filters>({ areaIds: [], grades: [] });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [marking, setMarking] = useState(false);
  const tableRef = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([year, search, filters, nav.generation]);

  useEffect(() => {
    let live = true;
    call('assessments:list', {
      year,
      search: search || undefined,
      areaIds: filters.areaIds.length > 0 ? filters.areaIds : undefined,
      grades: filters.grades.length > 0 ? filters.grades : undefined,
    }).then((rows) => live && setLoaded({ key, rows }), showError);
    return () => {
      live = false;
    };
  }, [key, year, search, filters, showError]);

  const settled = loaded?.key === key && searchText.trim() === search;
  const rows = loaded?.rows ?? [];
  const filtered = search !== '' || filters.areaIds.length > 0 || filters.grades.length > 0;
  const models = rows.filter((r) => r.modelCandidate).length;
  // Only rows still listed count as chosen: a new year or filter leaves the others behind.
  const chosen = rows.filter((r) => selected.includes(r.id));

  /** 设为/取消重点培育 for the chosen rows' enterprises: one step in the change log, undone by one 撤销. */
  const markKeyCultivation = async (keyCultivation: boolean) => {
    setMarking(true);
    try {
      const ids = [...new Set(chosen.map((r) => r.enterpriseId))];
      const { changed } = await call('enterprises:bulkUpdate', { ids, patch: { keyCultivation } });
      void message.success(
        keyCultivation ? `已将 ${changed} 家企业设为重点培育` : `已取消 ${changed} 家企业的重点培育`,
      );
      setSelected([]);
      nav.changed();
    } catch (e) {
      showError(e);
    } finally {
      setMarking(false);
    }
  };

  return (
    <div data-testid="assessments-screen">
      <ListToolbar
        testId="assessment"
        search={searchText}
        onSearch={setSearchText}
        placeholder="搜索企业名称或拼音首字母"
        searchLabel="搜索企业"
        rowsRef={tableRef}
        addText="新增评价"
        onAdd={() => setEditing({ row: null })}
        readOnly={nav.readOnly}
        filters={
          <>
            <Select<number>
              aria-label="评价年度"
              style={{ width: 110 }}
              options={YEAR_OPTIONS}
              showSearch={{ optionFilterProp: 'label' }}
              value={year}
              onChange={setYear}
              data-testid="assessment-year-filter"
            />
            <FilterSelect
              label="所在区域"
              width={200}
              loading={!lookups}
              options={lookups?.areas.map((a) => ({ value: a.id, label: a.name })) ?? []}
              value={filters.areaIds}
              onChange={(areaIds) => setFilters({ ...filters, areaIds })}
              testId="assessment-area-filter"
            />
            <FilterSelect<Grade>
              label="等次"
              width={150}
              options={optionsOf(GRADES)}
              value={filters.grades}
              onChange={(grades) => setFilters({ ...filters, grades })}
              testId="assessment-grade-filter"
            />
          </>
        }
        summary={
          <Typography.Text type="secondary" data-testid="assessment-summary">
            {year}年共 {rows.length} 家{filtered ? '（已按条件筛选）' : ''}，示范候选 {models} 家
          </Typography.Text>
        }
      />
      {!nav.readOnly && (
        <Space style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">已选 {chosen.length} 家</Typography.Text>
          <Button
            size="small"
            disabled={chosen.length === 0}
            loading={marking}
            onClick={() => void markKeyCultivation(true)}
            data-testid="assessment-mark-key"
          >
            设为重点培育
          </Button>
          <Button
            size="small"
            disabled={chosen.length === 0}
            loading={marking}
            onClick={() => void markKeyCultivation(false)}
            data-testid="assessment-unmark-key"
          >
            取消重点培育
          </Button>
        </Space>
      )}
      <div ref={tableRef} data-testid="assessment-table" data-loading={settled ? 'false' : 'true'}>
        <KeyTable<AssessmentRow>
          rowTestId="assessment-row"
          columns={assessmentColumns((id) => nav.open({ kind: 'enterprise', id }))}
          dataSource={rows}
          loading={!settled}
          onOpen={(row) => setEditing({ row })}
          openId={editing?.row?.id ?? null}
          tableLayout="fixed"
          scroll={{ x: columnsWidth + 40 }}
          rowSelection={
            nav.readOnly
              ? undefined
              : {
                  selectedRowKeys: chosen.map((r) => r.id),
                  onChange: (keys) => setSelected(keys as number[]),
                  columnWidth: 40,
                  fixed: 'left',
                  // Ticking a row's box chooses it; it must not also open the row's assessment.
                  onCell: () => ({ onClick: (e: MouseEvent) => e.stopPropagation() }),
                }
          }
          pagination={false}
          locale={{
            emptyText: filtered ? '没有符合条件的评价' : `${year}年还没有双强评价，点“新增评价”开始`,
          }}
        />
      </div>
      {editing && (
        <AssessmentForm
          row={editing.row}
          year={year}
          readOnly={nav.readOnly}
          onClose={() => setEditing(null)}
          onChanged={nav.changed}
        />
      )}
    </div>
  );
}
