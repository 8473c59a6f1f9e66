/**
 * Where the ad itself is made for now (creating ads from Collab Desk is a later issue): Meta
 * Business Suite of the business the content was read under, whose Partnership Ads Hub lists
 * the same content. Meta documents no stable deep link into the Hub, so this opens the
 * business's Business Suite, where the Hub is reached from its menu.
 */
export function hubUrl(businessId: string): string {
  return `https://business.facebook.com/latest/home?business_id=${encodeURIComponent(businessId)}`;
}
