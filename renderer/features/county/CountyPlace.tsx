import { useState } from 'react';
import type { CountyView } from '../../../shared/ipc/county';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { CountyPicker } from './CountyPicker';
import { CountyScreen } from './CountyScreen';

/**
 * 全县汇总 as a place of the app: choosing the files until a county view is open, then the view. `initial` is the
 * view the core still holds after a reload, so the clerk lands back on it.
 */
export function CountyPlace({ initial, onLeave }: { initial: CountyView | null; onLeave: () => void }) {
  const [view, setView] = useState(initial);
  const showError = useErrorMessage();

  const close = async () => {
    try {
      await call('county:close', {});
      onLeave();
    } catch (e) {
      showError(e);
    }
  };

  return view ? (
    <CountyScreen view={view} onClose={() => void close()} />
  ) : (
    <CountyPicker onOpened={setView} onBack={onLeave} />
  );
}
