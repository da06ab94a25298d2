import { z } from '../zod';
import type { YearClosing } from '../domain/yearTurn';
import { channel } from './channel';

const LABELS: Readonly<Record<string, string>> = { year: '结转年度' };

export const yearTurnChannels = {
  /**
   * 年度结转: a snapshot, an archived copy in the data folder's archives/, open plans carried into the next year,
   * the next year's assessments started. Once per year.
   */
  'year:close': channel<YearClosing>()(
    z
      .object({
        year: z.number('结转年度应填数字').int('结转年度应为整数').min(2000, '结转年度应在2000年以后').max(2100),
      })
      .strict(),
    LABELS,
  ),
  'year:closings': channel<YearClosing[]>()(z.object({}).strict(), LABELS),
};
