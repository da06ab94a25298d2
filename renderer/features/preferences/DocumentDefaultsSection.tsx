import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { contactNote } from '../../../shared/documents/contactNote';
import { CONTACT_NAME_MAX, prefsSaveRequest, type PrefsView } from '../../../shared/ipc/prefs';
import { showCoreErrorOnField } from '../../components/formErrors';
import { schemaRule } from '../../components/schemaRule';
import { useErrorMessage } from '../../components/useErrorMessage';
import { PrintedBySetting } from './PrintedBySetting';
import type { SavePrefs } from './PreferencesDrawer';

interface Contact {
  contactName: string;
  contactTel: string;
}

const contactField = (f: string | undefined) => (f === 'contactName' || f === 'contactTel' ? f : null);

/**
 * 公文默认: the open ledger's 印发机关, and this PC's 联系人 and 联系电话, which a new 通知 (请示, 函) carries in its 附注.
 * Documents already drafted keep what they say.
 */
export function DocumentDefaultsSection({ view, save }: { view: PrefsView; save: SavePrefs }) {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<Contact>();
  const [busy, setBusy] = useState(false);
  const name = Form.useWatch('contactName', form) ?? view.contactName;
  const tel = Form.useWatch('contactTel', form) ?? view.contactTel;
  const sample = contactNote('notice', { name, tel });

  const submit = async (values: Contact) => {
    setBusy(true);
    try {
      const saved = await save({ contactName: values.contactName ?? '', contactTel: values.contactTel ?? '' });
      form.setFieldsValue({ contactName: saved.contactName, contactTel: saved.contactTel });
      void message.success('公文联系人已保存');
    } catch (e) {
      if (!showCoreErrorOnField(form, e, contactField)) showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-testid="prefs-documents">
      <Typography.Title level={5}>公文默认</Typography.Title>
      <PrintedBySetting />
      <Form<Contact>
        form={form}
        layout="vertical"
        initialValues={{ contactName: view.contactName, contactTel: view.contactTel }}
        onFinish={(v) => void submit(v)}
        data-testid="prefs-contact-form"
      >
        <Space align="start" wrap>
          <Form.Item label="联系人" name="contactName" rules={[schemaRule(prefsSaveRequest, 'contactName')]}>
            <Input maxLength={CONTACT_NAME_MAX} style={{ width: 160 }} data-testid="prefs-contact-name" />
          </Form.Item>
          <Form.Item label="联系电话" name="contactTel" rules={[schemaRule(prefsSaveRequest, 'contactTel')]}>
            <Input maxLength={30} style={{ width: 200 }} data-testid="prefs-contact-tel" />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary" data-testid="prefs-contact-sample">
          {sample
            ? `新建通知、请示、函时，附注处预填“（${sample}）”，可在公文中修改。`
            : '填写后，新建通知、请示、函时在附注处预填联系人和电话；不填则不预填。'}
        </Typography.Paragraph>
        <Button htmlType="submit" loading={busy} data-testid="prefs-contact-save">
          保存联系人
        </Button>
      </Form>
    </section>
  );
}
