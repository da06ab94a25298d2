import { Alert, Button, Descriptions, Empty, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { localDate } from '../../../shared/domain/enterpriseRules';
import type { YearClosing } from '../../../shared/domain/yearTurn';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';

/**
 * 年度结转: once a year, a snapshot, an archived copy of the ledger, the year's open plans carried into the next and
 * the next year's 双强评价 started. Asked twice because it is done once and changes many plans at a stroke.
 */
export function YearTurnSection({ readOnly, onChanged }: { readOnly: boolean; onChanged: () => void }) {
  const showError = useErrorMessage();
  const thisYear = Number(localDate(new Date()).slice(0, 4));
  const [closings, setClosings] = useState<YearClosing[] | null>(null);
  const [year, setYear] = useState<number | null>(thisYear);
  const [closing, setClosing] = useState(false);
  const [done, setDone] = useState<YearClosing | null>(null);

  const load = useCallback(() => {
    call('year:closings', {}).then(setClosings, showError);
  }, [showError]);
  useEffect(load, [load]);

  const closed = (y: number | null) => closings?.some((c) => c.year === y) ?? false;

  function confirmAndClose() {
    if (year === null) return;
    Modal.confirm({
      title: `确定结转${year}年度？`,
      content: `将生成${year}年度统计快照和一份台账存档副本，把${year}年未完成的一企一策方案（不属于专项行动的）转入${year + 1}年，并为${year}年参加双强评价的企业建立${year + 1}年的评价。每年只能结转一次；方案转年可以撤销，快照和存档副本保留。`,
      okText: '结转',
      cancelText: '取消',
      onOk: async () => {
        setClosing(true);
        try {
          setDone(await call('year:close', { year }));
          load();
          onChanged();
        } catch (e) {
          showError(e);
        } finally {
          setClosing(false);
        }
      },
    });
  }

  return (
    <div data-testid="year-turn">
      <Typography.Paragraph type="secondary">
        年终（或新年初）结转上一年度：生成统计快照、在数据文件夹的 archives 中保存一份台账存档副本，
        未完成的方案转入新年度，并开始新年度的双强评价。
      </Typography.Paragraph>
      {!readOnly && (
        <Space style={{ marginBottom: 16 }}>
          <span>结转年度</span>
          <InputNumber
            aria-label="结转年度"
            min={2000}
            max={thisYear}
            precision={0}
            value={year}
            onChange={setYear}
            data-testid="year-turn-year"
          />
          <Button type="primary" loading={closing} disabled={year === null || closed(year)} onClick={confirmAndClose}>
            年度结转
          </Button>
          {closed(year) && <Typography.Text type="secondary">该年度已结转</Typography.Text>}
        </Space>
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${done.year}年度已结转`}
          description={`转入${done.year + 1}年的方案 ${done.carriedPlans} 个（${done.keptPlans} 个因新年度已有方案而留在原年度），建立${done.year + 1}年双强评价 ${done.startedAssessments} 家；存档副本：${done.archiveName}`}
        />
      )}
      {closings && closings.length === 0 ? (
        <Empty description="还没有结转过年度" />
      ) : (
        <Table<YearClosing>
          size="small"
          rowKey="year"
          loading={closings === null}
          dataSource={closings ?? []}
          pagination={false}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '结转时间', dataIndex: 'closedAt', render: (v: string) => v.slice(0, 16).replace('T', ' ') },
            { title: '转入方案', dataIndex: 'carriedPlans', width: 90, align: 'right' },
            { title: '新年度评价', dataIndex: 'startedAssessments', width: 100, align: 'right' },
            { title: '存档副本', dataIndex: 'archiveName' },
          ]}
          expandable={{
            expandedRowRender: (c) => (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="留在原年度的方案">{c.keptPlans}</Descriptions.Item>
                <Descriptions.Item label="统计快照">
                  {c.snapshotId === null ? '已删除' : '在“覆盖概览”中查看'}
                </Descriptions.Item>
              </Descriptions>
            ),
          }}
        />
      )}
    </div>
  );
}
