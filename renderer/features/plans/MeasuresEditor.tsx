import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip, Typography } from 'antd';

/**
 * 具体措施: one line per measure, in the order they will be done. Lines are added, removed and moved up or down;
 * a form control (value/onChange), so the core's refusal shows under it like under any field.
 */
export function MeasuresEditor({
  id,
  value,
  onChange,
  disabled,
}: {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  disabled?: boolean;
}) {
  const lines = value ?? [];
  const set = (next: string[]) => onChange?.(next);
  const move = (i: number, by: number) => {
    const next = [...lines];
    const [line] = next.splice(i, 1);
    next.splice(i + by, 0, line!);
    set(next);
  };

  return (
    <Flex vertical gap={6} id={id} data-testid="plan-measures">
      {lines.length === 0 && <Typography.Text type="secondary">还没有具体措施；批准前至少需要一条。</Typography.Text>}
      {lines.map((line, i) => (
        <Flex key={i} gap={6} align="start" data-testid="plan-measure">
          <Typography.Text type="secondary" style={{ width: 22, textAlign: 'right', paddingTop: 5 }}>
            {i + 1}.
          </Typography.Text>
          <Input.TextArea
            value={line}
            disabled={disabled}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={200}
            aria-label={`第${i + 1}条措施`}
            placeholder="例如：指导员每月走访一次，摸清党员组织关系"
            onChange={(e) => set(lines.map((l, j) => (j === i ? e.target.value : l)))}
            data-testid="plan-measure-input"
          />
          {!disabled && (
            <Flex gap={2}>
              <Tooltip title="上移">
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label="上移"
                />
              </Tooltip>
              <Tooltip title="下移">
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={i === lines.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label="下移"
                />
              </Tooltip>
              <Tooltip title="删除">
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => set(lines.filter((_, j) => j !== i))}
                  aria-label="删除这条措施"
                />
              </Tooltip>
            </Flex>
          )}
        </Flex>
      ))}
      {!disabled && (
        <div>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => set([...lines, ''])}
            disabled={lines.length >= 30}
            data-testid="plan-measure-add"
          >
            添加措施
          </Button>
        </div>
      )}
    </Flex>
  );
}
