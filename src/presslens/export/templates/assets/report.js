// The presslens HTML report's behaviour: tooltips, focus on a person, layer switches
// (inlined in the standalone report, served as /static/report/report.js by presslens serve).
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var text = document.querySelector(".text");
  // The title attributes serve readers without JavaScript; with it, one richer tooltip.
  text.querySelectorAll("[title]").forEach(function (el) {
    el.dataset.tip = el.title;
    el.removeAttribute("title");
  });
  function byAttr(name, value) {
    return document.querySelectorAll("[" + name + '="' + CSS.escape(value) + '"]');
  }
  function place(ev) {
    var x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = ev.clientY + 18;
    if (y + tip.offsetHeight > window.innerHeight - 8) { y = ev.clientY - tip.offsetHeight - 12; }
    tip.style.left = Math.max(8, x) + "px";
    tip.style.top = Math.max(8, y) + "px";
  }
  var hovered = [];
  text.addEventListener("mouseover", function (ev) {
    hovered.forEach(function (el) { el.classList.remove("hover"); });
    hovered = [];
    var tips = [];
    for (var el = ev.target.closest("[data-tip]"); el && text.contains(el);
         el = el.parentElement && el.parentElement.closest("[data-tip]")) {
      if (el.classList.contains("off")) { continue; }
      if (tips.indexOf(el.dataset.tip) < 0) { tips.push(el.dataset.tip); }
      if (el.dataset.key && hovered.length === 0) {
        hovered = Array.prototype.slice.call(byAttr("data-key", el.dataset.key));
      }
    }
    hovered.forEach(function (el) { el.classList.add("hover"); });
    if (!tips.length) { tip.hidden = true; return; }
    tip.textContent = "";
    tips.slice(0, 3).forEach(function (t, i) {
      if (i) { var sep = document.createElement("span"); sep.className = "sep"; tip.appendChild(sep); }
      tip.appendChild(document.createTextNode(t));
    });
    tip.hidden = false;
    place(ev);
  });
  text.addEventListener("mousemove", function (ev) { if (!tip.hidden) { place(ev); } });
  text.addEventListener("mouseleave", function () { tip.hidden = true; });
  // Click a person or organisation: their quotes and mentions stand out, the rest fade.
  document.querySelectorAll("[data-focus]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var id = btn.dataset.focus, again = document.body.dataset.focus === id;
      document.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
      delete document.body.dataset.focus;
      document.body.classList.remove("focusing");
      if (again) { return; }
      document.body.dataset.focus = id;
      document.body.classList.add("focusing");
      btn.classList.add("focus");
      var marks = byAttr("data-entity", id);
      marks.forEach(function (el) { el.classList.add("focus"); });
      var first = text.querySelector('.q[data-entity="' + CSS.escape(id) + '"]') || marks[0];
      if (first) { first.scrollIntoView({block: "center", behavior: "smooth"}); }
    });
  });
  // Jump from the quote list to the quote and flash all its pieces.
  document.querySelectorAll("[data-goto]").forEach(function (link) {
    link.addEventListener("click", function () {
      byAttr("data-key", link.dataset.goto).forEach(function (el) {
        if (el.classList.contains("spk") || el.classList.contains("cue")) { return; }
        el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash");
      });
    });
  });
  // Switch a layer off and on.
  document.querySelectorAll("input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.querySelectorAll(".L-" + box.dataset.layer).forEach(function (el) {
        el.classList.toggle("off", !box.checked);
      });
    });
  });
})();
