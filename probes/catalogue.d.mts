// Types for catalogue.mjs, so the browser build (no allowJs) can import it.
/** Rule id → what passing means, in one line. */
export declare const RULES: Record<string, string>;
export declare const RULE_IDS: string[];
