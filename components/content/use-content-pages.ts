import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ContentRow } from '@/utils/content/content-row';
import type { ContentListAnswer } from '@/utils/content/content-service';
import { filtersKey } from '@/utils/content/content-query';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage, type RequestData } from '@/utils/messaging/protocol';
import { toActionError, type ActionError } from '../shared/hooks/use-action';

/** The filters as the background's request takes them (each value one Meta's sources list). */
export type ContentFilters = RequestData<'listContent'>['filters'];

type Ready = Extract<ContentListAnswer, { state: 'ready' }>;

/** What the Content view shows of a brand's posts: the first page's answer, and the pages Load more added after it. */
export interface ContentPages {
  answer?: ContentListAnswer;
  rows: ContentRow[];
  /** The cursor of the page after the last one shown; absent when Meta sent the last page. */
  nextCursor?: string;
  loading: boolean;
  loadingMore: boolean;
  refreshing: boolean;
  error?: ActionError;
}

/**
 * A brand's partnership content with the filters run at Meta: the first page from the
 * background's cache at once (a stale one is refreshed behind, and the fresh one arrives by
 * event), then one page more per Load more. Answers to an older brand or filter are dropped.
 */
export function useContentPages(brandIgId: string | undefined, filters: ContentFilters) {
  const [state, setState] = useState<ContentPages>({ rows: [], loading: false, loadingMore: false, refreshing: false });
  const query = brandIgId ? `${brandIgId}|${filtersKey(filters)}` : '';
  // Bumped for each new brand or filter: an answer that comes back for an older one is not shown.
  const generation = useRef(0);
  const extraPages = useRef(0);

  const showFirst = (answer: ContentListAnswer) =>
    setState((previous) => {
      // A first page read again (fresh data behind) keeps the pages Load more added only when nothing more was loaded.
      const ready = answer.state === 'ready' ? answer : undefined;
      extraPages.current = 0;
      return {
        ...previous,
        answer,
        rows: ready?.page.rows ?? [],
        nextCursor: ready?.page.nextCursor,
        loading: false,
        refreshing: ready?.refreshing ?? false,
        error: undefined,
      };
    });

  const loadFirst = useCallback(
    async (fresh = false) => {
      if (!brandIgId) return;
      const asked = generation.current;
      try {
        const answer = await sendMessage(fresh ? 'refreshContent' : 'listContent', { brandIgId, filters });
        if (asked === generation.current) showFirst(answer);
      } catch (caught) {
        if (asked === generation.current)
          setState((previous) => ({ ...previous, loading: false, refreshing: false, error: toActionError(caught) }));
      }
    },
    [query],
  );

  useEffect(() => {
    generation.current++;
    setState({ rows: [], loading: brandIgId !== undefined, loadingMore: false, refreshing: false });
    void loadFirst();
    return subscribeToBackgroundEvents((event) => {
      const concerns = 'area' in event && event.area === 'content' && event.brandIgId === brandIgId;
      // Fresh data behind the first page: shown unless the person has already paged on.
      if ((event.type === 'data-changed' && concerns && extraPages.current === 0) || event.type === 'events-resumed') void loadFirst();
      if (event.type === 'auth-changed') void loadFirst();
      if (event.type === 'refresh-failed' && concerns) setState((previous) => ({ ...previous, refreshing: false, error: event.error }));
    });
  }, [loadFirst]);

  async function loadMore() {
    const after = state.nextCursor;
    if (!brandIgId || !after || state.loadingMore) return;
    const asked = generation.current;
    setState((previous) => ({ ...previous, loadingMore: true, error: undefined }));
    try {
      const answer = await sendMessage('listContent', { brandIgId, filters, after });
      if (asked !== generation.current) return;
      extraPages.current++;
      setState((previous) =>
        answer.state === 'ready'
          ? { ...previous, rows: [...previous.rows, ...answer.page.rows], nextCursor: answer.page.nextCursor, loadingMore: false }
          : { ...previous, answer, loadingMore: false },
      );
    } catch (caught) {
      if (asked === generation.current) setState((previous) => ({ ...previous, loadingMore: false, error: toActionError(caught) }));
    }
  }

  async function refresh() {
    setState((previous) => ({ ...previous, refreshing: true }));
    await loadFirst(true);
  }

  const ready: Ready | undefined = state.answer?.state === 'ready' ? state.answer : undefined;
  return { ...state, ready, loadMore, refresh, reload: () => loadFirst() };
}
