import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

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
  useEffect(() => {
    confirmed.current = false;
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) element.showModal();
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
                request.onConfirm();
                onClose();
              }}
            >
              {request.action ? `Confirm: ${request.action}` : 'Confirm'}
            </button>
            {/* A confirmation opens on its safe choice (WAI-ARIA dialog pattern). */}
            <button type="button" onClick={onClose} autoFocus>
              Cancel
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
