/**
 * The finishing script, run in the page before printing. Chromium paginates the flow itself (the 版心 is the page
 * box's content area); what CSS cannot do is put the 版记 on the last page's foot. So the script replays Chromium's
 * pagination on the measured layout — every text block is a whole number of 28.95 pt lines and breaks between
 * lines; header, 署名 and table rows move whole; each 附件 starts a page; a table repeats its header row — finds how
 * full the last page is and sets a spacer before the 版记 (or starts a new page when the 版记 no longer fits).
 * It also scales a banner too long for the 版心 and centres a sealed 署名 over the date, then marks the page ready.
 *
 * Plain ES5 in a string: it runs in the print page, never through the app's bundler.
 */
export const FINISH_SCRIPT = `
(function () {
  'use strict';
  var root = document.documentElement;
  function px(css) {
    var probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;visibility:hidden;height:' + css;
    document.body.appendChild(probe);
    var h = probe.getBoundingClientRect().height;
    probe.remove();
    return h;
  }
  function height(el) { return el.getBoundingClientRect().height; }

  function scaleBanner(flow) {
    var span = document.querySelector('.banner span');
    if (!span) return;
    var room = flow.getBoundingClientRect().width;
    var wide = span.getBoundingClientRect().width;
    if (wide > room) {
      span.style.transform = 'scaleX(' + room / wide + ')';
      span.parentElement.style.textAlign = 'left';
    }
  }

  function centreSealedIssuer() {
    var sign = document.querySelector('.sign.sealed');
    if (!sign) return;
    var date = sign.querySelector('.date span').getBoundingClientRect();
    var issuer = sign.querySelector('.issuer span');
    var box = sign.getBoundingClientRect();
    var left = date.left + date.width / 2 - issuer.getBoundingClientRect().width / 2 - box.left;
    issuer.style.marginLeft = Math.max(0, left) + 'px';
  }

  /** Where the flow ends on its last page, in px from that page's 版心 top. */
  function lastPageFill(flow, pageH, line) {
    var pos = 0;
    var eps = 0.05;
    function place(h) {
      if (pos > 0 && pos + h > pageH + eps) pos = 0;
      pos += h;
    }
    var blocks = flow.querySelectorAll(':scope > [data-flow]');
    var end = document.querySelector('.imprint-spacer');
    for (var b = 0; b < blocks.length; b++) {
      var el = blocks[b];
      // From this block's top to the next one's, so margins (which a bounding box leaves out) count too.
      var next = b + 1 < blocks.length ? blocks[b + 1] : end;
      var own = next.getBoundingClientRect().top - el.getBoundingClientRect().top;
      if (el.dataset.break === 'page' && pos > 0) pos = 0;
      var kind = el.dataset.flow;
      if (kind === 'lines') {
        var n = Math.round(own / line);
        for (var i = 0; i < n; i++) place(line);
      } else if (kind === 'table') {
        var head = el.tHead ? height(el.tHead) : 0;
        var rows = el.tBodies[0] ? el.tBodies[0].rows : [];
        var inRows = head;
        for (var r = 0; r < rows.length; r++) {
          var rh = height(rows[r]);
          inRows += rh;
          var need = rh + (r === 0 ? head : 0);
          if (pos > 0 && pos + need > pageH + eps) pos = head;
          else if (r === 0) pos += head;
          pos += rh;
        }
        // The table's outer collapsed borders (half of each) lie outside its rows.
        pos += Math.max(0, own - inRows);
      } else {
        place(own);
      }
    }
    return pos;
  }

  function placeImprint(flow) {
    var spacer = document.querySelector('.imprint-spacer');
    var imprint = document.querySelector('.imprint');
    if (!spacer || !imprint) return;
    var pageH = px('225mm');
    var line = px('28.95pt');
    var fill = lastPageFill(flow, pageH, line);
    var need = height(imprint);
    // A pixel (0.26 mm) of slack so rounding never pushes the 版记 onto a page of its own or past the 版心.
    var slack = 1;
    if (fill + need <= pageH - slack) {
      spacer.style.height = pageH - fill - need - slack + 'px';
    } else {
      spacer.style.breakBefore = 'page';
      spacer.style.height = pageH - need - slack + 'px';
    }
  }

  function finish() {
    try {
      var flow = document.querySelector('.flow');
      scaleBanner(flow);
      centreSealedIssuer();
      placeImprint(flow);
    } catch (e) {
      root.dataset.layoutError = String(e && e.message ? e.message : e);
    }
    root.dataset.ready = '1';
  }

  if (document.fonts && document.fonts.ready) document.fonts.ready.then(finish, finish);
  else finish();
})();
`;
