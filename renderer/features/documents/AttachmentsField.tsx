import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Table, Typography } from 'antd';
import type { DocAttachment } from '../../../shared/documents/model';

/** How many of an attached table's rows are shown here; the whole table prints. */
const SHOWN_ROWS = 20;

/**
 * The 附件: each with its title (which is also its line in the 附件说明); a ledger table is shown as it will print,
 * read-only (it is made from the ledger when the draft is); a text attachment is written here.
 */
export function AttachmentsField({ editable }: { editable: boolean }) {
  return (
    <Form.List name="attachments">
      {(fields, { add, remove }) => (
        <div data-testid="doc-attachments">
          {fields.map((field, index) => (
            <AttachmentCard
              key={field.key}
              name={field.name}
              index={index}
              editable={editable}
              onRemove={() => remove(field.name)}
            />
          ))}
          {editable && fields.length < 9 && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ title: '', table: null, text: '' } satisfies DocAttachment)}
              data-testid="doc-attachment-add"
            >
              添加文字附件
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

function AttachmentCard({
  name,
  index,
  editable,
  onRemove,
}: {
  name: number;
  index: number;
  editable: boolean;
  onRemove: () => void;
}) {
  const form = Form.useFormInstance();
  // The table is no field of its own (it is not edited here): watched in the form's store, where it stays as read.
  const table = Form.useWatch(['attachments', name, 'table'], { form, preserve: true }) as
    DocAttachment['table'] | undefined;
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      title={`附件${index + 1}`}
      extra={
        editable && (
          <Button size="small" danger icon={<DeleteOutlined />} onClick={onRemove} data-testid="doc-attachment-remove">
            移除
          </Button>
        )
      }
      data-testid="doc-attachment"
    >
      <Form.Item label="附件标题" name={[name, 'title']} extra="也是正文后“附件说明”中的一行，末尾不加标点">
        <Input disabled={!editable} maxLength={100} data-testid="doc-attachment-title" />
      </Form.Item>
      {table ? (
        <>
          <Typography.Text type="secondary" data-testid="doc-attachment-rows" data-rows={table.rows.length}>
            台账表格，共{table.columns.length}列、{table.rows.length}
            行（由台账生成，此处不可修改；打印时分页并在每页重复表头）
          </Typography.Text>
          <Table<{ key: number; cells: string[] }>
            size="small"
            style={{ marginTop: 8 }}
            pagination={false}
            scroll={{ x: true }}
            columns={table.columns.map((c, i) => ({
              key: i,
              title: c.title,
              render: (_: unknown, r) => r.cells[i],
            }))}
            dataSource={table.rows.slice(0, SHOWN_ROWS).map((cells, key) => ({ key, cells }))}
          />
          {table.rows.length > SHOWN_ROWS && (
            <Typography.Text type="secondary">仅显示前{SHOWN_ROWS}行，打印时全部列出。</Typography.Text>
          )}
        </>
      ) : (
        <Form.Item label="附件内容" name={[name, 'text']}>
          <Input.TextArea disabled={!editable} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={50_000} />
        </Form.Item>
      )}
    </Card>
  );
}
