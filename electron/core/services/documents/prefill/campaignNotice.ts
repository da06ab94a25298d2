import { chineseDate } from '../../../../../shared/documents/dates';
import type { Campaign, CampaignPhase } from '../../../../../shared/domain/plans';
import { getCampaign } from '../../../db/repos/campaigns';
import { listIndicators } from '../../../db/repos/indicators';
import { AppError } from '../../../errors';
import { frame, type PrefillContext, type Prefilled } from './common';
import { ledgerAttachment } from './tables';

const CHINESE_NUMBERS = '一二三四五六七八九十';
const sub = (i: number) => `（${CHINESE_NUMBERS[i] ?? String(i + 1)}）`;

/** What each of the template's phases asks of the township, in the register of source 002. */
const PHASE_WORK: Readonly<Record<string, string>> = {
  调查摸底: '各推进组登门调查、逐户核实，摸清企业经营状况、职工人数和党员情况，更新台账。',
  制定方案: '对有党员未建党组织的企业逐一分析，明确组建方式和责任人，制定一企一策方案。',
  组建: '按照单独组建、联合组建、挂靠组建等方式，成熟一个、组建一个，规范履行组建程序。',
  工作覆盖: '对暂不具备组建条件的企业，通过选派指导员、联系走访等方式实现党的工作覆盖。',
  选配指导员: '为未建党组织的企业选配党建工作指导员，明确联系企业和工作职责。',
  总结完善: '对专项行动进行总结，查漏补缺，健全长效机制，巩固组建成果。',
};

function requireCampaign(ctx: PrefillContext, campaignId: number | null): Campaign {
  const id =
    campaignId ??
    (ctx.db.prepare('SELECT id FROM campaigns ORDER BY start_on DESC, id DESC LIMIT 1').pluck().get() as
      number | undefined);
  const campaign = id === undefined ? null : getCampaign(ctx.db, id);
  if (!campaign) {
    throw new AppError(
      'VALIDATION',
      campaignId === null ? '台账中还没有专项行动，请先在“专项行动”中新建' : '所选专项行动已不存在，请刷新后重新选择',
      'campaignId',
    );
  }
  return campaign;
}

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** The rates the campaign aims at: its own target per indicator, else the indicator's; none when nothing is set. */
function targetLines(ctx: PrefillContext, campaign: Campaign): string[] {
  return listIndicators(ctx.db)
    .filter((i) => i.enabled)
    .map((i) => ({ name: i.name, target: campaign.targets[i.key] ?? i.target }))
    .filter((t): t is { name: string; target: number } => t.target !== null)
    .map((t) => `${t.name}达到${percent(t.target)}以上`);
}

function phaseLine(p: Pick<CampaignPhase, 'name' | 'startOn' | 'endOn'>, i: number): string {
  const when = `（${chineseDate(p.startOn)}至${chineseDate(p.endOn)}）`;
  return `${sub(i)}${p.name}${when}。${PHASE_WORK[p.name] ?? '按照镇党委部署抓好各项工作落实。'}`;
}

/** The campaign's own name, made a 专项行动 unless it already names an action (…行动). */
const actionName = (name: string) => (name.endsWith('行动') ? name : `${name}专项行动`);

/**
 * A campaign notice modelled on source 002 (一、目标任务 二、方法步骤 三、工作要求 with （一） items), with the campaign's
 * name, dates, phases and targets, and the 有党员未建党组织企业名册 as 附件 — the Excel report's rows.
 */
export function campaignNoticeDraft(ctx: PrefillContext, campaignId: number | null, areaId: number | null): Prefilled {
  const campaign = requireCampaign(ctx, campaignId);
  const name = actionName(campaign.name);
  const roster = ledgerAttachment(ctx, 'members-no-org', areaId);
  const unorganised = roster.table?.rows.length ?? 0;
  const targets = targetLines(ctx, campaign);
  const span = `${chineseDate(campaign.startOn)}至${chineseDate(campaign.endOn)}`;
  const phases = campaign.phases.length > 0 ? campaign.phases : [];
  const body = [
    `为进一步扩大非公有制企业党的组织覆盖和工作覆盖，夯实基层基础，经镇党委研究，决定于${span}在全镇开展${name}。现将有关事项通知如下：`,
    '一、目标任务',
    `通过开展${name}，到${chineseDate(campaign.endOn)}，${targets.length > 0 ? `${targets.join('；')}。` : '有党员的非公有制企业全部建立党组织或纳入党组织管理，未建立党组织的企业实现党的工作覆盖。'}`,
    `目前全镇有党员但尚未建立党组织的企业${unorganised}家（名册见附件），是本次行动的重点对象。`,
    '二、方法步骤',
    ...(phases.length > 0
      ? phases.map(phaseLine)
      : [
          `${sub(0)}调查摸底。${PHASE_WORK['调查摸底']}`,
          `${sub(1)}集中组建。${PHASE_WORK['组建']}`,
          `${sub(2)}总结完善。${PHASE_WORK['总结完善']}`,
        ]),
    '三、工作要求',
    `${sub(0)}加强领导，落实责任。各工作片、各行政村（社区）要把专项行动作为当前党建工作的重点，主要负责人亲自抓，推进组成员包片包企、责任到人。`,
    `${sub(1)}分类指导，一企一策。对名册中的企业逐一研究组建方式，不搞一刀切，做到组建一个、巩固一个。`,
    `${sub(2)}加强督查，确保实效。镇党委将定期通报各推进组工作进度，专项行动结束后进行考核，考核结果纳入年度党建工作目标考核。`,
  ].join('\n');
  return {
    content: {
      ...frame(ctx, 'notice'),
      title: `关于组织开展${name}的通知`,
      addressees: '各工作片、各行政村（社区）党组织，镇级机关各部门，各非公有制企业党组织',
      body,
      attachments: [roster],
    },
    enterpriseId: null,
    planId: null,
    campaignId: campaign.id,
  };
}
