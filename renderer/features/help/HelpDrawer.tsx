import { Drawer, Typography } from 'antd';
import type { ScreenHelp } from './screenHelp';

function Heading({ children }: { children: string }) {
  return (
    <Typography.Title level={5} style={{ marginTop: 16 }}>
      {children}
    </Typography.Title>
  );
}

/** One screen's 帮助: what it is for, what a clerk does there, where its numbers come from, what to watch for. */
export function HelpDrawer({ help, open, onClose }: { help: ScreenHelp; open: boolean; onClose: () => void }) {
  return (
    <Drawer open={open} onClose={onClose} size={480} title={`帮助：${help.title}`} data-testid="help-drawer">
      <Typography.Paragraph data-testid="help-purpose">{help.purpose}</Typography.Paragraph>
      <Heading>在这里可以</Heading>
      <ol style={{ paddingLeft: 20 }}>
        {help.tasks.map((t) => (
          <li key={t} style={{ marginBottom: 6 }}>
            {t}
          </li>
        ))}
      </ol>
      <Heading>数字从哪里来</Heading>
      <Typography.Paragraph>{help.source}</Typography.Paragraph>
      <Heading>注意</Heading>
      <ul style={{ paddingLeft: 20 }}>
        {help.pitfalls.map((p) => (
          <li key={p} style={{ marginBottom: 6 }}>
            {p}
          </li>
        ))}
      </ul>
      <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
        表单和详情中栏目名旁带问号图标的，把鼠标移到图标上可看该栏的含义；指标旁的问号图标说明计算方法。按 F1
        随时打开本页帮助。
      </Typography.Paragraph>
    </Drawer>
  );
}
