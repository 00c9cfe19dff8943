/*
 * Almanac embeds: plays the video of a youtube or vimeo shortcode where
 * its link stands (layouts/partials/shortcodes/video.html).
 *
 * Until a reader clicks the link, the page asks nothing of YouTube or
 * Vimeo: the figure holds a link to the video's page, which is where a
 * reader without JavaScript goes. On a click, the player named by the
 * figure's data-player, and only a player of those two hosts, takes the
 * link's place, in the same box, and starts.
 */
(function () {
  'use strict';
  var players = /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)[A-Za-z0-9_-]+\?/;

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.embed__play');
    var figure = link && link.closest('.embed');
    var src = figure && figure.getAttribute('data-player');
    if (!src || !players.test(src) || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    var frame = document.createElement('iframe');
    frame.className = 'embed__player';
    frame.src = src;
    frame.title = figure.getAttribute('data-title') || '';
    frame.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
    frame.setAttribute('allowfullscreen', '');
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    link.parentNode.replaceChildren(frame);
    frame.focus();
  });
})();
