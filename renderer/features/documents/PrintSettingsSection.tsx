import { Alert, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BrowserChoice, FontReport, FontRole } from '../../../shared/ipc/print';
import { call } from '../../api/client';
import { messageOf } from '../../components/formErrors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { BrowserSelect } from './BrowserSelect';

/**
 * 打印: which of the standard's faces this PC has and what prints in place of the missing ones; in the browser shell
 * also the browser that prints (one of those found on this PC, never a path typed here). The browser belongs to this
 * PC, not to the ledger, so it may be chosen with a read-only ledger open too.
 */
export function PrintSettingsSection() {
  const showError = useErrorMessage();
  const [fonts, setFonts] = useState<FontReport | null>(null);
  const [fontProblem, setFontProblem] = useState<string | null>(null);
  const [browsers, setBrowsers] = useState<BrowserChoice | null>(null);

  useEffect(() => {
    let live = true;
    call('print:fonts', {}).then(
      (f) => {
        if (!live) return;
        setFonts(f);
        // Only the browser shell and the CLI print through a browser; the desktop prints itself.
        if (f.browser) call('print:browsers', {}).then((b) => live && setBrowsers(b), showError);
      },
      (e: unknown) => live && setFontProblem(messageOf(e, '未能检查本机字体，请重试')),
    );
    return () => {
      live = false;
    };
  }, [showError]);

  return (
    <div style={{ maxWidth: 760 }} data-testid="print-settings">
      <Typography.Title level={5}>公文字体</Typography.Title>
      {fontProblem && <Alert type="error" showIcon title={fontProblem} />}
      {!fonts && !fontProblem && <Spin />}
      {fonts && (
        <>
          {fonts.roles.some((r) => !r.standard) && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="本机缺少部分公文标准字体"
              description="公文仍可打印，缺少的字体由下表中的替代字体代替；安装标准字体后重新打开本页即可看到变化。"
            />
          )}
          <Table<FontRole>
            size="small"
            rowKey="role"
            pagination={false}
            dataSource={fonts.roles}
            data-testid="print-fonts"
            columns={[
              { key: 'role', title: '用途', width: 90, render: (_, r) => r.role },
              { key: 'required', title: '标准要求', render: (_, r) => r.required },
              { key: 'used', title: '本机使用', render: (_, r) => r.used ?? '未找到' },
              {
                key: 'state',
                title: '状态',
                width: 100,
                render: (_, r) =>
                  r.standard ? <Tag color="green">已安装</Tag> : <Tag color="orange">使用替代字体</Tag>,
              },
            ]}
          />
        </>
      )}
      {fonts?.browser && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            打印使用的浏览器
          </Typography.Title>
          {!browsers ? (
            <Spin />
          ) : (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="当前使用">
                {browsers.current ? `${browsers.current.name}（${browsers.current.path}）` : '未找到可用的浏览器'}
              </Descriptions.Item>
              <Descriptions.Item label="选择">
                <Space>
                  <BrowserSelect browsers={browsers} onChosen={setBrowsers} width={460} testId="print-browser" />
                </Space>
              </Descriptions.Item>
            </Descriptions>
          )}
        </>
      )}
    </div>
  );
}
