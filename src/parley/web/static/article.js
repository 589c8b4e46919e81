/* Article page: click a speaker in the side panel to bring their quotes forward. Written for Parley. */
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) { return; }
  var chips = document.querySelectorAll(".speaker-chip");
  chips.forEach(function (chip) {
    chip.addEventListener("click", function () {
      var name = chip.getAttribute("data-speaker");
      var active = chip.classList.toggle("active");
      chips.forEach(function (other) { if (other !== chip) { other.classList.remove("active"); } });
      text.classList.toggle("dim", active);
      text.querySelectorAll("span.quote").forEach(function (q) {
        q.classList.toggle("focus", active && q.getAttribute("data-speaker") === name);
      });
    });
  });
})();
