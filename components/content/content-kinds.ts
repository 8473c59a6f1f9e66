import { t } from '@/utils/i18n';
import type { MessageKey } from '@/utils/i18n/said';
import type { ContentRow } from '@/utils/content/content-row';

/** Words for the values Meta's sources list; any other value is shown as Meta sent it. */
export const PLATFORM_WORDS: Record<string, MessageKey> = { INSTAGRAM: 'contentPlatformInstagram', FACEBOOK: 'contentPlatformFacebook' };
export const MEDIA_WORDS: Record<string, MessageKey> = {
  IMAGE: 'contentMediaImage',
  VIDEO: 'contentMediaVideo',
  CAROUSEL_ALBUM: 'contentMediaCarousel',
};
export const POST_WORDS: Record<string, MessageKey> = { FEED: 'contentPostFeed', REEL: 'contentPostReel', STORY: 'contentPostStory' };

function wordOf(words: Record<string, MessageKey>, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const key = words[value];
  return key ? t(key) : value;
}

/** "Instagram · Reel · Video": the platform and kind of a post, from what Meta gave. */
export function kindWords(row: Pick<ContentRow, 'platform' | 'postType' | 'mediaType'>): string {
  return [wordOf(PLATFORM_WORDS, row.platform), wordOf(POST_WORDS, row.postType), wordOf(MEDIA_WORDS, row.mediaType)]
    .filter(Boolean)
    .join(' · ');
}
