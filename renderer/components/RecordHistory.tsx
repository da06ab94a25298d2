import { Empty, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../shared/ipc/enterprises';
import { call } from '../api/client';
import { useErrorMessage } from './useErrorMessage';

interface Batch {
  batchId: number;
  at: string;
  actor: string;
  action: string;
  entries: HistoryEntry[];
}

/** One user action may change many fields: they are shown together, newest action first. */
function byBatch(entries: HistoryEntry[]): Batch[] {
  const batches = new Map<number, Batch>();
  for (const e of entries) {
    const batch = batches.get(e.batchId) ?? {
      batchId: e.batchId,
      at: e.at,
      actor: e.actor,
      action: e.action,
      entries: [],
    };
    batch.entries.push(e);
    batches.set(e.batchId, batch);
  }
  return [...batches.values()].sort((a, b) => b.batchId - a.batchId);
}

const shown = (text: string | null) => (text === null || text === '' ? '空' : text);

function EntryLine({ e }: { e: HistoryEntry }) {
  if (e.op === 'insert') return <Tag color="green">新增</Tag>;
  if (e.op === 'delete') return <Tag color="red">删除</Tag>;
  // A full personal value was shown: who and when is the batch line above; the value itself is never logged.
  if (e.op === 'reveal')
    return (
      <div data-testid="history-reveal">
        <Tag color="blue">查看</Tag>
        完整{e.fieldLabel ?? e.field ?? '个人信息'}（号码本身不记录）
      </div>
    );
  return (
    <div>
      <Typography.Text strong>{e.fieldLabel ?? e.field}</Typography.Text>：
      <Typography.Text type="secondary">{shown(e.oldText)}</Typography.Text> → {shown(e.newText)}
    </div>
  );
}

/** The records whose 变更记录 can be read, each from the ledger's one change log. */
type HistoryChannel = 'enterprises:history' | 'members:history' | 'plans:history';

/**
 * 变更记录 of one record. `version` changes after each save, so the list follows the edits made beside it.
 */
export function RecordHistory({
  channel,
  id,
  version,
  testId,
}: {
  channel: HistoryChannel;
  id: number;
  version: number;
  testId: string;
}) {
  const [loaded, setLoaded] = useState<{ id: number; entries: HistoryEntry[] } | null>(null);
  const showError = useErrorMessage();

  useEffect(() => {
    let live = true;
    call(channel, { id }).then((entries) => live && setLoaded({ id, entries }), showError);
    return () => {
      live = false;
    };
  }, [channel, id, version, showError]);

  const entries = loaded?.id === id ? loaded.entries : null;
  return (
    <div data-testid={testId}>
      {!entries ? (
        <Spin />
      ) : entries.length === 0 ? (
        <Empty description="还没有变更记录" />
      ) : (
        <Timeline
          items={byBatch(entries).map((b) => ({
            key: b.batchId,
            content: (
              <div data-testid="history-batch">
                <div>
                  <Typography.Text type="secondary">
                    {dayjs(b.at).format('YYYY-MM-DD HH:mm')} · {b.actor} · {b.action}
                  </Typography.Text>
                </div>
                {b.entries.map((e, i) => (
                  <EntryLine key={i} e={e} />
                ))}
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
