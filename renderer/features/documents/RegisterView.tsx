import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { DOC_CODE } from '../../../shared/documents/number';
import type { RegisterEntry } from '../../../shared/ipc/documents';
import { call, saveExport } from '../../api/client';
import { orDash } from '../../components/format';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { REGISTER_STATES, thisYear } from './labels';

const STATE_COLORS: Record<RegisterEntry['state'], string> = { issued: 'green', withdrawn: 'orange', gap: 'default' };

/**
 * 发文登记: every number of a 代字 and year, in order — issued, withdrawn (kept, never reused) and the gaps no
 * document in this ledger holds — with its title and date; exported to Excel for the archive.
 */
export function RegisterView({ docCode, onOpen }: { docCode: string; onOpen: (documentId: number) => void }) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [year, setYear] = useState(thisYear());
  const [code, setCode] = useState(docCode);
  const [loaded, setLoaded] = useState<{ key: string; entries: RegisterEntry[] } | null>(null);
  const [exporting, setExporting] = useState(false);
  const codeValid = DOC_CODE.test(code.trim());
  const generation = nav.generation;

  const key = `${code.trim()}:${year}:${generation}`;
  const entries = loaded?.key === key ? loaded.entries : null;

  useEffect(() => {
    if (!codeValid) return;
    let live = true;
    const [c, y] = [code.trim(), year];
    call('documents:register', { code: c, year: y }).then((e) => live && setLoaded({ key, entries: e }), showError);
    return () => {
      live = false;
    };
  }, [key, code, codeValid, year, showError]);

  const exportRegister = async () => {
    setExporting(true);
    try {
      const saved = await saveExport(`发文登记${code.trim()}${year}`, (target) =>
        call('documents:exportRegister', { code: code.trim(), year, target }),
      );
      if (saved) void message.success(`已导出 ${saved.fileName}`);
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="doc-register">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Select<number>
          aria-label="年度"
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={Array.from({ length: 6 }, (_, i) => thisYear() - i).map((y) => ({ value: y, label: `${y}年` }))}
          data-testid="doc-register-year"
        />
        <Input
          aria-label="发文机关代字"
          addonBefore="代字"
          style={{ width: 180 }}
          value={code}
          status={codeValid ? undefined : 'error'}
          onChange={(e) => setCode(e.target.value)}
          data-testid="doc-register-code"
        />
        <Button
          icon={<FileExcelOutlined />}
          loading={exporting}
          disabled={!codeValid}
          onClick={() => void exportRegister()}
          data-testid="doc-register-export"
        >
          导出Excel
        </Button>
        <Typography.Text type="secondary">
          发文字号一经使用不再重复；撤回的字号保留为“已撤回”，未使用的序号显示为“空号”。
        </Typography.Text>
      </Flex>
      <div data-testid="doc-register-table" data-loading={entries === null ? 'true' : 'false'}>
        <Table<RegisterEntry>
          size="small"
          rowKey="seq"
          loading={entries === null && codeValid}
          dataSource={entries ?? []}
          pagination={false}
          onRow={(e) =>
            ({
              'data-testid': 'doc-register-row',
              'data-number': e.number,
              'data-state': e.state,
              onClick: () => e.documentId !== null && onOpen(e.documentId),
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            { key: 'number', title: '发文字号', width: 170, render: (_, e) => e.number },
            {
              key: 'state',
              title: '状态',
              width: 90,
              render: (_, e) => <Tag color={STATE_COLORS[e.state]}>{REGISTER_STATES[e.state]}</Tag>,
            },
            { key: 'title', title: '标题', render: (_, e) => orDash(e.title) },
            { key: 'date', title: '成文日期', width: 110, render: (_, e) => orDash(e.date) },
            { key: 'issuedAt', title: '发文时间', width: 170, render: (_, e) => orDash(e.issuedAt?.slice(0, 16)) },
            { key: 'actor', title: '经办', width: 90, render: (_, e) => orDash(e.actor) },
            { key: 'reason', title: '撤回原因', width: 160, render: (_, e) => orDash(e.withdrawReason) },
          ]}
        />
      </div>
    </div>
  );
}
