import { esc, FACES_CSS, fieldRows } from './html';
import type { PlanSheet } from './model';

/**
 * 一企一策方案 on A4: it flows onto a second page when the plan is long; the 推进步骤 table repeats its header there
 * and the signature lines are kept together. Pages are numbered in the bottom margin.
 */
const PLAN_CSS = `${FACES_CSS}
@page { size: A4; margin: 18mm 20mm 18mm 20mm;
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-family: var(--song); font-size: 10.5pt; } }
body { font-size: 12pt; line-height: 1.45; orphans: 1; widows: 1; }
h1 { font-family: var(--title); font-size: 20pt; text-align: center; margin: 0 0 1mm; line-height: 1.3; }
.sub { text-align: center; font-family: var(--kai); font-size: 13pt; margin-bottom: 3mm; }
h2 { font-family: var(--hei); font-size: 13pt; margin: 3mm 0 1.5mm; break-after: avoid; }
col.k { width: 36mm; }
td.k { font-size: 10.5pt; }
td.v.s, td.v.xs { font-size: 11pt; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.text { border: 0.6pt solid #000; padding: 1.6mm; min-height: 14mm; white-space: pre-wrap; overflow-wrap: anywhere; }
ol { margin: 0; padding-left: 7mm; }
.milestones col.no { width: 12mm; } .milestones col.d { width: 28mm; } .milestones col.st { width: 20mm; }
.milestones td { text-align: center; } .milestones td.name { text-align: left; }
.signs { display: flex; justify-content: space-between; margin-top: 8mm; break-inside: avoid; }
.signs div { width: 31%; }
.signs p { margin: 0 0 9mm; }
.signs .date { margin: 0; text-align: right; }`;

function textBox(text: string): string {
  return `<div class="text">${esc(text) || '\u3000'}</div>`;
}

function milestonesTable(sheet: PlanSheet): string {
  const rows = sheet.milestones
    .map(
      (m, i) =>
        `<tr><td>${i + 1}</td><td class="name">${esc(m.name)}</td><td>${esc(m.dueOn)}</td><td>${esc(m.doneOn)}</td><td>${esc(m.status)}</td></tr>`,
    )
    .join('');
  return `<table class="milestones"><colgroup><col class="no"><col><col class="d"><col class="d"><col class="st"></colgroup>
<thead><tr><th>序号</th><th>推进节点</th><th>计划完成</th><th>实际完成</th><th>状态</th></tr></thead>
<tbody>${rows || '<tr><td colspan="5">（未设节点）</td></tr>'}</tbody></table>`;
}

export function planSheetHtml(sheet: PlanSheet, township: string): string {
  const measures = sheet.measures.length
    ? `<ol>${sheet.measures.map((m) => `<li>${esc(m)}</li>`).join('')}</ol>`
    : '\u3000';
  const strategy = fieldRows([
    { label: '组建方式', value: sheet.method, wide: true },
    { label: '规则建议', value: sheet.suggestion, wide: true },
  ]);
  const people = fieldRows([
    { label: '责任人', value: sheet.responsible },
    { label: '责任推进组', value: sheet.workGroup },
    { label: '推进组成员', value: sheet.workGroupMembers, wide: true },
  ]);
  const table = (rows: string) => `<table><colgroup><col class="k"><col><col class="k"><col></colgroup>${rows}</table>`;
  return `<!DOCTYPE html>
<html lang="zh-CN" data-ready="1"><head><meta charset="utf-8"><title>一企一策方案 ${esc(sheet.enterpriseName)}</title>
<style>${PLAN_CSS}</style></head><body>
<h1>非公有制企业党建“一企一策”方案</h1>
<div class="sub">${esc(township)}\u3000${esc(sheet.areaName)}\u3000${esc(sheet.campaign)}</div>
<h2>一、企业基本情况</h2>${table(fieldRows(sheet.basics))}
<h2>二、现状</h2>${table(fieldRows(sheet.situation))}
<h2>三、存在问题</h2>${textBox(sheet.problems)}
<h2>四、组建对策</h2>${table(strategy)}
<div class="text"><span style="font-family: var(--hei)">具体措施：</span>${measures}</div>
<h2>五、推进步骤</h2>${milestonesTable(sheet)}
<h2>六、责任分工</h2>${table(people)}
<h2>七、审批情况</h2>${table(fieldRows(sheet.approval))}
${sheet.note ? `<h2>备注</h2>${textBox(sheet.note)}` : ''}
<div class="signs">
<div><p>企业负责人（签字）：</p><p class="date">年\u3000\u3000月\u3000\u3000日</p></div>
<div><p>党建工作指导员（签字）：</p><p class="date">年\u3000\u3000月\u3000\u3000日</p></div>
<div><p>${esc(township)}党委（盖章）：</p><p class="date">年\u3000\u3000月\u3000\u3000日</p></div>
</div>
</body></html>`;
}
