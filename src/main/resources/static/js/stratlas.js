// Stratlas: the little script the pages need. No inline scripts anywhere (Content-Security-Policy).
(function () {
  'use strict';
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  // htmx requests carry the CSRF token like forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) {
      event.detail.headers[c.header] = c.token;
    }
  });
  // Forms and buttons that ask before doing something that cannot be undone: data-confirm="question".
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  // Expand or collapse all nodes of a tree: buttons with data-tree-toggle="open|close" and aria-controls.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-tree-toggle]');
    if (!button) {
      return;
    }
    var tree = document.getElementById(button.getAttribute('aria-controls'));
    if (!tree) {
      return;
    }
    var open = button.getAttribute('data-tree-toggle') === 'open';
    tree.querySelectorAll('details').forEach(function (d) { d.open = open; });
  });
})();
