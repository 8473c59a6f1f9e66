import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

/** Copies text to the clipboard and says so for two seconds (announced to screen readers). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <button type="button" onClick={copy} aria-live="polite">
      {copied ? t('commonCopied') : label}
    </button>
  );
}
