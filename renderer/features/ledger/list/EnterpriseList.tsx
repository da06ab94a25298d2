import { DownloadOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Space, Tag, type InputRef } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { EnterpriseListRow } from '../../../../shared/domain/enterprise';
import type { Lookups } from '../../../../shared/domain/lookups';
import { SEARCH_MAX_LENGTH, type EnterpriseSortKey } from '../../../../shared/ipc/enterprises';
import { call } from '../../../api/client';
import { useLedgerRequest } from '../../../app/commands/ledgerRequests';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { useErrorMessage } from '../../../components/useErrorMessage';
import { useCtrlHotkey } from '../../../components/useHotkey';
import { LedgerCardsButton } from '../../documents/LedgerCardsButton';
import { useExcelActions } from '../../excel/excelActions';
import type { IndicatorFilter } from '../navigation';
import { BulkEditModal, type BulkField } from './BulkEditModal';
import { ColumnSettings } from './ColumnSettings';
import { EnterpriseGrid } from './EnterpriseGrid';
import { FilterBar } from './FilterBar';
import { gridLayout } from './layout';
import { buildQuery, DEFAULT_SORT, filterKey, isFiltered, nextSort, NO_FILTERS } from './query';
import { SelectionBar } from './SelectionBar';
import { UndoButton } from './UndoButton';
import { useColumnPrefs } from './useColumnPrefs';
import { ListFrame } from './ListFrame';
import { useRowCache } from './useRowCache';
import { useSelection } from './useSelection';
import { useUndo } from './useUndo';

const SEARCH_DELAY_MS = 200;

/** A dashboard number opened on the list; `seq` tells a new opening (even of the same number) from a re-render. */
export interface IndicatorFocus {
  filter: IndicatorFilter;
  seq: number;
}

interface Props {
  /** Moves on after every change to the ledger's data: the rows and the undoable step are fetched again. */
  generation: number;
  lookups: Lookups | null;
  readOnly: boolean;
  /** The list is on screen with no drawer or dialog over it, so its keyboard shortcuts apply. */
  active: boolean;
  /** Called after this list changed data (a bulk change, an undo). */
  onChanged(): void;
  onOpen(id: number): void;
  onAdd(): void;
  /** The last dashboard number opened here: it replaces whatever narrowed the list before. */
  indicatorFocus?: IndicatorFocus | null;
}

