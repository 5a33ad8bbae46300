// newsgraph: the little the pages do in the browser. Everything works without it; it only
// scrolls evidence into view and links a fact in the list to its marks in the text.
// Loaded from /static (the Content-Security-Policy forbids inline script).
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // Claim page: scroll each source's text box to its first highlighted evidence.
  document.querySelectorAll(".source-text").forEach(function (box) {
    var mark = box.querySelector("mark");
    if (mark) {
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
    }
  });

  // Article page: hovering a fact lights up its evidence, hovering evidence its fact.
  function light(index, on) {
    document.querySelectorAll("mark.fact-ev").forEach(function (m) {
      var ids = (m.dataset.facts || "").split(" ");
      if (ids.indexOf(String(index)) >= 0) {
        m.classList.toggle("active", on);
      }
    });
    var li = document.querySelector('li.fact[data-fact="' + Number(index) + '"]');
    if (li) {
      li.classList.toggle("active", on);
    }
  }
  document.querySelectorAll("li.fact").forEach(function (li) {
    li.addEventListener("mouseenter", function () { light(li.dataset.fact, true); });
    li.addEventListener("mouseleave", function () { light(li.dataset.fact, false); });
  });
  document.querySelectorAll("mark.fact-ev").forEach(function (m) {
    var first = (m.dataset.facts || "").split(" ")[0];
    m.addEventListener("mouseenter", function () { light(first, true); });
    m.addEventListener("mouseleave", function () { light(first, false); });
  });
});
