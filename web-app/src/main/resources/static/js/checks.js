// The replay's progress bar, moved by the web app's relay of the reporting service's progress
// events; without scripts the page shows where the replay stood when it was drawn.
(function () {
  var replay = document.getElementById('replay');
  if (!replay || !window.EventSource) return;
  var bar = document.getElementById('replay-progress');
  var status = document.getElementById('replay-status');
  var source = null;

  function show(progress) {
    bar.value = progress.percent;
    bar.textContent = progress.percent + ' %';
    replay.dataset.state = progress.state;
    if (progress.state === 'DONE') {
      replay.dataset.equal = String(progress.equal);
      status.textContent = progress.equal ? replay.dataset.doneEqual : replay.dataset.doneDiffer;
    } else if (progress.state === 'FAILED') {
      status.textContent = replay.dataset.failed + (progress.error ? ': ' + progress.error : '');
    } else if (progress.state === 'RUNNING') {
      status.textContent = replay.dataset.running + ' ' + progress.recordsRead + ' / ' + progress.recordsTotal;
    }
    if ((progress.state === 'DONE' || progress.state === 'FAILED') && source) source.close();
  }

  if (replay.dataset.state === 'RUNNING' || location.search.indexOf('replay=started') >= 0) {
    source = new EventSource('/audit/replay/progress');
    source.addEventListener('progress', function (event) { show(JSON.parse(event.data)); });
    source.onerror = function () { source.close(); };
  }
})();
