import { useCallback, useState } from 'react';

const KEY = 'yqyc-export-signers';

interface Signers {
  preparer: string;
  reviewer: string;
}

function read(): Signers {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Signers>;
    return {
      preparer: typeof v.preparer === 'string' ? v.preparer : '',
      reviewer: typeof v.reviewer === 'string' ? v.reviewer : '',
    };
  } catch {
    return { preparer: '', reviewer: '' };
  }
}

/** 填表人 and 审核人 are the same people report after report: the last ones typed come back pre-filled. */
export function useSigners() {
  const [initial] = useState(read);
  const remember = useCallback((preparer: string, reviewer: string) => {
    try {
      localStorage.setItem(KEY, JSON.stringify({ preparer, reviewer }));
    } catch {
      // A browser that refuses storage only loses the pre-filling.
    }
  }, []);
  return { ...initial, remember };
}
