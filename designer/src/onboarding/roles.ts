/** Who may submit applications and tick documents (onboarding.write). */
export const WRITE_ROLES = ['agent', 'relationship-manager', 'supervisor'];
/** Who keeps the watch list and sees screening results (onboarding.watchlist). */
export const WATCHLIST_ROLES = ['compliance'];
