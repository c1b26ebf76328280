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
  function setNode(toggle, open) {
    var list = document.getElementById(toggle.getAttribute('aria-controls'));
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (list) {
      list.hidden = !open;
    }
  }
  document.addEventListener('click', function (event) {
    // One node of a tree: a button with data-tree-node, aria-expanded and aria-controls.
    var node = event.target.closest('[data-tree-node]');
    if (node) {
      setNode(node, node.getAttribute('aria-expanded') !== 'true');
      return;
    }
    // All nodes of a tree: buttons with data-tree-toggle="open|close" and aria-controls naming the tree.
    var all = event.target.closest('[data-tree-toggle]');
    if (!all) {
      return;
    }
    var tree = document.getElementById(all.getAttribute('aria-controls'));
    if (tree) {
      var open = all.getAttribute('data-tree-toggle') === 'open';
      tree.querySelectorAll('[data-tree-node]').forEach(function (n) { setNode(n, open); });
    }
  });
})();
