// The widget's line to the page that embeds it. State goes up by postMessage to any origin (the embedding site
// is not known in advance, and nothing private is sent); commands are taken only from the embedding window.

export class HostLink {
  constructor() {
    this.host = window.parent !== window ? window.parent : null; // null: embed.html opened on its own
  }

  /** Sends {aivj: 1, type, ...fields} to the embedding page. */
  send(type, fields = {}) {
    if (!this.host) return;
    try {
      this.host.postMessage({ aivj: 1, type, ...fields }, '*');
    } catch (e) {
      console.warn('AIVJ widget: could not tell the page', e);
    }
  }

  /** Calls handler(command) for {aivj: 1, type: 'command', command} from the embedding window. */
  onCommand(handler) {
    window.addEventListener('message', (event) => {
      const message = event.data;
      if (!this.host || event.source !== this.host || !message || message.aivj !== 1 || message.type !== 'command') {
        return;
      }
      handler(String(message.command));
    });
  }
}
