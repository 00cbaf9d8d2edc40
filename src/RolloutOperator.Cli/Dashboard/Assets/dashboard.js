// rollout-operator dashboard: live updates over server-sent events, the search filter and action confirmations.
// Plain script, no build step. Everything works without it (forms post, a confirmation page appears), only less live.
(function () {
  'use strict';

  function applySearch() {
    var input = document.getElementById('search');
    if (!input) { return; }
    var q = input.value.trim().toLowerCase();
    document.querySelectorAll('tr[data-search]').forEach(function (row) {
      row.hidden = q.length > 0 && row.getAttribute('data-search').indexOf(q) < 0;
    });
  }

  function connect(status) {
    var text = status.querySelector('.live-text');
    var source = new EventSource(status.getAttribute('data-source'));
    source.addEventListener('open', function () {
      status.className = 'live on';
      text.textContent = 'live';
    });
    source.addEventListener('error', function () {
      status.className = 'live off';
      text.textContent = 'reconnecting…';
    });
    source.addEventListener('gone', function () {
      source.close();
      status.className = 'live off';
      text.textContent = 'this Rollout was deleted';
    });
    source.addEventListener('update', function (e) {
      var live = document.getElementById('live');
      if (!live) { return; }
      // Keep keyboard focus on the same button across the swap.
      var focused = document.activeElement && live.contains(document.activeElement) ? document.activeElement.className : null;
      live.innerHTML = e.data;
      applySearch();
      if (focused) {
        var again = live.querySelector('.' + focused.split(' ')[0]);
        if (again) { again.focus(); }
      }
      document.dispatchEvent(new CustomEvent('dashboard:updated'));
    });
  }

  function dialog() {
    var d = document.getElementById('confirm-dialog');
    if (d) { return d; }
    d = document.createElement('dialog');
    d.id = 'confirm-dialog';
    d.setAttribute('aria-labelledby', 'confirm-text');
    d.innerHTML = '<form method="dialog"><p id="confirm-text"></p><menu>' +
      '<button value="cancel" type="submit">Cancel</button>' +
      '<button value="ok" type="submit" class="danger" id="confirm-ok">Confirm</button></menu></form>';
    document.body.appendChild(d);
    return d;
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    var message = form.getAttribute('data-confirm');
    if (!message) { return; }
    e.preventDefault();
    var d = dialog();
    d.querySelector('#confirm-text').textContent = message;
    d.returnValue = '';
    d.onclose = function () {
      if (d.returnValue !== 'ok') { return; }
      // A live update may have replaced the form meanwhile: submit a copy of the one whose revision was confirmed.
      var copy = form.cloneNode(true);
      copy.removeAttribute('data-confirm');
      copy.hidden = true;
      var confirmed = document.createElement('input');
      confirmed.type = 'hidden';
      confirmed.name = 'confirmed';
      confirmed.value = 'yes';
      copy.appendChild(confirmed);
      document.body.appendChild(copy);
      copy.submit();
    };
    d.showModal();
    d.querySelector('button[value="cancel"]').focus();
  });

  document.addEventListener('DOMContentLoaded', function () {
    var search = document.getElementById('search');
    if (search) { search.addEventListener('input', applySearch); applySearch(); }
    var status = document.getElementById('live-status');
    if (status && window.EventSource) { connect(status); }
  });
}());
