// Turns the user guide (docs/用户手册.md and the screenshots it shows) into one self-contained HTML page,
// out/renderer/guide/index.html: the app shows it under 帮助 → 操作手册 and the core prints it to PDF. Images are
// inlined, so the page needs nothing else — the print engine loads it with no network and no files around it.
// Runs after the renderer's build (which empties out/renderer).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { Marked } from 'marked';

const SOURCE = 'docs/用户手册.md';
const TARGET = 'out/renderer/guide/index.html';
const IMAGE_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

const markdown = readFileSync(SOURCE, 'utf8');
const base = dirname(resolve(SOURCE));
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const headings = [];
const missing = [];
const marked = new Marked({
  gfm: true,
  renderer: {
    heading({ tokens, depth }) {
      const text = this.parser.parseInline(tokens);
      const id = `s${headings.length + 1}`;
      headings.push({ id, depth, text });
      return `<h${depth} id="${id}">${text}</h${depth}>\n`;
    },
    image({ href, text }) {
      const path = resolve(base, decodeURIComponent(href));
      const type = IMAGE_TYPES[extname(path).toLowerCase()];
      // A guide that shows a screenshot nobody took is wrong; the build says so rather than shipping a hole.
      if (!type || !path.startsWith(base) || !existsSync(path)) {
        missing.push(href);
        return '';
      }
      const data = readFileSync(path).toString('base64');
      return `<figure><img src="data:${type};base64,${data}" alt="${escape(text)}"><figcaption>${escape(text)}</figcaption></figure>`;
    },
  },
});

const body = marked.parse(markdown);
if (missing.length > 0) {
  // While the screenshots are being retaken (npm run guide:update) the pictures may not exist yet; that run
  // builds the guide again once they do.
  const updating = process.env.YIQIYICE_GUIDE_UPDATE === '1';
  console.error(`操作手册引用的图片不存在：${missing.join('、')}（运行 npm run guide:update 重新截图）`);
  if (!updating) process.exit(1);
}

const title = headings.find((h) => h.depth === 1)?.text ?? '操作手册';
const toc = headings
  .filter((h) => h.depth === 2 || h.depth === 3)
  .map((h) => `<li class="d${h.depth}"><a href="#${h.id}">${h.text}</a></li>`)
  .join('\n');

// data-ready: the print engine waits for it; the page has no script, so its layout is final once loaded.
const html = `<!doctype html>
<html lang="zh-CN" data-ready="1"><head><meta charset="utf-8"><title>${title.replace(/<[^>]+>/g, '')}</title>
<style>
@page { size: A4; margin: 22mm 20mm 20mm; @bottom-center { content: counter(page); } }
html { font-family: 'SimSun', '宋体', 'Songti SC', 'Noto Serif CJK SC', 'AR PL UMing CN', serif; font-size: 11pt;
  line-height: 1.7; color: #222; }
body { margin: 0 auto; max-width: 860px; padding: 16px 24px; }
h1, h2, h3, h4 { font-family: 'SimHei', '黑体', 'Heiti SC', 'Noto Sans CJK SC', 'AR PL UKai CN', sans-serif;
  line-height: 1.4; break-after: avoid; }
h1 { font-size: 20pt; text-align: center; margin: 0.5em 0 1em; }
h2 { font-size: 15pt; border-bottom: 1px solid #b71c1c; padding-bottom: 4px; margin-top: 1.6em; }
h3 { font-size: 12.5pt; margin-top: 1.3em; }
nav ol { list-style: none; padding-left: 0; } nav li.d3 { padding-left: 2em; }
nav a { color: inherit; text-decoration: none; }
figure { margin: 0.8em 0; break-inside: avoid; text-align: center; }
figure img { max-width: 100%; max-height: 150mm; border: 1px solid #ccc; }
figcaption { font-size: 9.5pt; color: #555; }
table { border-collapse: collapse; margin: 0.6em 0; } th, td { border: 1px solid #999; padding: 3px 8px; }
code { font-family: 'Noto Sans Mono CJK SC', monospace; background: #f4f4f4; padding: 0 3px; }
pre { background: #f4f4f4; padding: 8px; white-space: pre-wrap; break-inside: avoid; }
blockquote { border-left: 3px solid #b71c1c; margin: 0.8em 0; padding: 2px 12px; background: #fdf6f6; }
@media print { body { max-width: none; padding: 0; } h2 { break-before: page; } }
</style></head><body>
${body.replace(/(<h1[^>]*>.*?<\/h1>)/, `$1\n<nav><h4>目录</h4><ol>\n${toc}\n</ol></nav>`)}
</body></html>
`;

mkdirSync(dirname(TARGET), { recursive: true });
writeFileSync(TARGET, html);
console.log(`操作手册：${join(TARGET)}（${Math.round(html.length / 1024)} KB，${headings.length} 个标题）`);
