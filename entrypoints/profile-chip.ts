import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { profilePageUsername } from '@/utils/instagram/profile-page';
import type { ChipMessage, TabReplies, WireReply } from '@/utils/messaging/protocol';
import type { ChipState } from '@/utils/profile-status/profile-tabs';
import { CHIP_CSS } from '@/utils/profile-status/chip-style';

/** The few calls the chip makes, as both browsers give them to content scripts (no polyfill: the chip stays small). */
interface ChipRuntime {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: unknown) => void): void };
  };
}

/**
 * "Show status on instagram.com": a small chip on a creator's profile page with their status
 * for the chosen brand. Registered at run time only while the person has the feature on. It
 * reads nothing of the page but its address, asks the background only for its own tab's
 * status (the background reads the creator from the tab's address), and lives in its own
 * shadow root so no style crosses between it and instagram.com.
 */
export default defineUnlistedScript(() => {
  const api = ((globalThis as { browser?: ChipRuntime }).browser ?? (globalThis as unknown as { chrome: ChipRuntime }).chrome).runtime;
  const host = document.createElement('collab-desk-chip');
  // Inline and important: a page rule about custom elements cannot hide or move the chip.
  host.setAttribute(
    'style',
    'all: initial !important; position: fixed !important; right: 16px !important; bottom: 16px !important; z-index: 2147483647 !important;',
  );
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CHIP_CSS;
  const button = document.createElement('button');
  button.type = 'button';
  root.append(style, button);
  button.addEventListener('click', () => void ask('openProfileStatus'));

  function show(state: ChipState | null): void {
    // An answer about a profile this tab has already left (Instagram moves without loading a page) is not shown.
    if (!state || state.username !== profilePageUsername(location.href)) {
      host.remove();
      return;
    }
    button.textContent = state.words;
    button.dataset.tone = state.tone;
    if (!host.isConnected) document.documentElement.append(host);
  }

  async function ask<K extends keyof TabReplies>(type: K): Promise<TabReplies[K] | undefined> {
    const answer = (await api.sendMessage({ collabDesk: 1, type }).catch(() => undefined)) as WireReply | undefined;
    return answer && 'reply' in answer ? (answer.reply as TabReplies[K]) : undefined;
  }

  api.onMessage.addListener((message) => {
    if ((message as ChipMessage | undefined)?.collabDeskChip === 1) show((message as ChipMessage).state);
  });
  void ask('getProfileStatus').then((state) => show(state ?? null));
});
