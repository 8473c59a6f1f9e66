/** The one origin "Show status on instagram.com" needs (the build config reads it too, so nothing here touches the browser). */
export const INSTAGRAM_ORIGIN = 'https://www.instagram.com/*';
