/* OneGrid pages: CSRF for htmx, grid maps (Leaflet on a plain background), the phone's
   position, and an early word on photos that are too large. No inline scripts (CSP). */
(function () {
  'use strict';

  var csrf = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  document.addEventListener('htmx:configRequest', function (e) {
    if (csrf && csrfHeader) { e.detail.headers[csrfHeader.content] = csrf.content; }
  });

  var gridsPromise = null;
  function grids() {
    if (!gridsPromise) {
      gridsPromise = fetch('/map/grids.geojson', { credentials: 'same-origin' }).then(function (r) { return r.json(); });
    }
    return gridsPromise;
  }

  /** A map of the base grids in element el; resolves to {map, layer, byCode}. */
  function gridMap(el, style) {
    var map = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
    var tiles = document.querySelector('meta[name="tile-url"]');
    if (tiles && tiles.content) { L.tileLayer(tiles.content, { maxZoom: 19 }).addTo(map); }
    var highlight = (el.dataset.highlight || '').split(',').filter(Boolean);
    return grids().then(function (collection) {
      var byCode = {};
      var layer = L.geoJSON(collection, {
        style: style || function (f) {
          var mine = highlight.indexOf(f.properties.code) >= 0;
          return { color: mine ? '#0b5cad' : '#7b8da0', weight: mine ? 2 : 1, fillColor: mine ? '#4f8fd6' : '#c9d6e3',
                   fillOpacity: mine ? 0.35 : 0.15 };
        },
        onEachFeature: function (f, l) { byCode[f.properties.code] = l; l.bindTooltip(f.properties.name + ' ' + f.properties.code); }
      }).addTo(map);
      var fit = (el.dataset.fit || '').split(',').filter(function (c) { return byCode[c]; });
      if (fit.length) {
        map.fitBounds(L.featureGroup(fit.map(function (c) { return byCode[c]; })).getBounds(), { padding: [10, 10] });
      } else if (layer.getLayers().length) {
        map.fitBounds(layer.getBounds());
      } else {
        map.setView([34.6, 119.2], 12);
      }
      placeLabels(map, byCode);
      return { map: map, layer: layer, byCode: byCode };
    });
  }

  /**
   * Names to find a place by: streets when the whole district shows, communities closer in, base
   * grids closest; each label sits at the centre of the grids whose codes begin with its code.
   */
  function placeLabels(map, byCode) {
    var codes = Object.keys(byCode);
    function label(name, level, bounds) {
      var text = document.createElement('span');
      text.textContent = name;
      return L.marker(bounds.getCenter(), { interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'place-label ' + level, html: text, iconSize: null }) });
    }
    var layers = { street: L.layerGroup(), community: L.layerGroup(), grid: L.layerGroup() };
    codes.forEach(function (c) {
      var l = byCode[c];
      layers.grid.addLayer(label(l.feature.properties.name, 'grid', l.getBounds()));
    });
    fetch('/map/places.json', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (places) {
      places.forEach(function (p) {
        var bounds = null;
        codes.forEach(function (c) {
          if (c.indexOf(p.code) === 0) {
            var b = byCode[c].getBounds();
            bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
          }
        });
        var level = p.level === 'STREET' ? 'street' : 'community';
        if (bounds) { layers[level].addLayer(label(p.name, level, bounds)); }
      });
      function show() {
        var z = map.getZoom();
        [['street', z < 14], ['community', z >= 13.5 && z < 16], ['grid', z >= 16]].forEach(function (s) {
          if (s[1]) { layers[s[0]].addTo(map); } else { layers[s[0]].remove(); }
        });
      }
      map.on('zoomend', show);
      show();
    });
  }

  function setupMap(el) {
    gridMap(el).then(function (m) {
      var marker = null;
      function place(lat, lng, pan) {
        if (marker) { marker.setLatLng([lat, lng]); } else { marker = L.circleMarker([lat, lng], { radius: 8, color: '#b3261e', fillOpacity: 0.8 }).addTo(m.map); }
        if (pan) { m.map.panTo([lat, lng]); }
      }
      var lat = parseFloat(el.dataset.lat), lng = parseFloat(el.dataset.lng);
      if (!isNaN(lat) && !isNaN(lng)) { place(lat, lng, false); m.map.setView([lat, lng], 15, { animate: false }); }
      if (el.dataset.pick) {
        var latIn = document.getElementById('lat'), lngIn = document.getElementById('lng');
        if (latIn && latIn.value && lngIn.value) { place(parseFloat(latIn.value), parseFloat(lngIn.value), true); }
        var pick = function (la, ln) {
          latIn.value = la.toFixed(6); lngIn.value = ln.toFixed(6); place(la, ln, true);
        };
        m.layer.on('click', function (e) { pick(e.latlng.lat, e.latlng.lng); });
        m.map.on('click', function (e) { pick(e.latlng.lat, e.latlng.lng); });
        el.oneGridPick = pick;
      }
    });
  }

  function setupGeolocate(button) {
    button.addEventListener('click', function () {
      var mapEl = document.querySelector('[data-map][data-pick]');
      if (!navigator.geolocation) { alert(button.dataset.fail); return; }
      navigator.geolocation.getCurrentPosition(function (pos) {
        if (mapEl && mapEl.oneGridPick) { mapEl.oneGridPick(pos.coords.latitude, pos.coords.longitude); }
      }, function () { alert(button.dataset.fail); }, { enableHighAccuracy: true, timeout: 10000 });
    });
  }

  function setupPhoto(input) {
    input.addEventListener('change', function () {
      var max = parseInt(input.dataset.maxBytes, 10);
      var f = input.files && input.files[0];
      input.setCustomValidity(f && f.size > max ? input.dataset.tooLarge : '');
      input.reportValidity();
    });
  }

  document.addEventListener('click', function (e) {
    // A form's table grows by a copy of its last row, emptied (the issue form of assignment sheets).
    var add = e.target.closest('[data-add-row]');
    if (add) {
      var rows = document.querySelectorAll(add.dataset.addRow + ' [data-item-row]');
      var last = rows[rows.length - 1];
      var copy = last.cloneNode(true);
      copy.querySelectorAll('input, select').forEach(function (f) { f.value = ''; });
      copy.querySelectorAll('.field-error').forEach(function (m) { m.remove(); });
      last.parentNode.appendChild(copy);
      return;
    }
    var chip = e.target.closest('[data-pick-category]');
    if (chip) {
      var select = document.getElementById('categoryCode');
      if (select) { select.value = chip.dataset.pickCategory; }
    }
  });

  /** A form with data-fill-position gets the phone's position in its lat and lng fields, when the phone gives one. */
  function fillPosition(form) {
    if (!navigator.geolocation) { return; }
    navigator.geolocation.getCurrentPosition(function (pos) {
      form.querySelector('[name=lat]').value = pos.coords.latitude.toFixed(6);
      form.querySelector('[name=lng]').value = pos.coords.longitude.toFixed(6);
    }, function () {}, { enableHighAccuracy: true, timeout: 10000 });
  }

  /** A patrol under way: each new position goes to the track, and into the finding form's lat and lng. */
  function setupPatrol(el) {
    if (!navigator.geolocation) { return; }
    var queue = [];
    var sending = false;
    var send = function () {
      if (sending || !queue.length) { return; }
      sending = true;
      var batch = queue.splice(0, queue.length);
      var headers = { 'Content-Type': 'application/json' };
      if (csrf && csrfHeader) { headers[csrfHeader.content] = csrf.content; }
      fetch('/m/patrol/' + el.dataset.patrolTrack + '/track', { method: 'POST', credentials: 'same-origin', headers: headers,
        body: JSON.stringify({ positions: batch }) })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          sending = false;
          if (d) {
            document.getElementById('patrol-points').textContent = d.points;
            document.getElementById('patrol-distance').textContent = d.distanceMeters;
          }
          send();
        }, function () { sending = false; queue = batch.concat(queue); });
    };
    navigator.geolocation.watchPosition(function (pos) {
      var p = { at: new Date(pos.timestamp).toISOString(), lat: pos.coords.latitude, lng: pos.coords.longitude };
      document.querySelectorAll('[data-position=lat]').forEach(function (i) { i.value = p.lat.toFixed(6); });
      document.querySelectorAll('[data-position=lng]').forEach(function (i) { i.value = p.lng.toFixed(6); });
      queue.push(p);
      send();
    }, function () {}, { enableHighAccuracy: true, maximumAge: 5000 });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-fill-position]').forEach(fillPosition);
    document.querySelectorAll('[data-patrol-track]').forEach(setupPatrol);
    document.querySelectorAll('[data-map]').forEach(setupMap);
    document.querySelectorAll('[data-geolocate]').forEach(setupGeolocate);
    document.querySelectorAll('input[type=file][data-max-bytes]').forEach(setupPhoto);
  });

  window.OneGrid = { gridMap: gridMap };
})();
