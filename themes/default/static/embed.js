// Lite embeds: a video card is a link until the reader clicks it; only then does the player
// (youtube-nocookie.com or Vimeo with dnt=1) load, in place of the card. Nothing from the
// video site loads before that click. Without JavaScript the card stays a link to the video.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-embed-src]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  var src = link.getAttribute("data-embed-src");
  if (!/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(src)) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = src;
  frame.title = link.textContent;
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  frame.className = "embed-player";
  link.parentNode.replaceChild(frame, link);
  frame.focus();
});
