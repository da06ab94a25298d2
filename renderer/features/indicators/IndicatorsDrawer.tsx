import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Drawer, Flex, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Indicator, StatsSettings } from '../../../shared/domain/indicators';
import { call } from '../../api/client';
import { messageOf } from '../../components/formErrors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { IndicatorForm } from './IndicatorForm';
import { IndicatorTable } from './IndicatorTable';
import { StatsSettingsForm } from './StatsSettingsForm';

/** The indicator form's state: closed, a new indicator, or one from the list. */
type Editing = null | { indicator: Indicator | null };

/**
 * 指标设置: the statistics settings, and every indicator (enabled or not) in the order the dashboard shows them, to
 * add, edit, switch on and off, reorder, delete (the clerk's own) or restore (the defaults). Each change is saved at
 * once; `onChanged` tells the dashboard to count again.
 */
export function IndicatorsDrawer({
  open,
  onClose,
  onChanged,
}: {
  open: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [indicators, setIndicators] = useState<Indicator[] | null>(null);
  const [settings, setSettings] = useState<StatsSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const { readOnly, generation } = nav;

  // Read each time the drawer opens, and again when the ledger changed elsewhere (an undo) while it is open.
  useEffect(() => {
    if (!open) return;
    let live = true;
    Promise.all([call('indicators:list', {}), call('stats:settings', {})]).then(
      ([list, s]) => {
        if (!live) return;
        setLoadError(null);
        setIndicators(list);
        setSettings(s);
      },
      (e: unknown) => live && setLoadError(messageOf(e, '读取指标失败，请重试')),
    );
    return () => {
      live = false;
    };
  }, [open, generation]);

  /** After every write: the dashboard counts again and every other screen re-reads. */
  const written = useCallback(() => {
    onChanged();
    nav.changed();
  }, [onChanged, nav]);

  const saved = (indicator: Indicator) => {
    const isNew = editing?.indicator === null;
    setEditing(null);
    setIndicators((list) =>
      list && !isNew ? list.map((i) => (i.id === indicator.id ? indicator : i)) : [...(list ?? []), indicator],
    );
    void message.success(`已保存指标“${indicator.name}”`);
    written();
  };

  const settingsSaved = (s: StatsSettings) => {
    setSettings(s);
    void message.success('已保存统计设置');
    written();
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="min(1180px, 100vw)"
      title="指标设置"
      destroyOnHidden
      data-testid="indicators-drawer"
      extra={
        !readOnly && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ indicator: null })}
            disabled={!indicators}
            data-testid="indicator-add"
          >
            新增指标
          </Button>
        )
      }
    >
      {readOnly && (
        <Alert
          type="warning"
          showIcon
          title="台账以只读方式打开，指标和统计设置不能修改"
          style={{ marginBottom: 16 }}
        />
      )}
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />}
      {!indicators || !settings ? (
        !loadError && <Spin description="正在读取指标…" />
      ) : (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            统计设置
          </Typography.Title>
          <StatsSettingsForm
            key={JSON.stringify(settings)}
            settings={settings}
            readOnly={readOnly}
            onSaved={settingsSaved}
          />
          <Divider />
          <Flex align="baseline" justify="space-between" gap={16} style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              指标
            </Typography.Title>
            <Typography.Text type="secondary">
              每项指标＝分子企业数 ÷
              分母企业数；只统计在册企业（注销、迁出的不计）。停用的指标保留定义，但不在首页统计。
            </Typography.Text>
          </Flex>
          <IndicatorTable
            indicators={indicators}
            readOnly={readOnly}
            onEdit={(indicator) => setEditing({ indicator })}
            onListChanged={(list) => {
              setIndicators(list);
              written();
            }}
            onError={showError}
          />
        </>
      )}
      {editing && (
        <IndicatorForm
          indicator={editing.indicator}
          readOnly={readOnly}
          recentMonths={settings?.partyWork.months}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </Drawer>
  );
}
