import { t } from '@/utils/i18n';

/** The last creators looked up, newest first: one click looks one up again. */
export function RecentCreators({ names, onPick }: { names: string[]; onPick: (username: string) => void }) {
  if (names.length === 0) return null;
  return (
    <section class="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('popupRecentCreators')}</h2>
      <ul>
        {names.map((name) => (
          <li key={name}>
            <button type="button" class="chip" onClick={() => onPick(name)}>
              <bdi>@{name}</bdi>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
