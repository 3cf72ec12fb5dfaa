/** Portside's mark: a socket with one open port. Decorative; the name is in the text beside it. */
export function Logo() {
  return (
    <svg className="logo" width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="26" height="26" rx="7" fill="var(--accent)" />
      <rect x="7" y="9" width="14" height="10" rx="2.5" fill="none" stroke="#fff" strokeWidth="2" />
      <path d="M11 13v2M14 13v2M17 13v2" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
