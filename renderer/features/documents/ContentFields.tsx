import { Col, Form, Input, Radio, Row, Select, Switch } from 'antd';
import { DOC_KINDS, isUpward, URGENCIES, type DocKind, type GongwenContent } from '../../../shared/documents/model';
import { CONTENT_LABELS, TITLE_MAX } from '../../../shared/documents/rules';
import { DateInput } from '../../components/DateInput';
import { AttachmentsField } from './AttachmentsField';

const BODY_HINT =
  '每段一行。以“一、”开头的段落为一级标题（黑体），“（一）”为二级标题（楷体），“1.”和“（1）”为三、四级标题（仿宋）。';

const label = (key: keyof GongwenContent) => CONTENT_LABELS[key];
const testId = (key: keyof GongwenContent) => `doc-field-${key}`;

/**
 * Every field of a 公文 in the order GB/T 9704 places them on the page: 版头 (紧急程度, 发文机关标志, 签发人), 主体
 * (标题 … 附件) and 版记 (抄送, 印发机关和印发日期). Must sit inside an antd Form over GongwenContent.
 */
export function ContentFields({ editable }: { editable: boolean }) {
  const kind = Form.useWatch('kind') as DocKind | undefined;
  const off = !editable;
  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={label('kind')} name="kind">
            <Select
              disabled={off}
              options={Object.entries(DOC_KINDS).map(([value, text]) => ({ value, label: text }))}
              data-testid={testId('kind')}
            />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={label('urgency')} name="urgency">
            <Radio.Group
              disabled={off}
              options={Object.entries(URGENCIES).map(([value, text]) => ({ value, label: text }))}
              data-testid={testId('urgency')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={kind && isUpward(kind) ? 16 : 24}>
          <Form.Item label={label('banner')} name="banner" extra="默认取自“台账设置”">
            <Input disabled={off} maxLength={30} data-testid={testId('banner')} />
          </Form.Item>
        </Col>
        {kind && isUpward(kind) && (
          <Col span={8}>
            <Form.Item label={label('signer')} name="signer" extra="请示、报告为上行文，须标注签发人">
              <Input disabled={off} maxLength={10} data-testid={testId('signer')} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item label={label('title')} name="title" extra={`末尾不加句号；不超过${TITLE_MAX}个字（排版后最多三行）`}>
        <Input.TextArea disabled={off} autoSize={{ minRows: 1, maxRows: 3 }} data-testid={testId('title')} />
      </Form.Item>
      <Form.Item label={label('addressees')} name="addressees" extra="打印时后加全角冒号">
        <Input disabled={off} maxLength={200} data-testid={testId('addressees')} />
      </Form.Item>
      <Form.Item label={label('body')} name="body" extra={BODY_HINT}>
        <Input.TextArea disabled={off} autoSize={{ minRows: 8, maxRows: 30 }} data-testid={testId('body')} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label={label('issuer')} name="issuer">
            <Input disabled={off} maxLength={30} data-testid={testId('issuer')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={label('date')} name="date">
            <DateInput disabled={off} data-testid={testId('date')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={label('sealed')} name="sealed" valuePropName="checked">
            <Switch disabled={off} data-testid={testId('sealed')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={label('note')} name="note" extra="打印在成文日期下一行，外加圆括号">
        <Input disabled={off} maxLength={200} data-testid={testId('note')} />
      </Form.Item>
      <Form.Item label={label('attachments')}>
        <AttachmentsField editable={editable} />
      </Form.Item>
      <Form.Item label={label('cc')} name="cc">
        <Input disabled={off} maxLength={300} data-testid={testId('cc')} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item label={label('printedBy')} name="printedBy" extra="默认取自“台账设置”中的印发机关">
            <Input disabled={off} maxLength={30} data-testid={testId('printedBy')} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label={label('printedOn')} name="printedOn">
            <DateInput disabled={off} data-testid={testId('printedOn')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
