import { useEffect, useState } from 'preact/hooks';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage, type SettingsView } from '@/utils/messaging/protocol';

/** The settings as the background has them, kept current when they are saved anywhere. */
export function useSettings(): SettingsView | undefined {
  const [settings, setSettings] = useState<SettingsView>();
  useEffect(() => {
    const load = () => void sendMessage('getSettings', undefined).then(setSettings, () => undefined);
    load();
    return subscribeToBackgroundEvents((event) => {
      if (event.type === 'settings-changed' || event.type === 'events-resumed') load();
    });
  }, []);
  return settings;
}
