import { PrinterOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Radio, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import type { Lookups } from '../../../shared/domain/lookups';
import type { PrintTarget } from '../../../shared/ipc/print';
import { useLedgerRequest } from '../../app/commands/ledgerRequests';
import { PdfPreview } from './PdfPreview';
import { usePdfPreview } from './usePdfPreview';

type Scope = 'selected' | 'area' | 'all';

/**
 * 打印台账卡: one A4 card per enterprise — the ticked ones, a whole area (the one the list is filtered to, if one), or
 * all — into one PDF, previewed before it is printed or saved.
 */
export function LedgerCardsButton({
  selectedIds,
  filterAreaIds,
  lookups,
}: {
  selectedIds: readonly number[];
  /** The areas the list is filtered to: the first is offered. */
  filterAreaIds: readonly number[];
  lookups: Lookups | null;
}) {
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<Scope>('all');
  const [areaId, setAreaId] = useState<number | null>(null);
  const preview = usePdfPreview();
  const areas = lookups?.areas ?? [];

  const start = () => {
    const firstArea = filterAreaIds[0] ?? null;
    setScope(selectedIds.length > 0 ? 'selected' : firstArea !== null ? 'area' : 'all');
    setAreaId(firstArea);
    setOpen(true);
  };
  useLedgerRequest('ledgerCards', start);

  const print = async () => {
    const areaName = areas.find((a) => a.id === areaId)?.name ?? '';
    const what: PrintTarget =
      scope === 'selected'
        ? { kind: 'ledger-cards', enterpriseIds: [...selectedIds] }
        : scope === 'area' && areaId !== null
          ? { kind: 'ledger-cards', areaId }
          : { kind: 'ledger-cards' };
    const title =
      scope === 'selected'
        ? `所选${selectedIds.length}家企业台账卡`
        : scope === 'area'
          ? `${areaName}企业台账卡`
          : '全部企业台账卡';
    const done = await preview.open(what, title);
    if (done) setOpen(false);
  };

  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={start} data-testid="ledger-print-cards">
        打印台账卡
      </Button>
      <Modal
        open={open}
        title="打印企业台账卡"
        okText="生成并预览"
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onOk={() => void print()}
        okButtonProps={
          {
            loading: preview.busy,
            disabled: scope === 'area' && areaId === null,
            'data-testid': 'cards-ok',
          } as ButtonProps
        }
        destroyOnHidden
        data-testid="cards-modal"
      >
        <Form layout="vertical">
          <Form.Item label="打印范围" extra="每家企业一页A4，合并为一个PDF">
            <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as Scope)} data-testid="cards-scope">
              <Radio value="selected" disabled={selectedIds.length === 0}>
                所选企业（{selectedIds.length}家）
              </Radio>
              <Radio value="area">按区域</Radio>
              <Radio value="all">全部企业</Radio>
            </Radio.Group>
          </Form.Item>
          {scope === 'area' && (
            <Form.Item label="区域">
              <Select<number>
                showSearch
                optionFilterProp="label"
                value={areaId ?? undefined}
                onChange={setAreaId}
                options={areas.map((a) => ({ value: a.id, label: a.name }))}
                data-testid="cards-area"
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <PdfPreview shown={preview.shown} onClose={preview.close} />
    </>
  );
}
