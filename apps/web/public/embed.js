// Parley's voice widget for any web page:
//   <script src="https://<parley>/embed.js" data-flow="<flow slug>" data-key="<publishable key>" async></script>
// It puts the widget (an iframe of /embed/<flow>?key=<key>) where the script tag is. The key is
// publishable: it opens only its one flow, only inside the sites it allows.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const flow = script.dataset.flow;
  const key = script.dataset.key;
  if (!flow || !key) {
    console.error('Parley widget: the script tag needs data-flow (the flow slug) and data-key (a publishable key)');
    return;
  }
  const frame = document.createElement('iframe');
  frame.src = `${new URL(script.src).origin}/embed/${encodeURIComponent(flow)}?key=${encodeURIComponent(key)}`;
  frame.title = script.dataset.title || 'Voice agent';
  frame.allow = 'microphone; autoplay';
  frame.style.border = '0';
  frame.style.width = script.dataset.width || '360px';
  frame.style.height = script.dataset.height || '480px';
  script.after(frame);
})();
