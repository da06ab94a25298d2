import { App, Button } from 'antd';
import { createElement, useEffect, useEffectEvent, useRef, useState } from 'react';
import { call } from '../../api/client';
import { summaryOf } from './reminderText';

/** Long enough for the dashboard's code to arrive and its requests to go first; short beside the notice's 8 s. */
const OPENING_DELAY_MS = 1200;

interface Counted {
  ledgerId: string;
  count: number;
}

/**
 * Reads the reminders when a ledger opens and after every change to it; returns how many there are, for the tab's
 * badge. On opening, if there are any, says so in a notice whose 查看 button calls `onShow`.
 */
export function useRemindersOnOpen(ledgerId: string, generation: number, onShow: () => void): number {
  const { notification } = App.useApp();
  const [counted, setCounted] = useState<Counted | null>(null);
  // The ledger screen is mounted anew for each opening, so this announces once per opening.
  const announced = useRef<string | null>(null);
  const show = useEffectEvent(onShow);

  /** Only the first reading after the ledger opened is announced; reminders arising later show on the badge. */
  const announce = useEffectEvent((count: number, summary: string) => {
    if (announced.current === ledgerId) return;
    announced.current = ledgerId;
    if (count === 0) return;
    const key = `reminders-${ledgerId}`;
    notification.info({
      key,
      title: '提醒',
      description: summary,
      placement: 'topRight',
      duration: 8,
      actions: createElement(
        Button,
        {
          type: 'primary',
          size: 'small',
          'data-testid': 'reminder-notice-show',
          onClick: () => {
            notification.destroy(key);
            show();
          },
        },
        '查看',
      ),
    });
  });

  useEffect(() => {
    let live = true;
    const read = () =>
      call('reminders:list', {}).then(
        (reminders) => {
          if (!live) return;
          setCounted({ ledgerId, count: reminders.length });
          announce(reminders.length, summaryOf(reminders));
        },
        // The badge is a convenience; the 提醒 tab itself says what went wrong.
        () => live && setCounted({ ledgerId, count: 0 }),
      );
    // The core answers one request at a time, and in a large township the reminders take a while: on opening they
    // wait until the dashboard has asked for its figures, which the clerk looks at first.
    const timer = setTimeout(read, generation === 0 ? OPENING_DELAY_MS : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ledgerId, generation]);

  return counted?.ledgerId === ledgerId ? counted.count : 0;
}
