import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, Flex, Segmented, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { REMINDER_KINDS, type ReminderKind } from '../../../shared/domain/labels';
import { daysBetween } from '../../../shared/domain/partyRules';
import type { Reminder } from '../../../shared/domain/reminders';
import { ApiError, call } from '../../api/client';
import { useLedgerNav } from '../ledger/navigation';
import { targetOf } from './reminderText';

const KIND_COLORS: Record<ReminderKind, string> = {
  'term-expiry': 'red',
  'probation-due': 'gold',
  'split-out': 'volcano',
  'org-type': 'purple',
  'follow-up': 'blue',
};

type Loaded = { key: string; reminders: Reminder[] } | { key: string; error: string };

/** How near the due date is: red once it has passed or is today. */
function DueTag({ due, today }: { due: string | null; today: string }) {
  if (!due) return null;
  const days = daysBetween(today, due);
  const [color, text] =
    days < 0 ? ['red', `已逾期${-days}天`] : days === 0 ? ['red', '今天到期'] : ['orange', `${days}天后到期`];
  return (
    <Tag color={color} data-testid="reminder-due" data-overdue={days < 0 || undefined}>
      {text} · {due}
    </Tag>
  );
}

/**
 * 提醒: everything due now — terms ending, 预备党员 due for 转正, members to split out of a joint organisation,
 * organisations whose membership suggests another type, work-log follow-ups — grouped by kind, each opening its
 * subject. Computed by the core with the same code the command line prints.
 */
export function RemindersPanel() {
  const nav = useLedgerNav();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [version, setVersion] = useState(0);
  const [only, setOnly] = useState<ReminderKind | 'all'>('all');
  const today = localDate(new Date());
  // Read again after every change to the ledger and on 刷新 (the date moves on while a ledger stays open).
  const key = `${nav.generation}#${version}`;

  useEffect(() => {
    let live = true;
    call('reminders:list', {}).then(
      (reminders) => live && setLoaded({ key, reminders }),
      (e: unknown) => live && setLoaded({ key, error: e instanceof ApiError ? e.message : '读取提醒失败，请重试' }),
    );
    return () => {
      live = false;
    };
  }, [key]);

  if (!loaded) return <Spin />;
  if ('error' in loaded) return <Alert type="error" showIcon title={loaded.error} data-testid="reminders-panel" />;
  const reminders = loaded.reminders;
  const kinds = (Object.keys(REMINDER_KINDS) as ReminderKind[]).filter((k) => reminders.some((r) => r.kind === k));
  // A kind chosen earlier may have no reminders left: then all are shown.
  const selected = only !== 'all' && kinds.includes(only) ? only : 'all';
  const shown = selected === 'all' ? kinds : [selected];

  return (
    <div data-testid="reminders-panel" data-count={reminders.length} data-loading={String(loaded.key !== key)}>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 12 }}>
        <Segmented<ReminderKind | 'all'>
          value={selected}
          onChange={setOnly}
          options={[
            { value: 'all', label: `全部（${reminders.length}）` },
            ...kinds.map((k) => ({
              value: k,
              label: `${REMINDER_KINDS[k]}（${reminders.filter((r) => r.kind === k).length}）`,
            })),
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={() => setVersion((v) => v + 1)}>
          刷新
        </Button>
      </Flex>
      {reminders.length === 0 ? (
        <Empty description="目前没有需要提醒的事项" />
      ) : (
        <Flex vertical gap={12}>
          {shown.map((kind) => {
            const items = reminders.filter((r) => r.kind === kind);
            return (
              <Card
                key={kind}
                size="small"
                data-testid="reminder-group"
                data-kind={kind}
                title={
                  <Flex gap={8} align="center">
                    <Tag color={KIND_COLORS[kind]}>{REMINDER_KINDS[kind]}</Tag>
                    <Badge count={items.length} color={KIND_COLORS[kind]} showZero />
                  </Flex>
                }
              >
                <Flex vertical>
                  {items.map((r, i) => (
                    <Flex
                      key={r.id}
                      justify="space-between"
                      align="center"
                      gap={16}
                      style={{ padding: '6px 0', borderTop: i === 0 ? undefined : '1px solid #f0f0f0' }}
                      data-testid="reminder"
                      data-kind={r.kind}
                      data-subject-id={r.subjectId}
                    >
                      <Flex gap={8} align="center" wrap>
                        <DueTag due={r.due} today={today} />
                        <span>{r.message}</span>
                      </Flex>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => nav.open(targetOf(r))}
                        data-testid="reminder-open"
                      >
                        打开
                      </Button>
                    </Flex>
                  ))}
                </Flex>
              </Card>
            );
          })}
        </Flex>
      )}
    </div>
  );
}
