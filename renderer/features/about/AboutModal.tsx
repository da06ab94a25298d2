import { Button, Descriptions, Modal, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AboutInfo, BundledComponent } from '../../../shared/ipc/about';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';

export const PRODUCT_NAME = '「一企一策」非公企业党建台账';

/** 关于: the version, where the clerk's files are, and the licences of the components the program carries. */
export function AboutModal({ onClose }: { onClose: () => void }) {
  const [info, setInfo] = useState<AboutInfo | null>(null);
  const [reading, setReading] = useState<{ component: BundledComponent; text: string | null } | null>(null);
  const showError = useErrorMessage();

  useEffect(() => {
    call('app:about', {}).then(setInfo, showError);
  }, [showError]);

  const readLicence = (component: BundledComponent) => {
    setReading({ component, text: null });
    call('app:licence', { name: component.name }).then(
      ({ text }) => setReading({ component, text }),
      (e: unknown) => {
        setReading(null);
        showError(e);
      },
    );
  };

  return (
    <Modal open title="关于" width={760} onCancel={onClose} footer={null} data-testid="about-modal">
      {info ? (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="产品名称">{PRODUCT_NAME}</Descriptions.Item>
            <Descriptions.Item label="版本">
              <span data-testid="about-version">{info.version}</span>
            </Descriptions.Item>
            <Descriptions.Item label="运行方式">{window.yqyc ? '桌面版' : '浏览器版'}</Descriptions.Item>
            <Descriptions.Item label="数据文件夹">
              <Typography.Text copyable>{info.dataDir}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="备份文件夹">
              <Typography.Text copyable>{info.backupDir}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary">
            本程序使用了以下开源组件（共 {info.components.length} 个），点击“许可证”可查看全文。
          </Typography.Paragraph>
          <Table<BundledComponent>
            size="small"
            rowKey="name"
            data-testid="about-licences"
            dataSource={info.components}
            pagination={false}
            scroll={{ y: 320 }}
            locale={{ emptyText: '从源代码运行时没有组件清单（构建后生成）' }}
            columns={[
              { key: 'name', title: '组件', dataIndex: 'name' },
              { key: 'version', title: '版本', dataIndex: 'version', width: 110 },
              {
                key: 'licence',
                title: '许可证',
                width: 220,
                render: (_, c) => (
                  <Button type="link" size="small" onClick={() => readLicence(c)} data-testid="about-licence">
                    {c.licence}
                  </Button>
                ),
              },
            ]}
          />
        </>
      ) : (
        <Spin />
      )}
      {reading && (
        <Modal
          open
          title={`${reading.component.name} ${reading.component.version} · ${reading.component.licence}`}
          width={720}
          onCancel={() => setReading(null)}
          footer={null}
        >
          {reading.text === null ? (
            <Spin />
          ) : (
            <pre
              data-testid="about-licence-text"
              style={{ maxHeight: 420, overflow: 'auto', whiteSpace: 'pre-wrap', fontSize: 12 }}
            >
              {reading.text || '该组件未附带许可证全文，许可证为：' + reading.component.licence}
            </pre>
          )}
        </Modal>
      )}
    </Modal>
  );
}
