import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { said } from '@/utils/i18n/said';
import { ErrorNotice } from './ErrorNotice';

/**
 * A component whose code loads when it is first shown (its own chunk, with its libraries),
 * so the popup and the dashboard's first view load only what they paint. Until it is there,
 * `placeholder` shows ("Loading…" for a whole view, nothing for a part).
 */
export function lazyComponent<P extends object>(
  load: () => Promise<FunctionComponent<P>>,
  placeholder: 'loading' | 'nothing' = 'nothing',
): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<FunctionComponent<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      load()
        .then((component) => {
          loaded = component;
          setComponent(() => component);
        })
        .catch(() => setFailed(true));
    }, []);
    if (failed) return <ErrorNotice error={{ kind: 'unknown', said: said('errorUnknown') }} />;
    if (Component) return <Component {...props} />;
    return placeholder === 'loading' ? <p class="muted">{t('commonLoading')}</p> : null;
  };
}

/** A dashboard view loaded on demand. */
export const lazyView = (load: () => Promise<FunctionComponent>) => lazyComponent(load, 'loading');
