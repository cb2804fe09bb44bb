// Konductro: the live state of the pull requests shown on a build or job page. The page shows the last known state
// at once; this asks the page's state endpoint, updates each pull request (and its badges) in place, and polls again
// until every state is final. A failed answer leaves what is shown and waits longer before the next try.
// Every word it shows comes from the answer (the server's messages, in the viewer's language) or from the page.
(function () {
  "use strict";
  var MAX_WAIT_MS = 5 * 60 * 1000;

  function setState(element, state) {
    Array.prototype.slice.call(element.classList).forEach(function (name) {
      if (name.indexOf("konductro-state-") === 0) {
        element.classList.remove(name);
      }
    });
    element.classList.add("konductro-state-" + String(state).toLowerCase());
    element.textContent = state;
  }

  function apply(pr) {
    if (!pr.state) {
      return;
    }
    document.querySelectorAll("[data-konductro-pr]").forEach(function (element) {
      if (element.getAttribute("data-konductro-pr") !== pr.key) {
        return;
      }
      if (element.classList.contains("konductro-badge")) {
        setState(element, pr.state);
        return;
      }
      var state = element.querySelector(".konductro-state");
      var title = element.querySelector(".konductro-title");
      var age = element.querySelector(".konductro-checked");
      var note = element.querySelector(".konductro-note");
      var progress = element.querySelector(".konductro-progress");
      if (state) {
        setState(state, pr.state);
      }
      if (title && pr.title) {
        title.textContent = pr.title;
      }
      if (age && pr.checked) {
        age.textContent = pr.checked;
      }
      if (note) {
        note.textContent = pr.note || "";
      }
      if (progress && pr.progress) {
        progress.textContent = pr.progress;
      }
    });
  }

  function poll(container, waitMs, failedWaitMs) {
    fetch(container.getAttribute("data-konductro-state-url"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        var open = false;
        answer.pullRequests.forEach(function (pr) {
          apply(pr);
          open = open || !pr.final;
        });
        if (open) {
          setTimeout(function () {
            poll(container, waitMs, waitMs);
          }, waitMs);
        }
      })
      .catch(function () {
        var next = Math.min(failedWaitMs * 2, MAX_WAIT_MS);
        setTimeout(function () {
          poll(container, waitMs, next);
        }, next);
      });
  }

  function start() {
    document.querySelectorAll("[data-konductro-state-url]").forEach(function (container) {
      var seconds = parseInt(container.getAttribute("data-konductro-poll-seconds"), 10);
      var waitMs = (isNaN(seconds) || seconds < 1 ? 60 : seconds) * 1000;
      poll(container, waitMs, waitMs);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
