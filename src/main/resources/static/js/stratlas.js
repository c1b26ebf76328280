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
  // Checklists (the searchable multi-selects): a filter box that hides the options that do
  // not match, buttons that mark or clear the shown ones, and a count of the marked.
  function checklistCount(list) {
    var box = list.closest('.checklist');
    var count = box && box.querySelector('[data-checklist-count]');
    if (count) {
      var marked = list.querySelectorAll('input[type=checkbox]:checked').length;
      count.textContent = marked + ' / ' + list.querySelectorAll('input[type=checkbox]').length;
    }
  }
  document.querySelectorAll('.checklist').forEach(function (box) {
    var tools = box.querySelector('.checklist-tools');
    var list = box.querySelector('.checklist-options');
    if (tools && list) {
      tools.hidden = false;
      checklistCount(list);
      list.addEventListener('change', function () { checklistCount(list); });
    }
  });
  // Every other multiple select becomes a checklist too: a filter box and checkboxes that
  // keep the select's options in step (the select stays the form's field, hidden). Without
  // script the select is there as it is.
  document.querySelectorAll('select[multiple]').forEach(function (select, n) {
    var id = select.id || ('multi-' + n);
    var box = document.createElement('div');
    box.className = 'checklist enhanced';
    var tools = document.createElement('div');
    tools.className = 'checklist-tools';
    var filter = document.createElement('input');
    filter.type = 'search';
    filter.id = id + '-filter';
    filter.maxLength = 100;
    filter.autocomplete = 'off';
    filter.setAttribute('data-checklist-filter', '');
    filter.setAttribute('aria-controls', id + '-options');
    var label = document.querySelector('label[for="' + id + '"]');
    filter.setAttribute('aria-label', (label ? label.textContent.trim() + ': ' : '') + (document.documentElement.lang === 'en' ? 'search' : 'sök'));
    if (label) { label.setAttribute('for', filter.id); }
    var count = document.createElement('span');
    count.className = 'muted';
    count.setAttribute('data-checklist-count', '');
    count.setAttribute('aria-live', 'polite');
    tools.appendChild(filter);
    tools.appendChild(count);
    var list = document.createElement('div');
    list.className = 'checklist-options';
    list.id = id + '-options';
    var index = 0;
    Array.prototype.forEach.call(select.children, function (child) {
      var options = child.tagName === 'OPTGROUP' ? child.children : [child];
      if (child.tagName === 'OPTGROUP') {
        var heading = document.createElement('p');
        heading.className = 'checklist-group';
        heading.textContent = child.label;
        list.appendChild(heading);
      }
      Array.prototype.forEach.call(options, function (option) {
        var row = document.createElement('div');
        row.className = 'check';
        var check = document.createElement('input');
        check.type = 'checkbox';
        check.id = id + '-o' + (index++);
        check.checked = option.selected;
        check.addEventListener('change', function () { option.selected = check.checked; });
        var text = document.createElement('label');
        text.setAttribute('for', check.id);
        text.textContent = option.textContent;
        row.appendChild(check);
        row.appendChild(text);
        list.appendChild(row);
      });
    });
    box.appendChild(tools);
    box.appendChild(list);
    select.hidden = true;
    select.tabIndex = -1;
    select.setAttribute('aria-hidden', 'true');
    select.parentNode.insertBefore(box, select.nextSibling);
    checklistCount(list);
    list.addEventListener('change', function () { checklistCount(list); });
  });
  document.addEventListener('input', function (event) {
    var filter = event.target.closest('[data-checklist-filter]');
    if (!filter) { return; }
    var list = document.getElementById(filter.getAttribute('aria-controls'));
    var words = filter.value.toLowerCase().trim();
    list.querySelectorAll('.check').forEach(function (option) {
      option.hidden = words !== '' && option.textContent.toLowerCase().indexOf(words) < 0;
    });
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-checklist-all], [data-checklist-none]');
    if (!button) { return; }
    var list = document.getElementById(button.getAttribute('aria-controls'));
    var mark = button.hasAttribute('data-checklist-all');
    list.querySelectorAll('.check').forEach(function (option) {
      var box = option.querySelector('input[type=checkbox]');
      if (!option.hidden && box) { box.checked = mark; }
    });
    checklistCount(list);
  });
  // The Markdown toolbar: buttons with data-md act on the textarea their aria-controls names.
  function replaceSelection(area, before, after, placeholder) {
    var start = area.selectionStart, end = area.selectionEnd;
    var selected = area.value.substring(start, end) || placeholder;
    area.setRangeText(before + selected + after, start, end, 'end');
    area.focus();
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-md]');
    if (button) {
      var area = document.getElementById(button.getAttribute('aria-controls'));
      if (!area) { return; }
      var kind = button.getAttribute('data-md');
      if (kind === 'bold') { replaceSelection(area, '**', '**', 'text'); }
      if (kind === 'italic') { replaceSelection(area, '_', '_', 'text'); }
      if (kind === 'heading') { replaceSelection(area, '\n### ', '\n', 'Rubrik'); }
      if (kind === 'list') { replaceSelection(area, '\n- ', '\n', 'punkt'); }
      if (kind === 'link') { replaceSelection(area, '[', '](https://)', 'länktext'); }
      return;
    }
    // Insert a prepared text: data-insert-md holds the Markdown, aria-controls the textarea.
    var prepared = event.target.closest('[data-insert-md]');
    if (prepared) {
      var into = document.getElementById(prepared.getAttribute('aria-controls'));
      if (into) {
        replaceSelection(into, prepared.getAttribute('data-insert-md'), '', '');
      }
      return;
    }
    // Insert a live reference: data-insert-ref="indikator|insats", data-source names the select.
    var insert = event.target.closest('[data-insert-ref]');
    if (insert) {
      var target = document.getElementById(insert.getAttribute('aria-controls'));
      var source = document.getElementById(insert.getAttribute('data-source'));
      var area = document.getElementById(insert.getAttribute('data-area') || '');
      if (target && source && source.value) {
        var at = area && area.value ? '@' + area.value : '';
        replaceSelection(target, '[[' + insert.getAttribute('data-insert-ref') + ':' + source.value + at + ']]', '', '');
      }
    }
  });
  // A table wider than its scroll box can be scrolled with the keyboard: the box becomes a named,
  // focusable region (WCAG 2.1.1; axe scrollable-region-focusable). Boxes that fit stay out of the tab order.
  function keyboardScroll() {
    document.querySelectorAll('.table-wrap').forEach(function (box) {
      if (box.hasAttribute('data-region-static')) { return; }
      if (box.scrollWidth > box.clientWidth + 1) {
        var caption = box.querySelector('caption');
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', caption && caption.textContent.trim() ? caption.textContent.trim()
          : (document.documentElement.lang === 'en' ? 'Table' : 'Tabell'));
      } else if (box.getAttribute('tabindex') === '0') {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    });
  }
  var resizeTimer;
  document.addEventListener('DOMContentLoaded', keyboardScroll);
  window.addEventListener('load', keyboardScroll);
  document.addEventListener('htmx:afterSettle', keyboardScroll);
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(keyboardScroll, 150);
  });
})();
