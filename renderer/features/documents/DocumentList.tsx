import { PrinterOutlined } from '@ant-design/icons';
import { Button, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DOC_KINDS, DOC_STATUSES, type DocStatus } from '../../../shared/documents/model';
import type { Lookups } from '../../../shared/domain/lookups';
import type { DocumentRow } from '../../../shared/ipc/documents';
import { call } from '../../api/client';
import { useLedgerRequest } from '../../app/commands/ledgerRequests';
import { orDash } from '../../components/format';
import { KeyTable } from '../../components/KeyTable';
import { ListToolbar } from '../../components/ListToolbar';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { DocumentEditor } from './DocumentEditor';
import { DocStatusTag, thisYear } from './labels';
import { NewDocumentModal } from './NewDocumentModal';
import { PdfPreview } from './PdfPreview';
import { usePdfPreview } from './usePdfPreview';

const PAGE = 50;

/** 公文: the ledger's documents, newest first, filtered by status and year; several chosen print as one PDF. */
export function DocumentList({ lookups }: { lookups: Lookups | null }) {
  const nav = useLedgerNav();
  const showError = useErrorMessage();
  const [status, setStatus] = useState<DocStatus | undefined>(undefined);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  // What was read, and for which filters: rows read for other filters are not shown while new ones come.
  const [loaded, setLoaded] = useState<{ key: string; rows: DocumentRow[]; total: number } | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  useLedgerRequest('newDocument', () => setAdding(true));
  const preview = usePdfPreview();
  const generation = nav.generation;

  const key = JSON.stringify([status, year, settled, page, generation]);
  const rows = loaded?.key === key ? loaded.rows : null;
  const total = loaded?.total ?? 0;

  useEffect(() => {
    let live = true;
    call('documents:list', {
      status,
      year,
      search: settled || undefined,
      offset: (page - 1) * PAGE,
      limit: PAGE,
    }).then((p) => live && setLoaded({ key, rows: p.rows, total: p.total }), showError);
    return () => {
      live = false;
    };
    // `key` stands for the filters it is made of.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, showError]);

  const years = Array.from({ length: 6 }, (_, i) => thisYear() - i);

  const printSelected = () => void preview.open({ kind: 'documents', ids: selected }, `所选${selected.length}份公文`);

  return (
    <div data-testid="doc-list">
      <ListToolbar
        search={search}
        onSearch={(s) => {
          setSearch(s);
          setPage(1);
        }}
        placeholder="标题、发文字号或企业"
        filters={
          <>
            <Select<DocStatus>
              allowClear
              placeholder="状态"
              aria-label="状态"
              style={{ width: 120 }}
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              options={Object.entries(DOC_STATUSES).map(([value, label]) => ({ value: value as DocStatus, label }))}
              data-testid="doc-filter-status"
            />
            <Select<number>
              allowClear
              placeholder="年度"
              aria-label="年度"
              style={{ width: 110 }}
              value={year}
              onChange={(v) => {
                setYear(v);
                setPage(1);
              }}
              options={years.map((y) => ({ value: y, label: `${y}年` }))}
              data-testid="doc-filter-year"
            />
            <Button
              icon={<PrinterOutlined />}
              disabled={selected.length === 0}
              loading={preview.busy}
              onClick={printSelected}
              data-testid="doc-print-selected"
            >
              打印所选{selected.length > 0 ? `（${selected.length}）` : ''}
            </Button>
          </>
        }
        summary={<Typography.Text type="secondary">共{total}份</Typography.Text>}
        addText="新建公文"
        onAdd={() => setAdding(true)}
        readOnly={nav.readOnly}
        testId="doc"
      />
      <div data-testid="doc-table" data-loading={rows === null ? 'true' : 'false'} data-total={total}>
        <KeyTable<DocumentRow>
          loading={rows === null}
          dataSource={rows ?? []}
          onOpen={(r) => setOpenId(r.id)}
          openId={openId}
          rowTestId="doc-row"
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
          pagination={{ current: page, pageSize: PAGE, total, onChange: setPage, showSizeChanger: false }}
          columns={[
            { key: 'number', title: '发文字号', width: 170, render: (_, r) => orDash(r.number) },
            { key: 'title', title: '标题', dataIndex: 'title', render: (t: string) => t || '（无标题）' },
            { key: 'kind', title: '文种', width: 70, render: (_, r) => DOC_KINDS[r.kind] },
            { key: 'enterprise', title: '企业', width: 200, render: (_, r) => orDash(r.enterpriseName) },
            { key: 'date', title: '成文日期', width: 110, render: (_, r) => orDash(r.date) },
            { key: 'status', title: '状态', width: 90, render: (_, r) => <DocStatusTag status={r.status} /> },
          ]}
        />
      </div>
      <NewDocumentModal
        open={adding}
        lookups={lookups}
        onCancel={() => setAdding(false)}
        onCreated={(d) => {
          setAdding(false);
          nav.changed();
          setOpenId(d.id);
        }}
      />
      <DocumentEditor id={openId} onClose={() => setOpenId(null)} />
      <PdfPreview shown={preview.shown} onClose={preview.close} />
    </div>
  );
}
