/** Page tasks as /me/accounts reports them. */
export const PAGE_TASKS = ['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'ADVERTISE', 'ANALYZE'] as const;
export type PageTask = (typeof PAGE_TASKS)[number];

/** The Instagram permissions a Page's people can grant an app (seed 001, "Tasks"). */
export const INSTAGRAM_PERMISSIONS = [
  'instagram_basic',
  'instagram_content_publish',
  'instagram_manage_comments',
  'instagram_manage_insights',
] as const;
export type InstagramPermission = (typeof INSTAGRAM_PERMISSIONS)[number];

/** Seed 001's task table: which permissions each task lets the person grant. */
const GRANTABLE_BY_TASK: Record<PageTask, readonly InstagramPermission[]> = {
  MANAGE: INSTAGRAM_PERMISSIONS,
  CREATE_CONTENT: INSTAGRAM_PERMISSIONS,
  MODERATE: ['instagram_basic', 'instagram_manage_comments', 'instagram_manage_insights'],
  ADVERTISE: ['instagram_basic', 'instagram_manage_insights'],
  ANALYZE: ['instagram_basic', 'instagram_manage_insights'],
};

/** Known tasks among what Meta sent, upper-cased; tasks this table does not cover are ignored. */
export function knownTasks(tasks: readonly string[]): PageTask[] {
  const upper = new Set(tasks.map((task) => task.toUpperCase()));
  return PAGE_TASKS.filter((task) => upper.has(task));
}

export function grantablePermissions(tasks: readonly string[]): Record<InstagramPermission, boolean> {
  const granted = new Set(knownTasks(tasks).flatMap((task) => GRANTABLE_BY_TASK[task]));
  return Object.fromEntries(INSTAGRAM_PERMISSIONS.map((permission) => [permission, granted.has(permission)])) as Record<
    InstagramPermission,
    boolean
  >;
}
