/** Types of addin-base-url.cjs (plain CommonJS so webpack.config.js can require it). */
export function placeholderHostReason(hostname: string): string | null;
export function productionBaseUrl(value: string | undefined): { url: string } | { error: string };
export const DEV_BASE_URL: string;
export function productionManifest(xml: string, baseUrl: string): string;
