/* global URL */
/**
 * Where the add-in is deployed. A production build (`npm run build`) takes the HTTPS address dist/ will be served
 * from out of ADDIN_BASE_URL and writes it into dist/manifest.xml (webpack.config.js); `npm run validate` refuses a
 * deployed manifest that still names a placeholder or local host (scripts/validate-manifest.ts). One list for both.
 * CommonJS because the webpack config requires it as it is.
 */

/** Documentation hosts (RFC 2606, Microsoft's samples) and reserved names: never where an add-in is served from. */
const PLACEHOLDER_DOMAINS = ["contoso.com", "fabrikam.com", "example.com", "example.org", "example.net"];
const RESERVED_TLDS = ["example", "test", "invalid", "localhost"];

/**
 * Why `hostname` cannot be a production host, or null.
 * @param {string} hostname as in URL.hostname (lower case; IPv6 in brackets)
 * @returns {string | null}
 */
function placeholderHostReason(hostname) {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  const under = (domain) => host === domain || host.endsWith(`.${domain}`);
  if (host === "localhost" || /^127\./.test(host) || host === "[::1]" || host === "0.0.0.0")
    return `${host} is this machine, not a host other people's Excel can reach`;
  const domain = PLACEHOLDER_DOMAINS.find(under);
  if (domain) return `${host} is a placeholder host (${domain} is reserved for examples)`;
  const tld = RESERVED_TLDS.find(under);
  if (tld) return `${host} is not a public host (.${tld} is reserved)`;
  return null;
}

/**
 * ADDIN_BASE_URL checked and normalised to end in "/" (the manifest's URLs are built by appending file names).
 * @param {string | undefined} value
 * @returns {{ url: string } | { error: string }}
 */
function productionBaseUrl(value) {
  const example = "e.g. ADDIN_BASE_URL=https://addin.your-unit.gov.cn/budget/ npm run build";
  if (value === undefined || value.trim() === "")
    return {
      error: `ADDIN_BASE_URL is not set: a production build needs the HTTPS address dist/ will be served from (${example})`,
    };
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    return { error: `ADDIN_BASE_URL "${value}" is not a URL (${example})` };
  }
  if (url.protocol !== "https:") return { error: `ADDIN_BASE_URL must be https:// (Office loads add-ins over HTTPS only), got "${value}"` };
  if (url.search || url.hash) return { error: `ADDIN_BASE_URL must not have a query or #fragment, got "${value}"` };
  if (url.username || url.password) return { error: `ADDIN_BASE_URL must not contain a user name or password` };
  const reason = placeholderHostReason(url.hostname);
  if (reason) return { error: `ADDIN_BASE_URL: ${reason}` };
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return { url: url.href };
}

/** The development address manifest.xml is written for (webpack dev server). */
const DEV_BASE_URL = "https://localhost:3000/";

/**
 * manifest.xml as deployed: every development URL moved under `baseUrl` (a productionBaseUrl result).
 * @param {string} xml
 * @param {string} baseUrl
 * @returns {string}
 */
function productionManifest(xml, baseUrl) {
  return xml.replaceAll(DEV_BASE_URL, baseUrl);
}

module.exports = { DEV_BASE_URL, placeholderHostReason, productionBaseUrl, productionManifest };
