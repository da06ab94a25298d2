import { App, Radio, Typography } from 'antd';
import { FONT_SIZE_PX, FONT_SIZES, type FontSize } from '../../../shared/domain/pcSettings';
import { useErrorMessage } from '../../components/useErrorMessage';
import type { SavePrefs } from './PreferencesDrawer';

/** 字号: applied to the whole window at once, then kept for the next start; the sample shows each size before choosing. */
export function FontSizeSection({
  fontSize,
  onFontSize,
  save,
}: {
  fontSize: FontSize;
  onFontSize: (size: FontSize) => void;
  save: SavePrefs;
}) {
  const { message } = App.useApp();
  const showError = useErrorMessage();

  const choose = async (size: FontSize) => {
    const before = fontSize;
    onFontSize(size);
    try {
      await save({ fontSize: size });
      void message.success(`字号已改为“${FONT_SIZES[size]}”`);
    } catch (e) {
      onFontSize(before);
      showError(e);
    }
  };

  return (
    <section data-testid="prefs-font">
      <Typography.Title level={5}>字号</Typography.Title>
      <Radio.Group
        value={fontSize}
        onChange={(e) => void choose(e.target.value as FontSize)}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
      >
        {(Object.keys(FONT_SIZES) as FontSize[]).map((size) => (
          <Radio key={size} value={size} data-testid={`prefs-font-${size}`}>
            <span>
              {FONT_SIZES[size]}（{FONT_SIZE_PX[size]}px）
            </span>
            <span
              style={{ fontSize: FONT_SIZE_PX[size], marginLeft: 16, color: 'rgba(0,0,0,0.65)' }}
              data-testid={`prefs-font-sample-${size}`}
            >
              长乐镇非公企业党组织覆盖率 86.5%
            </span>
          </Radio>
        ))}
      </Radio.Group>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        选择后立即作用于整个窗口，下次启动时保持不变。
      </Typography.Paragraph>
    </section>
  );
}
