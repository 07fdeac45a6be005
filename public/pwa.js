// Page-side PWA plumbing, kept out of the wasm so it works even when the wasm has crashed:
//
// * registers the service worker (public/sw.js) and tells the app when a new build is
//   waiting (`ocop-update-ready` event, `ocopPwa.updateReady`); `ocopPwa.applyUpdate()`
//   lets it take over and reloads;
// * asks the browser to keep this site's storage (the shopping list) under pressure;
// * recovers from a crash (a Rust panic or any WebAssembly trap): a kiosk goes back to its
//   attract screen after 3 s, a phone shows a reload button. The app calls
//   `ocopPwa.crashed()` from its panic hook; uncaught WebAssembly errors do too.
//
// Builds its few DOM nodes with textContent only: nothing here ever parses HTML.
(function () {
  'use strict';
  var state = { updateReady: false, waiting: null, crashed: false, reloading: false };

  function isKiosk() {
    return document.documentElement.classList.contains('kiosk') || location.pathname.indexOf('/kiosk') === 0;
  }

  // A kiosk reloads its start page: a reload elsewhere would leave kiosk mode.
  function reload() {
    if (isKiosk()) location.replace('/kiosk');
    else location.reload();
  }

  function applyUpdate() {
    if (state.waiting) state.waiting.postMessage('skip-waiting');
    else reload();
  }

  var messages = {
    vi: ['Đã xảy ra lỗi', 'Ứng dụng gặp sự cố. Danh sách mua và chuyến đi đã được lưu.', 'Tải lại'],
    en: ['Something went wrong', 'The app stopped working. Your shopping list and trip are saved.', 'Reload'],
    zh: ['出现错误', '应用出现故障。您的购物清单和行程已保存。', '重新加载'],
  };

  function crashed() {
    if (state.crashed) return;
    state.crashed = true;
    if (isKiosk()) {
      setTimeout(function () { location.replace('/kiosk'); }, 3000);
      return;
    }
    var lang = (document.documentElement.lang || 'vi').slice(0, 2);
    var text = messages[lang] || messages.vi;
    var box = document.createElement('div');
    box.className = 'crash-screen';
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('data-testid', 'crash-screen');
    box.setAttribute('aria-labelledby', 'crash-title');
    var title = document.createElement('h1');
    title.id = 'crash-title';
    title.textContent = text[0];
    var body = document.createElement('p');
    body.textContent = text[1];
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = text[2];
    button.addEventListener('click', function () { location.reload(); });
    box.appendChild(title);
    box.appendChild(body);
    box.appendChild(button);
    document.body.appendChild(box);
    button.focus();
  }

  function isWasmFailure(error) {
    return typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError;
  }

  window.addEventListener('error', function (event) {
    if (isWasmFailure(event.error)) crashed();
  });
  window.addEventListener('unhandledrejection', function (event) {
    if (isWasmFailure(event.reason)) crashed();
  });

  window.ocopPwa = {
    get updateReady() { return state.updateReady; },
    applyUpdate: applyUpdate,
    crashed: crashed,
  };

  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persist().catch(function () {});
  }

  if (!('serviceWorker' in navigator)) return;
  function updateReady(worker) {
    state.waiting = worker;
    state.updateReady = true;
    window.dispatchEvent(new Event('ocop-update-ready'));
  }
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    // Only reload for an update the visitor (or a kiosk reset) asked for.
    if (state.updateReady && !state.reloading) {
      state.reloading = true;
      reload();
    }
  });
  window.addEventListener('load', function () {
    navigator.serviceWorker
      .register('/sw.js')
      .then(function (registration) {
        if (registration.waiting && navigator.serviceWorker.controller) updateReady(registration.waiting);
        registration.addEventListener('updatefound', function () {
          var worker = registration.installing;
          if (!worker) return;
          worker.addEventListener('statechange', function () {
            if (worker.state === 'installed' && navigator.serviceWorker.controller) updateReady(worker);
          });
        });
        // Kiosks and tabs left open for days look for a new build every 30 minutes.
        setInterval(function () { registration.update().catch(function () {}); }, 30 * 60 * 1000);
      })
      .catch(function () {});
  });
})();
