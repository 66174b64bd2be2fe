// statuspress: show each time also in the reader's own time zone, where the browser says
// which it is. The page's own text (the site's zone and UTC) stays as written without
// JavaScript, and stays available as each time's tooltip.
(function () {
  "use strict";
  var root = document.documentElement;
  var label = root.getAttribute("data-local-time");
  if (!label || !window.Intl || !Intl.DateTimeFormat) return;
  var reader;
  try {
    reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!reader || reader === root.getAttribute("data-time-zone")) return;
  var format;
  try {
    format = new Intl.DateTimeFormat(root.lang || undefined, {
      day: "numeric", month: "short", year: "numeric",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23",
      timeZone: reader, timeZoneName: "short"
    });
  } catch (e) {
    return;
  }
  var times = document.querySelectorAll("time[datetime]");
  for (var i = 0; i < times.length; i++) {
    var element = times[i];
    var stamp = element.getAttribute("datetime");
    if (!/T\d\d:\d\d(:\d\d)?Z$/.test(stamp)) continue;  // a date alone has no zone
    var when = new Date(stamp);
    if (isNaN(when.getTime())) continue;
    element.title = element.textContent;
    element.textContent = label.replace("%(time)s", format.format(when));
    element.setAttribute("data-zone", reader);
  }
})();
