// mockint's practice page. The server runs the session (mockint.practice, as the terminal does)
// and sends one JSON message per event; this script draws them, captures the microphone while
// an answer is recorded, and sends the audio back as 16 kHz PCM.
//
// Everything shown comes from the server or the candidate and goes into the page as text
// (textContent, text nodes), never as markup.
"use strict";

(function () {
  const token = new URLSearchParams(location.search).get("token") || "";
  const $ = (id) => document.getElementById(id);

  // --- small DOM helpers ----------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "onclick") node.addEventListener("click", value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function setText(id, text) {
    $(id).textContent = text || "";
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function mmss(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }

  function withToken(path) {
    return `${path}${path.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}`;
  }

  function showError(message, hint) {
    const box = $("error");
    box.textContent = hint ? `${message} (${hint})` : message;
    box.hidden = !message;
  }

  // --- tabs ----------------------------------------------------------------------------------

  let practising = false;

  function showTab(name) {
    $("tab-practice").setAttribute("aria-pressed", String(name === "practice"));
    $("tab-history").setAttribute("aria-pressed", String(name === "history"));
    $("setup").hidden = name !== "practice" || practising;
    $("live").hidden = name !== "practice" || !practising;
    $("history").hidden = name !== "history";
    if (name === "history") loadHistory();
  }

  $("tab-practice").addEventListener("click", () => showTab("practice"));
  $("tab-history").addEventListener("click", () => showTab("history"));

  // --- setup ---------------------------------------------------------------------------------

  async function loadSetup() {
    const response = await fetch(withToken("/api/setup"));
    if (!response.ok) throw new Error(`the server refused the setup (${response.status})`);
    const setup = await response.json();
    const select = $("category");
    for (const [id, description] of Object.entries(setup.categories)) {
      select.appendChild(el("option", { value: id, title: description }, id.replace(/_/g, " ")));
    }
    for (const panel of setup.panels) {
      $("panel").appendChild(el("option", { value: panel.id, title: panel.panelists.join(", ") }, panel.name));
    }
    if (!setup.panels.length) $("mode").querySelector('option[value="panel"]').disabled = true;
    $("questions").value = setup.defaults.questions;
    $("speak").checked = setup.defaults.speak;
    $("offline-choice").hidden = !setup.llm_configured;
    const own = setup.own_questions;
    if (own.count) {
      $("mine-choice").hidden = false;
      setText("mine-label", `and the ${own.count} question${own.count === 1 ? "" : "s"} in ${own.path}, first`);
    } else {
      $("mine").checked = false;
      $("mine-note").hidden = false;
      setText("mine-note", own.error ? `Your questions file is not used: ${own.error}` : `Keep your questions in ${own.path} to have them here.`);
    }
  }

  $("mode").addEventListener("change", () => {
    const mode = $("mode").value;
    $("panel-choice").hidden = mode !== "panel";
    $("own-choice").hidden = mode !== "own";
    $("category-choice").hidden = $("count-choice").hidden = mode === "own";
  });

  $("setup-form").addEventListener("submit", (event) => {
    event.preventDefault();
    unlockAudio();
    send({
      type: "start",
      role: $("role").value,
      job_description: $("job-description").value,
      mode: $("mode").value,
      category: $("category").value,
      questions: parseInt($("questions").value, 10) || 3,
      speak: $("speak").checked,
      offline: $("offline").checked,
      panel: $("mode").value === "panel" ? $("panel").value : null,
      answer_seconds: $("answer-seconds").value ? parseFloat($("answer-seconds").value) : null,
      probes: $("probes").checked,
      own_questions: $("mode").value === "own" ? $("own-questions").value : null,
      mine: $("mode").value === "own" && !$("mine-choice").hidden && $("mine").checked,
    });
    beginRound();
  });

  function resume(sessionId) {
    unlockAudio();
    send({ type: "resume", session: sessionId, speak: $("speak").checked });
    beginRound();
    showTab("practice");
  }

  function beginRound() {
    practising = true;
    showError("");
    clear($("feedback"));
    clear($("live-transcript"));
    $("summary").hidden = true;
    $("recorder").hidden = true;
    setText("question-text", "");
    setText("question-where", "");
    setText("question-why", "");
    setText("status", "starting…");
    showTab("practice");
  }

  function backToSetup() {
    practising = false;
    stopCapture();
    showTab("practice");
  }

  // --- the socket ----------------------------------------------------------------------------

  let socket = null;

  function connect() {
    socket = new WebSocket(withToken(`ws://${location.host}/ws`));
    socket.binaryType = "arraybuffer";
    socket.addEventListener("open", () => {
      setText("connection", "");
      $("start").disabled = false;
    });
    socket.addEventListener("close", () => {
      setText("connection", "disconnected: is 'mockint serve' still running? Reload the page to reconnect.");
      $("start").disabled = true;
      $("stop").disabled = true;
      stopCapture();
    });
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(event.data);
      const handler = handlers[message.type];
      if (handler) handler(message);
    });
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  // --- the microphone ------------------------------------------------------------------------

  let audioContext = null;
  let workletLoaded = null;
  let capture = null;

  function unlockAudio() {
    // Created on a click, so the browser lets it run; the worklet is loaded now, so that when an
    // answer starts only the microphone has to open. The microphone opens only while recording.
    if (!audioContext) {
      audioContext = new AudioContext();
      workletLoaded = audioContext.audioWorklet.addModule("/static/capture-worklet.js");
    }
    audioContext.resume();
  }

  async function startCapture() {
    try {
      unlockAudio();
      await workletLoaded;
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      });
      const source = audioContext.createMediaStreamSource(stream);
      const node = new AudioWorkletNode(audioContext, "pcm16k");
      const mute = audioContext.createGain();
      mute.gain.value = 0; // the worklet must reach the output to run; nothing is heard
      node.port.onmessage = (event) => {
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(event.data);
      };
      source.connect(node);
      node.connect(mute);
      mute.connect(audioContext.destination);
      capture = { stream, source, node, mute };
      send({ type: "capture", ok: true });
      // Only now does audio flow: "speak now" is never shown before the microphone is open.
      setRecording(true);
      setText("status", recordingHint());
    } catch (error) {
      send({ type: "capture", ok: false, message: `${error.name}: ${error.message}` });
    }
  }

  function stopCapture() {
    if (!capture) return;
    const { stream, source, node, mute } = capture;
    capture = null;
    node.port.postMessage("flush");
    source.disconnect();
    node.disconnect();
    mute.disconnect();
    for (const track of stream.getTracks()) track.stop();
  }

  // --- speaking the question -----------------------------------------------------------------

  function speak(text) {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        send({ type: "spoken" });
      }
    };
    if (!("speechSynthesis" in window)) return finish();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.onend = finish;
    utterance.onerror = finish;
    speechSynthesis.cancel();
    speechSynthesis.speak(utterance);
    // No voice installed: some browsers never start; don't hold the question hostage.
    setTimeout(finish, 2000 + 450 * text.split(/\s+/).length);
  }

  // --- the round's messages ------------------------------------------------------------------

  let recording = null; // {answer, max, silenceStop, answerSeconds}
  let thinkTimer = null;
  let asker = null; // who asks the next question (panel rounds)
  let probeOf = null; // the answer the next question follows up on

  function recordingHint() {
    // As the terminal says it: with a time per answer the limit, not silence, ends it.
    const ends = !recording ? "" : recording.answerSeconds
      ? " It is cut off at the time limit."
      : ` It also stops after ${Math.round(recording.silenceStop)} s of silence.`;
    return `Recording: press Done (or Enter) when you have finished.${ends}`;
  }

  function setRecording(on) {
    $("recorder").classList.toggle("on", on);
    $("stop").disabled = !on;
  }

  function roundOver() {
    // The recorder has nothing left to show once the round has stopped.
    setRecording(false);
    recording = null;
    $("recorder").hidden = true;
    setText("status", "");
  }

  function playFrom(answerId, start) {
    const audio = document.getElementById(`audio-${answerId}`);
    if (!audio || start === null || start === undefined) return;
    audio.currentTime = start;
    const playing = audio.play();
    if (playing && playing.catch) playing.catch(() => {});
  }

  function quoteButton(answerId, text, start) {
    return el(
      "button",
      { type: "button", class: "quote", "data-answer": answerId, "data-start": start, title: start === null ? null : `play from ${mmss(start)}` },
      `“${text}”`,
    );
  }

  // An answer as the reports and the terminal name it: an in-round follow-up's reply ("a02 (follow-up on a01)")
  // and a reply to the plan's follow-up ("a05 (reply on a01)") say which answer they follow up.
  function answerLabel(a, sep) {
    const on = a.probe_of ? `follow-up on ${a.probe_of}` : a.follows ? `reply on ${a.follows}` : null;
    if (!on) return a.id;
    return sep ? `${a.id}${sep}${on}` : `${a.id} (${on})`;
  }

  function renderFeedback(a) {
    const article = el("article", { class: `answer status-${a.status}`, id: `answer-${a.id}` });
    const score = a.overall === null ? null : el("p", { class: "overall" },
      el("strong", {}, `${Math.round(a.overall)}/100`), ` ${a.band} · scored ${a.scorer}${a.model ? ` (${a.model})` : ""}`,
      a.llm_state === "pending" ? el("span", { class: "muted" }, " · the LLM's score follows") : null,
      a.llm_state === "failed" ? el("span", { class: "warn" }, ` · the LLM could not score it: ${a.llm_error}`) : null,
      a.offline_overall !== null && a.offline_overall !== undefined ? el("span", { class: "muted" }, ` · offline ${Math.round(a.offline_overall)}`) : null);
    // Element.append writes a null as the text "null": leave the absent parts out.
    article.append(...[
      el("h3", {}, el("span", { class: "muted" }, `${answerLabel(a, " · ")} · `), a.question.text),
      score,
      // A shut gate (rubrics/overall.yaml), not the levels below, is what holds this answer down: said first.
      a.overall_capped ? el("p", { class: "warn" }, `Capped: ${a.overall_capped}`) : null,
      a.cut_off ? el("p", { class: "warn" }, `Ran long: cut off at the ${mmss(a.time_limit)} limit (saved up to there).`) : null,
      a.audio_url ? el("audio", { id: `audio-${a.id}`, src: a.audio_url, controls: "", preload: "metadata" }) : null,
    ].filter((part) => part !== null));
    if (a.error) article.appendChild(el("p", { class: "failed" }, a.error));
    if (a.has_transcript) {
      const transcript = el("p", { class: "transcript" });
      a.spans.forEach((span, i) => {
        if (i > 0) transcript.appendChild(document.createTextNode(" "));
        if (span.part) {
          transcript.appendChild(el("mark", {
            class: `star star-${span.part}`, "data-answer": a.id, "data-start": span.start, tabindex: "0", title: span.part,
          }, span.text));
        } else {
          transcript.appendChild(document.createTextNode(span.text));
        }
      });
      article.appendChild(transcript);
    }
    if (a.criteria.length) {
      const body = el("tbody");
      for (const c of a.criteria) {
        body.appendChild(el("tr", { "data-criterion": c.key, class: c.applies ? null : "na" },
          el("td", {}, c.name),
          el("td", { class: "score" }, c.applies ? `${c.score}/${c.max_score}` : "n/a"),
          el("td", {}, c.quote ? quoteButton(a.id, c.quote, c.quote_start) : el("span", { class: "muted" }, "no quote")),
          el("td", {}, c.feedback)));
      }
      article.appendChild(el("table", { class: "criteria" },
        el("thead", {}, el("tr", {}, el("th", {}, "criterion"), el("th", {}, "score"), el("th", {}, "evidence (what you said)"), el("th", {}, "feedback"))),
        body));
    }
    if (a.improvements.length) {
      article.appendChild(el("div", { class: "improve" }, el("strong", {}, "Change next time"),
        el("ul", {}, a.improvements.map((text) => el("li", {}, text)))));
    }
    // What the scorer could not check (a rubric's offline_caveat): a wrong technical answer reads as well as a right one.
    for (const caveat of a.caveats || []) {
      article.appendChild(el("p", { class: "caveat muted" }, `Note: ${caveat}`));
    }
    if (a.delivery) {
      const d = a.delivery;
      const fillers = d.top_fillers.length ? ` (${d.top_fillers.join(", ")})` : "";
      article.appendChild(el("p", { class: "delivery muted" },
        `${Math.round(d.words_per_minute)} words/min · ${d.filler_count} fillers${fillers} · ${d.long_pauses} long pauses · ` +
        `talk time ${mmss(d.speaking_seconds)} of ${mmss(d.total_seconds)}`));
      if (d.too_long) article.appendChild(el("p", { class: "warn" }, d.too_long));
    }
    return article;
  }

  function leftOver(message) {
    // What is left of a session that stopped early: Continue here, or --resume in a terminal.
    const box = el("div", { class: "left" });
    if (message.session && message.unfinished > 0) {
      box.append(
        el("button", { type: "button", class: "primary", onclick: () => resume(message.session) }, "Continue"),
        " or in a terminal: ", el("code", {}, message.resume_command),
      );
    }
    box.appendChild(el("button", { type: "button", onclick: backToSetup }, "New round"));
    return box;
  }

  const handlers = {
    session(m) {
      setText("session-line", `${m.resumed ? "Resuming" : "Session"} ${m.id} · round ${m.round} · ${m.total} questions` +
        (m.role ? ` · ${m.role}` : ""));
    },
    status(m) {
      setText("status", m.message);
    },
    warning(m) {
      setText("status", `warning: ${m.message}`);
    },
    asker(m) {
      asker = `${m.name} (${m.role}) asks:`;
    },
    probe(m) {
      probeOf = m.parent;
    },
    question(m) {
      $("recorder").hidden = false;
      const where = m.number ? `Question ${m.number}/${m.total}` : "Follow-up";
      setText("question-where", `${where} · ${m.category.replace(/_/g, " ")}`);
      setText("question-text", m.text);
      setText("question-why", m.rationale);
      // Who asks (panel rounds) and what it follows up on (probes) come just before the question.
      $("panelist").hidden = !asker;
      setText("panelist", asker);
      $("probe").hidden = !probeOf;
      setText("probe", probeOf ? `A follow-up on your answer ${probeOf}` : "");
      asker = null;
      probeOf = null;
      clear($("live-transcript"));
      setText("status", "");
    },
    speak(m) {
      setText("status", "reading the question aloud…");
      speak(m.text);
    },
    think(m) {
      let left = Math.round(m.seconds);
      clearInterval(thinkTimer);
      setText("status", `Take ${left} s to think; recording starts next.`);
      thinkTimer = setInterval(() => {
        left -= 1;
        if (left <= 0) return clearInterval(thinkTimer);
        setText("status", `Take ${left} s to think; recording starts next.`);
      }, 1000);
    },
    capture(m) {
      if (m.on) startCapture();
      else stopCapture();
    },
    recording(m) {
      clearInterval(thinkTimer);
      recording = { answer: m.answer, max: m.max_seconds, silenceStop: m.silence_stop_seconds, answerSeconds: m.answer_seconds };
      setText("timer", "0:00");
      $("timer").dataset.elapsed = "0";
      setText("timer-limit", m.answer_seconds ? `${mmss(m.answer_seconds)} to answer` : `/ ${mmss(m.max_seconds)}`);
      $("timer-limit").classList.remove("warn");
      setText("status", "Opening the microphone…");
      const live = $("live-transcript");
      clear(live);
      live.dataset.answer = m.answer;
      delete live.dataset.final;
    },
    level(m) {
      $("timer").dataset.elapsed = String(m.elapsed);
      setText("timer", mmss(m.elapsed));
      const fill = Math.max(0, Math.min(1, (m.level_db + 60) / 60));
      $("meter-fill").style.width = `${Math.round(fill * 100)}%`;
      $("meter").setAttribute("aria-valuenow", String(Math.round(m.level_db)));
      $("meter").classList.toggle("loud", m.level_db > -6);
    },
    "time-left"(m) {
      setText("timer-limit", `${mmss(m.seconds)} left`);
    },
    "time-warning"(m) {
      $("timer-limit").classList.add("warn");
      setText("status", `${Math.round(m.seconds)} seconds left: land the result now.`);
    },
    "transcript-part"(m) {
      const live = $("live-transcript");
      if (live.dataset.answer !== m.answer) return;
      live.appendChild(el("span", { class: "part", "data-start": m.start }, `${m.text} `));
    },
    recorded(m) {
      setRecording(false);
      recording = null;
      $("meter-fill").style.width = "0%";
      setText("status", `Recorded ${m.seconds.toFixed(1)} s; finishing the transcript…`);
    },
    transcribed(m) {
      const live = $("live-transcript");
      clear(live);
      live.appendChild(el("span", { class: "part final" }, m.text));
      live.dataset.answer = m.answer;
      live.dataset.final = m.answer;
      setText("status", "Scoring…");
    },
    feedback(m) {
      // An update is the LLM's card (or why it failed) for an answer already shown: swapped in place.
      const card = renderFeedback(m);
      const shown = document.getElementById(`answer-${m.id}`);
      if (shown) shown.replaceWith(card);
      else $("feedback").appendChild(card);
      if (m.update) return;
      clear($("live-transcript"));
      setText("status", "");
    },
    "llm-wait"(m) {
      $("stop").disabled = true;
      setText("status", `Waiting for ${m.pending} LLM score${m.pending === 1 ? "" : "s"}… (End session skips; they stay pending)`);
    },
    summary(m) {
      roundOver();
      const box = $("summary");
      clear(box);
      box.append(
        el("h2", {}, `Round ${m.round}: ${m.mean_overall === null ? "no scores" : `${Math.round(m.mean_overall)}/100 ${m.band}`}`),
        // What the mean averages when a follow-up was scored: its score is in the table, not in the mean.
        m.mean_basis ? el("p", { class: "muted" }, `Mean ${m.mean_basis}.`) : document.createTextNode(""),
        el("table", { class: "round" }, el("tbody", {}, m.answers.map((a) => el("tr", {},
          el("td", {}, answerLabel(a)), el("td", {}, a.question), el("td", {}, a.status),
          el("td", { class: "score" }, a.overall === null ? "-" : `${Math.round(a.overall)}`),
          el("td", {}, a.scorer === null ? "-" : (a.llm_state === "pending" || a.llm_state === "failed") ? `${a.scorer} (LLM ${a.llm_state})` : a.scorer))))),
      );
      if (m.llm_pending.length) {
        box.appendChild(el("p", {}, `Offline scores shown for ${m.llm_pending.join(", ")}: the LLM's were not waited for. `,
          "They finish with ", el("code", {}, m.rescore_command)));
      }
      if (m.llm_failed.length) {
        box.appendChild(el("p", { class: "warn" }, `The LLM could not score ${m.llm_failed.join(", ")}; offline scores kept (${m.llm_error}).`));
      }
      if (m.panel.length) {
        box.append(el("h3", {}, "The panel"),
          el("ul", {}, m.panel.map((v) => el("li", {}, el("strong", {}, v.title), `: ${v.verdict}`,
            v.still_want.length ? el("div", { class: "muted" }, `still wants to know: ${v.still_want.join("; ")}`) : null))));
      }
      if (m.weak_areas.length) {
        box.append(el("h3", {}, "Repeated weak areas"),
          el("ul", {}, m.weak_areas.map((w) => el("li", {}, el("strong", {}, w.name), `: ${w.summary}`,
            w.advice ? el("div", { class: "muted" }, w.advice) : null))));
      } else {
        box.appendChild(el("p", {}, "No weak area repeated across this round's answers."));
      }
      if (m.failed) box.appendChild(el("p", {}, `${m.failed} answer(s) failed; re-score with `, el("code", {}, m.rescore_command)));
      box.append(
        el("p", { class: "links" },
          el("a", { href: m.report_url, target: "_blank", rel: "noopener", id: "report-link" }, "Open the full report"),
          " · ", el("a", { href: "/progress", target: "_blank", rel: "noopener" }, "Progress across sessions")),
        el("button", { type: "button", class: "primary", onclick: backToSetup }, "Another round"),
      );
      box.hidden = false;
    },
    ended(m) {
      roundOver();
      setText("status", "Session ended; everything recorded is saved.");
      const box = $("summary");
      clear(box);
      box.appendChild(leftOver(m));
      box.hidden = false;
    },
    error(m) {
      showError(m.message, m.hint);
      if (practising) {
        roundOver();
        const box = $("summary");
        clear(box);
        box.appendChild(leftOver(m));
        box.hidden = false;
      }
    },
  };

  // --- controls ------------------------------------------------------------------------------

  $("stop").addEventListener("click", () => send({ type: "stop" }));
  $("end").addEventListener("click", () => send({ type: "end" }));
  document.addEventListener("keydown", (event) => {
    const typing = event.target && ["INPUT", "TEXTAREA", "SELECT"].includes(event.target.tagName);
    if (event.key === "Enter" && recording && !typing) {
      event.preventDefault();
      send({ type: "stop" });
    }
  });
  // Clicking a quote or a highlighted STAR part plays the answer from that moment.
  document.addEventListener("click", (event) => {
    const target = event.target.closest && event.target.closest("[data-answer][data-start]");
    if (!target || !target.closest("#feedback")) return;
    playFrom(target.getAttribute("data-answer"), parseFloat(target.getAttribute("data-start")));
  });

  // --- past sessions -------------------------------------------------------------------------

  async function loadHistory() {
    const body = $("history-table").querySelector("tbody");
    clear(body);
    const response = await fetch(withToken("/api/sessions"));
    const rows = response.ok ? await response.json() : [];
    if (!rows.length) {
      body.appendChild(el("tr", {}, el("td", { colspan: "6", class: "muted" }, "No sessions yet.")));
      return;
    }
    for (const r of rows) {
      if (r.error) {
        body.appendChild(el("tr", {}, el("td", {}, ""), el("td", {}, r.id), el("td", { colspan: "4", class: "failed" }, r.error)));
        continue;
      }
      body.appendChild(el("tr", { "data-session": r.id },
        el("td", {}, r.created), el("td", {}, el("code", {}, r.id)), el("td", {}, r.role || ""),
        el("td", {}, `${r.scored}/${r.answers}${r.failed ? ` (${r.failed} failed)` : ""}`),
        el("td", { class: "score" }, r.mean_overall === null ? "-" : String(Math.round(r.mean_overall))),
        el("td", {},
          el("a", { href: r.report_url, target: "_blank", rel: "noopener" }, "report"),
          r.unfinished > 0 ? el("button", { type: "button", onclick: () => resume(r.id) }, "Continue") : null)));
    }
  }

  // --- start ---------------------------------------------------------------------------------

  showTab("practice");
  loadSetup().then(connect, (error) => showError(String(error.message || error)));
})();
