// The HTML report's one script (inlined by render.py; the page's CSP allows only its hash).
(function () {
  "use strict";
  // Clicking a quote or a highlighted STAR part plays the answer's audio from that moment.
  function play(el) {
    var audio = document.getElementById("audio-" + el.getAttribute("data-answer"));
    var start = parseFloat(el.getAttribute("data-start"));
    if (!audio || isNaN(start)) { return; }
    audio.currentTime = start;
    var playing = audio.play();
    if (playing && playing.catch) { playing.catch(function () {}); }
  }
  document.addEventListener("click", function (event) {
    var el = event.target.closest ? event.target.closest("[data-start][data-answer]") : null;
    if (!el) { return; }
    event.preventDefault();
    play(el);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var el = event.target;
    if (el && el.matches && el.matches("mark[data-start][data-answer]")) { event.preventDefault(); play(el); }
  });
})();
