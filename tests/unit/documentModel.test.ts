import { describe, expect, it } from 'vitest';
import { headingLevel, paragraphsOf, splitHeading } from '../../shared/documents/body';
import { chineseDate } from '../../shared/documents/dates';
import type { GongwenContent } from '../../shared/documents/model';
import { formatDocNumber, parseDocNumber } from '../../shared/documents/number';
import { issueProblems, TITLE_MAX } from '../../shared/documents/rules';

describe('发文字号', () => {
  it('prints 六角括号, the full year and no leading zeros or 第', () => {
    expect(formatDocNumber({ code: '长委', year: 2011, seq: 44 })).toBe('长委〔2011〕44号');
  });

  it.each([
    ['长委〔2011〕44号', 44],
    ['长委[2011]44号', 44],
    ['长委【2011】044号', 44],
    ['长委（2011）第44号', 44],
    [' 长委 (2011) 7号 ', 7],
  ])('reads %s as a clerk typed it', (text, seq) => {
    expect(parseDocNumber(text)).toEqual({ code: '长委', year: 2011, seq });
  });

  it.each(['长委2011年44号', '〔2011〕44号', '长委〔11〕44号', '长委〔2011〕0号', '长委〔2011〕'])(
    'refuses %s',
    (text) => {
      expect(parseDocNumber(text)).toBeNull();
    },
  );
});

describe('成文日期', () => {
  it('is written in Arabic numerals without leading zeros', () => {
    expect(chineseDate('2011-08-09')).toBe('2011年8月9日');
    expect(chineseDate('2026-11-21')).toBe('2026年11月21日');
  });
});

describe('正文 headings', () => {
  it('recognises the four levels of GB/T 9704 7.3.3', () => {
    expect(headingLevel('一、目标任务')).toBe(1);
    expect(headingLevel('十二、其他')).toBe(1);
    expect(headingLevel('（三）摸清底数。全面排查……')).toBe(2);
    expect(headingLevel('1.建立台账')).toBe(3);
    expect(headingLevel('2．建立台账')).toBe(3);
    expect(headingLevel('（1）每月报送')).toBe(4);
    expect(headingLevel('全镇各村（社区）要高度重视。')).toBe(0);
    expect(headingLevel('2011年8月起')).toBe(0);
  });

  it('keeps only the heading sentence in the heading face', () => {
    expect(splitHeading('（一）摸清底数。全面排查辖区企业。')).toEqual({
      heading: '（一）摸清底数。',
      rest: '全面排查辖区企业。',
    });
    expect(splitHeading('一、目标任务')).toEqual({ heading: '一、目标任务', rest: '' });
    expect(splitHeading('（二）建立台账。')).toEqual({ heading: '（二）建立台账。', rest: '' });
  });

  it('drops blank lines and surrounding spaces of either width', () => {
    expect(paragraphsOf('　　第一段。\r\n\n  第二段。　\n')).toEqual(['第一段。', '第二段。']);
  });
});

describe('what issuing requires', () => {
  const ready: GongwenContent = {
    kind: 'reply',
    urgency: 'none',
    banner: '中共长乐镇委员会文件',
    signer: '',
    title: '关于同意成立浙江长乐机械有限公司党支部的批复',
    addressees: '浙江长乐机械有限公司',
    body: '你公司《关于成立党支部的请示》收悉。经研究，同意成立。',
    attachments: [],
    issuer: '中共长乐镇委员会',
    date: '2026-11-20',
    sealed: true,
    note: '',
    cc: '',
    printedBy: '中共长乐镇委员会办公室',
    printedOn: '2026-11-21',
  };

  it('accepts a complete document', () => {
    expect(issueProblems(ready)).toEqual([]);
  });

  it('names the field at fault for an empty 主送 and date', () => {
    const problems = issueProblems({ ...ready, addressees: ' ', date: '' });
    expect(problems.map((p) => p.field)).toEqual(['addressees', 'date']);
    expect(problems[0]!.message).toBe('请填写主送机关');
  });

  it('refuses a title beyond three lines or ending in a full stop', () => {
    expect(issueProblems({ ...ready, title: '关'.repeat(TITLE_MAX) })).toEqual([]);
    expect(issueProblems({ ...ready, title: '关'.repeat(TITLE_MAX + 1) })[0]!.field).toBe('title');
    expect(issueProblems({ ...ready, title: '关于开展活动的通知。' })[0]!.message).toContain('句号');
  });

  it('asks a 上行文 for its 签发人 and an 印发日期 no earlier than the 成文日期', () => {
    expect(issueProblems({ ...ready, kind: 'request' }).map((p) => p.field)).toEqual(['signer']);
    expect(issueProblems({ ...ready, printedOn: '2026-11-19' }).map((p) => p.field)).toEqual(['printedOn']);
  });

  it('refuses an attachment without a title or with trailing punctuation', () => {
    const attachments = [
      { title: '', table: null, text: '' },
      { title: '名册。', table: null, text: '' },
    ];
    expect(issueProblems({ ...ready, attachments }).map((p) => p.message)).toEqual([
      '附件1缺少标题',
      '附件2的标题末尾不加标点',
    ]);
  });
});