/** The ledger list: search and filters, the virtualised grid, bulk changes on the ticked rows, and 撤销. */
export function EnterpriseList(props: Props) {
  const { generation, lookups, readOnly, active, onChanged, onOpen, onAdd, indicatorFocus = null } = props;
  const showError = useErrorMessage();
  const excel = useExcelActions();
  const editable = !readOnly;
  const [searchText, setSearchText] = useState('');
  // 查找企业 (Ctrl+F) puts the cursor here.
  const searchBox = useRef<InputRef>(null);
  // After the tab has been shown: a box still hidden cannot take the cursor.
  useLedgerRequest('find', () => setTimeout(() => searchBox.current?.focus({ cursor: 'all' })));
  const search = useDebouncedValue(searchText, SEARCH_DELAY_MS);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [sort, setSort] = useState(DEFAULT_SORT);
  const [indicator, setIndicator] = useState<IndicatorFilter | null>(indicatorFocus?.filter ?? null);
  const [focusSeen, setFocusSeen] = useState(indicatorFocus?.seq ?? 0);
  if (indicatorFocus && indicatorFocus.seq !== focusSeen) {
    // A number opened from the dashboard means exactly its enterprises: earlier filters and search no longer apply.
    setFocusSeen(indicatorFocus.seq);
    setIndicator(indicatorFocus.filter);
    setFilters(NO_FILTERS);
    setSearchText('');
  }
  const query = useMemo(() => buildQuery(filters, search, indicator?.selection), [filters, search, indicator]);
  const selectionKey = filterKey(query);

  const cache = useRowCache(query, sort, generation, showError);
  const selection = useSelection(selectionKey);
  const columns = useColumnPrefs();
  const layout = useMemo(() => gridLayout(columns.columns, editable), [columns.columns, editable]);
  const undo = useUndo(generation, editable, onChanged);
  const [bulkField, setBulkField] = useState<BulkField | null>(null);
  const [selectingAll, setSelectingAll] = useState(false);

  const undoKeys = active && editable && bulkField === null;
  useCtrlHotkey('z', undo.undo, undoKeys);
  useCtrlHotkey('y', undo.redo, undoKeys);
  useCtrlHotkey('z', undo.redo, undoKeys, false, true);

  const total = cache.total;
  const filtered = isFiltered(query);
  const allChecked = total !== null && total > 0 && selection.ids.size >= total;

  const { anchor, toggle, add, replace, clear } = selection;
  const toggleRow = useCallback(
    (index: number, row: EnterpriseListRow, extend: boolean) => {
      if (!extend || anchor === null || anchor === index) {
        toggle(row.id, index);
        return;
      }
      void cache.rowsBetween(Math.min(anchor, index), Math.max(anchor, index)).then((rows) =>
        add(
          rows.map((r) => r.id),
          selectionKey,
        ),
      );
    },
    [anchor, toggle, add, cache, selectionKey],
  );

  const selectAll = useCallback(() => {
    setSelectingAll(true);
    call('enterprises:ids', { query })
      .then((ids) => replace(ids, selectionKey), showError)
      .finally(() => setSelectingAll(false));
  }, [query, selectionKey, replace, showError]);
  const sortBy = useCallback((by: EnterpriseSortKey) => setSort((s) => nextSort(s, by)), []);
  const clearFilters = useCallback(() => {
    setFilters(NO_FILTERS);
    setSearchText('');
    setIndicator(null);
  }, []);

  return (
    <div data-testid="enterprise-list">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Input
          ref={searchBox}
          data-testid="enterprise-search"
          aria-label="搜索企业"
          placeholder="搜索企业名称、拼音首字母或信用代码"
          prefix={<SearchOutlined />}
          allowClear
          maxLength={SEARCH_MAX_LENGTH}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          style={{ width: 360 }}
        />
        <Space wrap>
          {editable && <UndoButton undo={undo} />}
          <ColumnSettings layout={columns} />
          <LedgerCardsButton selectedIds={[...selection.ids]} filterAreaIds={filters.areaIds} lookups={lookups} />
          {editable && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => excel.openImport({ kind: 'enterprises' })}
              data-testid="ledger-import"
            >
              导入…
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => excel.openExport('ledger')} data-testid="ledger-export">
            导出…
          </Button>
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="add-enterprise" onClick={onAdd}>
              新增企业
            </Button>
          )}
        </Space>
      </Flex>
      {indicator && (
        <div style={{ marginBottom: 8 }}>
          <Tag
            closable
            color="volcano"
            onClose={() => setIndicator(null)}
            data-testid="indicator-filter-tag"
            style={{ fontSize: 14, padding: '2px 8px' }}
          >
            指标：{indicator.label}
          </Tag>
        </div>
      )}
      <div style={{ marginBottom: 8 }}>
        <FilterBar
          filters={filters}
          onChange={setFilters}
          lookups={lookups}
          active={filtered || searchText.trim() !== ''}
          onClear={clearFilters}
        />
      </div>
      <ListFrame cache={cache} searching={searchText.trim() !== search.trim()} sort={sort}>
        <SelectionBar
          total={total}
          filtered={filtered}
          failed={cache.failed}
          onRetry={() => cache.retry()}
          editable={editable}
          selectedCount={selection.ids.size}
          selectingAll={selectingAll}
          onSelectAll={selectAll}
          onBulk={setBulkField}
          onClearSelection={clear}
        />
        <EnterpriseGrid
          cache={cache}
          layout={layout}
          sort={sort}
          onSort={sortBy}
          onResize={columns.setWidth}
          selected={selection.ids}
          allChecked={allChecked}
          onToggleAll={allChecked ? clear : selectAll}
          onToggle={toggleRow}
          onOpen={onOpen}
          emptyText={filtered ? '没有符合条件的企业' : '暂无数据'}
        />
      </ListFrame>
      {bulkField && (
        <BulkEditModal
          field={bulkField}
          ids={selection.ids}
          lookups={lookups}
          onClose={() => setBulkField(null)}
          onDone={() => {
            setBulkField(null);
            clear();
            onChanged();
          }}
        />
      )}
    </div>
  );
}
