import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';
import { keepFocusNear } from './announce';

export interface ConfirmRequest {
  title: string;
  message: ComponentChildren;
  onConfirm: () => void;
  /** What Confirm does, named on the button after "Confirm": "Revoke @maya.trails", "Send 120 requests". */
  action?: string;
  /** Called when the person cancels (Cancel or Escape). */
  onCancel?: () => void;
}

/** A modal question with Confirm and Cancel; Escape cancels. Every send, revoke and bulk action passes through one. */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | undefined; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const invoker = useRef<HTMLElement | null>(null);
  useEffect(() => {
    confirmed.current = false;
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) {
      invoker.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    }
    if (!request && element.open) element.close();
  }, [request]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="confirm-title"
      onClose={() => {
        if (!confirmed.current) request?.onCancel?.();
        onClose();
      }}
      class="confirm"
    >
      {request && (
        <>
          <h2 id="confirm-title">{request.title}</h2>
          <div class="confirm-message">{request.message}</div>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() => {
                confirmed.current = true;
                // The dialog gives focus back to the button that opened it; if the action removes that button, focus stays near.
                if (invoker.current) keepFocusNear(invoker.current);
                request.onConfirm();
                onClose();
              }}
            >
              {request.action ? t('confirmAction', { action: request.action }) : t('confirmButton')}
            </button>
            {/* A confirmation opens on its safe choice (WAI-ARIA dialog pattern). */}
            <button type="button" onClick={onClose} autoFocus>
              {t('confirmCancel')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
