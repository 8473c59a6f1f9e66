/**
 * The person's brand choice against answers that may be older than it. The background stores
 * a choice when `selectBrand` reaches it; an overview asked before then carries the choice
 * before, and showing it would quietly undo what the person just picked.
 */
export function brandChoiceKeeper() {
  let made = 0;
  let settled = 0;
  let latest = '';
  let latestFailed = false;
  return {
    /**
     * The person picked `igId`. Call `stored` once the background has stored it, or `failed`
     * if it could not: then answers carry the background's choice again.
     */
    choose(igId: string) {
      latest = igId;
      latestFailed = false;
      const choice = ++made;
      const settle = () => {
        settled = Math.max(settled, choice);
      };
      return {
        stored: settle,
        failed: () => {
          if (choice === made) latestFailed = true;
          settle();
        },
      };
    },
    /** Call when asking for an overview; hand its answer to what this returns. */
    asking() {
      const settledWhenAsked = settled;
      return <T extends { selectedBrandIgId: string }>(answer: T): T =>
        made > settledWhenAsked && !latestFailed ? { ...answer, selectedBrandIgId: latest } : answer;
    },
  };
}
