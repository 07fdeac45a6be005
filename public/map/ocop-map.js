// The one place that talks to Leaflet. The Rust side (src/browser/leaflet.rs, for src/components/map.rs)
// loads Leaflet and this file only when a map is shown, then calls `window.ocopMap`.
//
// Data never reaches innerHTML here: names go through `textContent` and the `title`
// attribute, so a hostile dataset cannot inject markup through a marker or a tooltip.
(function () {
  "use strict";

  function text(tag, className, value) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = value;
    return el;
  }

  // Leaflet writes attribution strings as HTML; credits come from config.json, so escape.
  function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // The outline is fetched once per page load and reused by every later map, so maps keep
  // drawing it after the connection drops.
  var outlines = {};
  function loadOutline(url) {
    if (!outlines[url]) {
      outlines[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error("outline " + r.status);
        return r.json();
      });
      outlines[url].catch(function () {
        delete outlines[url];
      });
    }
    return outlines[url];
  }

  function create(element, options) {
    var map = L.map(element, {
      zoomSnap: 0.25,
      minZoom: 6,
      // The deepest zoom: the Rust side works out, at this zoom, which places no zoom can
      // pull apart (ocop_core::map_spots::same_spot), so both must use the same number.
      maxZoom: options.maxZoom,
      // The page must not scroll-zoom by accident on a kiosk or a phone; pinch and the
      // +/- buttons still zoom the map.
      scrollWheelZoom: false,
      tapTolerance: 20,
      attributionControl: true,
    });
    map.attributionControl.setPrefix(false);
    var bounds = options.bounds;
    map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
    var markers = L.layerGroup().addTo(map);
    var state = { map: map, markers: markers, list: [], path: null, onSelect: null, locateLayer: null, clusterLabel: options.clusterLabel, spotLabel: options.spotLabel };
    map.on("zoomend", function () {
      draw(state);
    });

    // The offline basemap: province and neighbours, shipped with the app.
    loadOutline(options.outlineUrl)
      .then(function (geojson) {
        var outline = L.geoJSON(geojson, {
          interactive: false,
          style: function (feature) {
            var province = feature.properties && feature.properties.role === "province";
            return province
              ? { color: "#0b5d4b", weight: 2, fillColor: "#cfe8df", fillOpacity: 1, className: "outline-province" }
              : { color: "#7a8a86", weight: 1, fillColor: "#eceeed", fillOpacity: 1, className: "outline-neighbour" };
          },
        });
        outline.addTo(map);
        outline.bringToBack();
        map.attributionControl.addAttribution(escapeHtml(options.outlineAttribution));
        element.setAttribute("data-outline", "ready");
      })
      .catch(function () {
        element.setAttribute("data-outline", "failed");
      });

    // Online tiles are a bonus: if the server is unreachable the outline still shows.
    if (options.tiles) {
      var tiles = L.tileLayer(options.tiles.url, {
        maxZoom: options.tiles.maxZoom,
        attribution: escapeHtml(options.tiles.attribution),
        crossOrigin: true,
      });
      tiles.on("tileerror", function () {
        element.setAttribute("data-tiles", "failed");
      });
      tiles.addTo(map);
    }
    return state;
  }

  // markers: [{ key, lat, lon, name, kind, label, dim, selected, spot }]; markers sharing
  // a `spot` are closer than GROUP_PX even at the deepest zoom.
  function setMarkers(state, markers) {
    state.list = markers;
    draw(state);
  }

  // Markers closer than this (in screen pixels) are drawn as one group. Each group sits at
  // its first member, and a new group starts only this far from every other, so no two
  // 44 px touch targets ever overlap (WCAG 2.5.8), at any zoom.
  var GROUP_PX = 48;

  function groups(state) {
    var map = state.map;
    var out = [];
    state.list.forEach(function (m) {
      var p = map.latLngToLayerPoint([m.lat, m.lon]);
      for (var i = 0; i < out.length; i++) {
        if (out[i].point.distanceTo(p) < GROUP_PX) {
          out[i].members.push(m);
          return;
        }
      }
      out.push({ point: p, members: [m] });
    });
    return out;
  }

  function draw(state) {
    // A marker with the keyboard focus keeps it through the redraw (a zoom, a fly-to): the
    // new marker or group holding the same place takes it.
    var active = document.activeElement;
    var focused = null;
    if (active && state.map.getContainer().contains(active)) {
      focused = active.getAttribute("data-key") || (active.getAttribute("data-keys") || "").split(",")[0] || null;
    }
    state.markers.clearLayers();
    groups(state).forEach(function (g) {
      if (g.members.length === 1) drawOne(state, g.members[0]);
      else drawGroup(state, g.members);
    });
    if (focused) focusMarker(state, focused);
  }

  function drawOne(state, m) {
    var icon = document.createElement("span");
    icon.className = "pin-dot";
    if (m.label) icon.appendChild(text("span", "pin-label", m.label));
    var classes = "pin pin-" + m.kind + (m.dim ? " pin-dim" : "") + (m.selected ? " pin-selected" : "");
    var marker = L.marker([m.lat, m.lon], {
      // 44 px square: the touch target, with a smaller dot drawn inside by CSS.
      icon: L.divIcon({ className: classes, html: icon, iconSize: [44, 44], iconAnchor: [22, 22] }),
      title: m.name,
      keyboard: true,
      zIndexOffset: m.selected ? 1000 : 0,
    });
    marker.on("click", function () {
      if (state.onSelect) state.onSelect(m.key);
    });
    marker.addTo(state.markers);
    var el = marker.getElement();
    el.setAttribute("aria-label", m.label ? m.label + ". " + m.name : m.name);
    el.setAttribute("data-key", m.key);
  }

  function drawGroup(state, members) {
    var map = state.map;
    var first = members[0];
    var labels = members.map(function (m) { return m.label; }).filter(Boolean);
    var dot = text("span", "pin-dot", labels.length === members.length && labels.length <= 3 ? labels.join("·") : String(members.length));
    var names = members.map(function (m) { return m.name; }).join(", ");
    var selected = members.some(function (m) { return m.selected; });
    // All at one spot: no zoom separates them, so a tap lists them instead of zooming.
    var oneSpot = members.every(function (m) { return m.spot === first.spot; });
    var marker = L.marker([first.lat, first.lon], {
      icon: L.divIcon({ className: "pin pin-cluster" + (oneSpot ? " pin-spot" : "") + (selected ? " pin-selected" : ""), html: dot, iconSize: [44, 44], iconAnchor: [22, 22] }),
      title: names,
      keyboard: true,
      zIndexOffset: 500,
    });
    marker.on("click", function () {
      if (oneSpot || map.getZoom() >= map.getMaxZoom()) {
        if (state.onSelect) state.onSelect(members.map(function (m) { return m.key; }).join(","));
        return;
      }
      // Zoom in far enough to separate them (at least one step).
      var bounds = L.latLngBounds(members.map(function (m) { return [m.lat, m.lon]; }));
      var zoom = map.getBoundsZoom(bounds, false, L.point(GROUP_PX * 2, GROUP_PX * 2));
      map.setView(bounds.getCenter(), Math.min(Math.max(zoom, map.getZoom() + 1), map.getMaxZoom()));
    });
    marker.addTo(state.markers);
    var el = marker.getElement();
    var label = oneSpot ? state.spotLabel : state.clusterLabel;
    el.setAttribute("aria-label", label.replace("{count}", String(members.length)) + ": " + names);
    el.setAttribute("data-count", String(members.length));
    el.setAttribute("data-keys", members.map(function (m) { return m.key; }).join(","));
  }

  function setPath(state, points) {
    if (state.path) {
      state.path.remove();
      state.path = null;
    }
    if (points && points.length > 1) {
      state.path = L.polyline(points, { color: "#9c3d10", weight: 4, opacity: 0.85, dashArray: "8 6", interactive: false, className: "route-line" });
      state.path.addTo(state.map);
    }
  }

  function fit(state, points) {
    if (!points || points.length === 0) return;
    if (points.length === 1) {
      state.map.setView(points[0], 11, { animate: false });
    } else {
      state.map.fitBounds(points, { padding: [30, 30], maxZoom: 12, animate: false });
    }
  }

  // Brings a place into view, at least at `minZoom`, with the point in the upper part of the
  // map: on a phone the place's sheet covers the lower part.
  function reveal(state, lat, lon, minZoom) {
    var map = state.map;
    var zoom = Math.min(Math.max(map.getZoom(), minZoom), map.getMaxZoom());
    var size = map.getSize();
    var point = map.project([lat, lon], zoom).add([0, size.y * 0.2]);
    var center = map.unproject(point, zoom);
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    // Below 64rem the sheet is a bottom sheet (style/main.css): the map goes to the top of
    // the screen so that it stays visible above the sheet.
    if (window.matchMedia && window.matchMedia("(max-width: 63.99rem)").matches) {
      map.getContainer().scrollIntoView({ block: "start" });
    }
    if (still) map.setView(center, zoom, { animate: false });
    else map.flyTo(center, zoom, { duration: 0.5 });
  }

  // Focuses the marker of `key`, or the group holding it; false when none is drawn.
  function focusMarker(state, key) {
    var icons = state.map.getContainer().querySelectorAll(".leaflet-marker-icon");
    for (var i = 0; i < icons.length; i++) {
      var el = icons[i];
      var keys = (el.getAttribute("data-keys") || "").split(",");
      if (el.getAttribute("data-key") === key || keys.indexOf(key) >= 0) {
        el.focus();
        return true;
      }
    }
    return false;
  }

  function onSelect(state, callback) {
    state.onSelect = callback;
  }

  // callback(ok, lat, lon, code): code 1 = permission denied, 2 = unavailable, 3 = timeout,
  // 0 = geolocation not supported.
  function locate(state, callback) {
    if (!navigator.geolocation) {
      callback(false, 0, 0, 0);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        var ll = [pos.coords.latitude, pos.coords.longitude];
        if (state.locateLayer) state.locateLayer.remove();
        state.locateLayer = L.circleMarker(ll, { radius: 9, color: "#1a4fa0", fillColor: "#2f6fd0", fillOpacity: 0.9 });
        state.locateLayer.addTo(state.map);
        state.map.setView(ll, Math.max(state.map.getZoom(), 11));
        callback(true, ll[0], ll[1], -1);
      },
      function (err) {
        callback(false, 0, 0, err && err.code ? err.code : 2);
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
    );
  }

  function invalidate(state) {
    state.map.invalidateSize();
  }

  function destroy(state) {
    state.onSelect = null;
    state.map.remove();
  }

  window.ocopMap = {
    create: create,
    setMarkers: setMarkers,
    setPath: setPath,
    fit: fit,
    onSelect: onSelect,
    locate: locate,
    invalidate: invalidate,
    reveal: reveal,
    focusMarker: focusMarker,
    destroy: destroy,
  };
})();
